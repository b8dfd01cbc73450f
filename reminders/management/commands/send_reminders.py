from django.core.management.base import BaseCommand
from django.utils import timezone

from reminders.sending import send_due


class Command(BaseCommand):
    help = (
        "Send the daily reminders that are due now. Safe to run every minute, from "
        "several machines at once, and after downtime: each person gets at most one "
        "a day, and none more than two hours after their chosen time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who is due; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        report = send_due(timezone.now(), dry_run=dry_run)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(
            f"{report.sent} reminders {verb}; {report.claimed_elsewhere} sent by "
            f"another runner; {report.failed} failed and will be retried."
        )
