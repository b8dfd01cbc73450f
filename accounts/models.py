import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Language, WeekStart
from accounts.timezones import local_today


class Profile(models.Model):
    """Personal settings, one per user, created together with the user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    week_start = models.CharField(
        _("week starts on"),
        max_length=6,
        choices=WeekStart.choices,
        default=WeekStart.MONDAY,
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.ENGLISH
    )

    def __str__(self):
        return self.display_name or self.user.get_username()

    def today(self) -> datetime.date:
        """Today's date on this person's own calendar."""
        return local_today(timezone.now(), self.time_zone)


def profile_for(user) -> Profile:
    """The user's profile, made on the spot if an older account has none yet."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _created = Profile.objects.get_or_create(user=user)
        return profile
