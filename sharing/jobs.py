"""Sharing's periodic job (registered in apps.py, run by run_periodic)."""

from sharing.services import wipe_old_visitor_marks


def wipe_visitor_marks(now, dry_run: bool) -> str:
    """The privacy page promises an hour: marks are wiped within a minute of it,
    even when no share link is opened to wipe them."""
    wiped = 0 if dry_run else wipe_old_visitor_marks(now)
    return f"{wiped} share-link visitor marks wiped."
