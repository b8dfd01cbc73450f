"""Backups that restore: one consistent copy of the whole database in a file.

PostgreSQL is copied with pg_dump's custom format (postgres.py), SQLite with its
online backup API (sqlite.py); `manage.py backup FILE` and `manage.py restore FILE`
(core/management/commands/) pick by the engine in DATABASE_URL. Neither copy holds
the encryption keys (DJANGO_FIELD_ENCRYPTION_KEYS), which are kept apart on purpose:
a stolen backup alone cannot read anyone's journal. erasures.py keeps the list of
accounts erased since, which a restore erases again.
"""

from pathlib import Path

from django.db import connection


class BackupError(Exception):
    """A backup or restore that cannot go ahead, with the reason in plain words."""


POSTGRESQL_MAGIC = b"PGDMP"
SQLITE_MAGIC = b"SQLite format 3\x00"


def engine() -> str:
    """'postgresql' or 'sqlite', the engine of the default database."""
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def file_engine(path: Path) -> str:
    """Which engine wrote a backup file, from its first bytes."""
    try:
        with open(path, "rb") as backup:
            start = backup.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror}.") from None
    if start.startswith(POSTGRESQL_MAGIC):
        return "postgresql"
    if start == SQLITE_MAGIC:
        return "sqlite"
    raise BackupError(
        f"{path} is not a backup made by `manage.py backup` (neither a pg_dump "
        "custom-format file nor a SQLite database)."
    )


def existing_tables() -> list[str]:
    """The tables already in the default database (empty for a new one)."""
    return connection.introspection.table_names()


def partial_path(path: Path) -> Path:
    """Where a backup is written until it is whole: a failed or interrupted backup
    never leaves a half file under the name of a good one."""
    return path.with_name(path.name + ".partial")
