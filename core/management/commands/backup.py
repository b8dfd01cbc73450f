"""manage.py backup FILE: one consistent copy of the whole database."""

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core import backups
from core.backups import BackupError, postgres, sqlite


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the whole database to FILE: pg_dump's custom "
        "format for PostgreSQL (pg_dump at least the server's version), the online "
        "backup API for SQLite. The encryption keys are not in it: keep them apart. "
        "Restore with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace FILE if it exists (by default an existing file is kept).",
        )

    def handle(self, *args, file, overwrite=False, **options):
        try:
            self._backup(file, overwrite=overwrite)
        except BackupError as error:
            raise CommandError(str(error)) from None

    def _backup(self, path: Path, *, overwrite: bool) -> None:
        if path.exists() and not overwrite:
            raise BackupError(
                f"{path} exists already; name a new file, or pass --overwrite."
            )
        engine = backups.engine()
        if engine == "postgresql":
            dump_version, server_version = postgres.check_dump_version()
            how = f"pg_dump {dump_version}, PostgreSQL {server_version} server"
        else:
            how = "SQLite online backup"
        accounts = get_user_model().objects.count()
        partial = backups.partial_path(path)
        partial.unlink(missing_ok=True)
        try:
            if engine == "postgresql":
                postgres.dump(partial)
            else:
                sqlite.dump(partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
        size = path.stat().st_size
        self.stdout.write(
            f"Backed up the database to {path} ({_readable(size)}, {how}; "
            f"{accounts} accounts). The encryption keys are not in it: keep them "
            "apart."
        )


def _readable(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"
