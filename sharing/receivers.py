"""Sharing's answers to account events."""

from django.dispatch import receiver
from django.utils import timezone

from accounts.signals import password_replaced
from sharing.models import ShareLink


@receiver(password_replaced)
def stop_sharing_after_a_new_password(sender, user, end_shared_access, **kwargs):
    """Links made by whoever had the old password (or a stolen session) stop working."""
    if end_shared_access:
        ShareLink.objects.for_user(user).active(timezone.now()).update(
            revoked_at=timezone.now()
        )
