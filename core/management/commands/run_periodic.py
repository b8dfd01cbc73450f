from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core import periodic


class Command(BaseCommand):
    help = (
        "Run the site's periodic work once: each app's registered job (make repeating "
        "therapy sessions ahead, wipe share-link visitor marks older than their hour, "
        "send the reminders and session nudges that are due). Run it every minute; "
        "it is safe from several machines at once and after downtime. A job that "
        "fails is logged, the others still run, and the command then exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what each job would do; change and send nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        outcomes = periodic.run_all(timezone.now(), dry_run=dry_run)
        self.stdout.write("\n".join(outcome.report for outcome in outcomes))
        failed = [outcome.name for outcome in outcomes if outcome.has_failed]
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)} (see the log).")
