"""The journal's periodic job (registered in apps.py, run by run_periodic)."""

from journal.sessions.services import extend_all_schedules


def make_sessions_ahead(now, dry_run: bool) -> str:
    """Repeating sessions made ahead, so the coming ones always exist."""
    made = 0 if dry_run else extend_all_schedules(now.date())
    return f"{made} repeating sessions made ahead."
