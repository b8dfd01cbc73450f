import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import OperationalError


class Command(BaseCommand):
    help = (
        "Wait until the database accepts connections, then exit 0; exit non-zero "
        "with the last error after --timeout seconds. Run it before `migrate` in a "
        "container set, so the order does not depend on the compose tool honouring "
        "health conditions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--timeout",
            type=float,
            default=60.0,
            help="Seconds to keep trying (default 60).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds between tries (default 1).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, timeout, interval, database, **options):
        connection = connections[database]
        deadline = time.monotonic() + timeout
        tries = 0
        while True:
            tries += 1
            try:
                connection.ensure_connection()
            except OperationalError as error:
                last_error = str(error).strip().splitlines()[0] if str(error) else ""
                connection.close()
                if time.monotonic() + interval > deadline:
                    raise CommandError(
                        f"The database did not accept connections within "
                        f"{timeout:g} seconds ({tries} tries). Last error: "
                        f"{last_error or type(error).__name__}"
                    ) from error
                time.sleep(interval)
            else:
                self.stdout.write(
                    f"The database accepts connections (after {tries} "
                    f"{'try' if tries == 1 else 'tries'})."
                )
                return
