from django.core.management.base import BaseCommand
from django.utils import timezone

from journal.services.share_links import wipe_old_visitor_marks
from journal.sessions.services import extend_all_schedules
from reminders.sending import send_due, send_nudges


class Command(BaseCommand):
    help = (
        "Send the daily reminders and the evening-before-session nudges that are due "
        "now, make repeating sessions ahead, and wipe share-link visitor marks "
        "older than their hour. Safe to run every minute, from "
        "several machines at once, and after downtime: each person gets at most one "
        "reminder a day and one nudge a session, none more than two hours late."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count who is due; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        report = send_due(now, dry_run=dry_run)
        nudges = send_nudges(now, dry_run=dry_run)
        made = 0 if dry_run else extend_all_schedules(now.date())
        # The privacy page promises an hour: wiped within a minute of it, even when
        # no share link is opened to wipe them.
        wiped = 0 if dry_run else wipe_old_visitor_marks(now)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(
            f"{report.sent} reminders {verb}; {report.claimed_elsewhere} sent by "
            f"another runner; {report.failed} failed and will be retried.\n"
            f"{nudges.sent} session nudges {verb}; {nudges.claimed_elsewhere} sent "
            f"by another runner; {nudges.failed} failed and will be retried.\n"
            f"{made} repeating sessions made ahead.\n"
            f"{wiped} share-link visitor marks wiped."
        )
