"""manage.py restore FILE: load a backup into an empty database."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core import backups
from core.backups import BackupError, erasures, postgres, sqlite


class Command(BaseCommand):
    help = (
        "Load a backup made by `manage.py backup` into the database DATABASE_URL "
        "names, which must be empty unless --replace is given. Then apply any newer "
        "migrations, erase again the accounts erased since the backup was made "
        "(DJANGO_ERASED_ACCOUNTS_FILE) and empty the shared cache. Stop the web "
        "processes and the scheduler first; start them again after."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Drop everything in the database first (it holds data).",
        )
        parser.add_argument(
            "--erased-accounts",
            action="append",
            type=Path,
            metavar="LIST",
            help=(
                "A list of erased accounts to apply again (repeatable; by default "
                "DJANGO_ERASED_ACCOUNTS_FILE)."
            ),
        )

    def handle(self, *args, file, replace=False, erased_accounts=None, **options):
        try:
            self._restore(file, replace=replace, lists=erased_accounts)
        except BackupError as error:
            raise CommandError(str(error)) from None

    def _restore(self, path: Path, *, replace: bool, lists) -> None:
        engine = backups.engine()
        made_by = backups.file_engine(path)
        if made_by != engine:
            raise BackupError(
                f"{path} is a {made_by} backup; DATABASE_URL names a {engine} database."
            )
        if lists is None:
            lists = [erasures.list_path()] if erasures.list_path() else []
        # Read before anything changes: a damaged list stops the restore here.
        erased = [erasure for listed in lists for erasure in erasures.read(listed)]
        if engine == "postgresql":
            postgres.check_restore_version(path)
        else:
            sqlite.check(path)
        tables = backups.existing_tables()
        if tables and not replace:
            raise BackupError(
                f"The database already holds {len(tables)} tables; nothing was "
                "changed. Restore into a new, empty database, or pass --replace to "
                "drop everything in this one first."
            )
        if engine == "postgresql":
            postgres.drop_tables(tables if replace else [])
            postgres.restore(path)
        else:
            sqlite.restore(path)
        connection.close()
        ContentType.objects.clear_cache()
        self.stdout.write(
            f"Restored {path}: {get_user_model().objects.count()} accounts."
        )
        self._finish(erased)

    def _finish(self, erased) -> None:
        # A backup from an older version is brought up to this code's tables, so
        # that the accounts below can be erased with today's models.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        again = erasures.erase_again(erased)
        self.stdout.write(
            f"Erased again {again} accounts erased since the backup was made "
            f"({len(erased)} on the list)."
        )
        # Cached page fragments belong to the timeline the restore discarded.
        if caches["default"].clear() is False:
            self.stderr.write(
                "The shared cache did not answer and still holds pages from before "
                "the restore: empty it (for Redis: redis-cli FLUSHDB) before the web "
                "processes start."
            )
        else:
            self.stdout.write("Emptied the shared cache.")
        self.stdout.write(
            "Start the web processes and the scheduler again (each web process keeps "
            "its own copy of pages that are the same for everyone)."
        )
