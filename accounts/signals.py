from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from django.utils import timezone

from accounts import lockout, sessions
from accounts.models import Profile
from core.network import client_ip


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_profile(sender, instance, created, raw=False, **kwargs):
    """Every user gets a profile, however they were made (sign-up, admin, shell)."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


@receiver(user_login_failed)
def count_login_failure(sender, credentials, request=None, **kwargs):
    """Every wrong password counts toward the lock-out rules (accounts/lockout.py)."""
    username = (credentials or {}).get("username") or ""
    if username:
        address = client_ip(request) if request is not None else None
        lockout.record_failure(username, address, timezone.now())


@receiver(user_logged_in)
def list_the_new_session(sender, request, user, **kwargs):
    """Every sign-in appears under "Where you're signed in"."""
    if request is not None and hasattr(request, "session"):
        sessions.record(request, user, timezone.now())


# Sent when the person sets a new password, by changing it (``keep_session`` is the
# session that stays signed in) or through a reset link (``keep_session`` is None).
# ``end_shared_access`` asks the apps that share the journal to stop sharing it.
password_replaced = Signal()
