"""The reminders' periodic job (registered in apps.py, run by run_periodic)."""

from reminders.sending import send_due, send_nudges


def send_reminders(now, dry_run: bool) -> str:
    """Send the daily reminders and the session nudges due now."""
    report = send_due(now, dry_run=dry_run)
    nudges = send_nudges(now, dry_run=dry_run)
    verb = "would be sent" if dry_run else "sent"
    return (
        f"{report.sent} reminders {verb}; {report.claimed_elsewhere} sent by "
        f"another runner; {report.failed} failed and will be retried.\n"
        f"{nudges.sent} session nudges {verb}; {nudges.claimed_elsewhere} sent "
        f"by another runner; {nudges.failed} failed and will be retried."
    )
