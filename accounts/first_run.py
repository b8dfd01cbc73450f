"""The first run after sign-up is asked once: whether answered or skipped."""

from accounts.models import Profile


def has_seen_welcome(user) -> bool:
    """True once the person answered or skipped the first run (or is older than it)."""
    return Profile.objects.filter(user=user, has_seen_welcome=True).exists()


def mark_welcome_seen(user) -> None:
    Profile.objects.filter(user=user).update(has_seen_welcome=True)
