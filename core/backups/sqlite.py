"""SQLite: the online backup API, which copies a consistent snapshot page by page
while the site keeps running (copying the file itself could catch a write half
done)."""

import sqlite3
from pathlib import Path

from django.db import connection

from core.backups import BackupError


def dump(path: Path) -> None:
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def check(path: Path) -> None:
    """Refuse a damaged file, or a SQLite database that is not this site's."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (verdict,) = source.execute("PRAGMA integrity_check").fetchone()
        has_migrations = source.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' "
            "AND name = 'django_migrations'"
        ).fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} cannot be read: {error}.") from None
    finally:
        source.close()
    if verdict != "ok":
        raise BackupError(f"{path} is damaged (SQLite says: {verdict}).")
    if not has_migrations:
        raise BackupError(f"{path} is a SQLite database, but not this site's.")


def restore(path: Path) -> None:
    """Replace the database's whole content with the file's, in one step."""
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
