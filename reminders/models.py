import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from journal.models import TherapySession
from reminders.rules import ALL_DAYS

DEFAULT_TIME = datetime.time(20, 0)
DEFAULT_NUDGE_TIME = datetime.time(19, 0)


class ReminderSettings(models.Model):
    """When and how a person wants a daily nudge; nothing is sent until enabled."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_settings",
    )
    enabled = models.BooleanField(_("send me a daily reminder"), default=False)
    time = models.TimeField(_("time of day"), default=DEFAULT_TIME)
    # Weekday numbers, Monday 0 to Sunday 6, as a string of digits: "0123456".
    days = models.CharField(_("days"), max_length=7, default=ALL_DAYS)
    channel_email = models.BooleanField(_("by e-mail"), default=True)
    channel_push = models.BooleanField(_("as a notification"), default=False)
    paused_until = models.DateField(_("pause until"), null=True, blank=True)
    # The evening before a therapy session: "your summary is ready", nothing more.
    session_nudge = models.BooleanField(
        _("the evening before a session"), default=False
    )
    session_nudge_time = models.TimeField(
        _("at this time, the evening before"), default=DEFAULT_NUDGE_TIME
    )

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self):
        return f"Reminder settings {self.pk}"

    @property
    def weekdays(self) -> set[int]:
        return {int(day) for day in self.days}


class DeliveryQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class Delivery(models.Model):
    """One reminder, claimed before it is sent: one per person per local day.

    The unique constraint is what makes `run_periodic` safe to run from two
    machines at once or twice in a minute: the second claim fails.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    local_date = models.DateField()
    sent_at = models.DateTimeField(default=timezone.now)
    channels = models.CharField(max_length=32, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "local_date"], name="reminder_one_per_local_day"
            )
        ]

    def __str__(self):
        return f"Reminder delivery {self.pk}"


class PushSubscription(models.Model):
    """A browser that agreed to receive notifications (the Push API's subscription).

    The endpoint is the push service's address for that browser; the two keys let
    us encrypt for it (RFC 8291), so the push service itself cannot read a message.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
    )
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Push subscription {self.pk}"

    @property
    def info(self) -> dict:
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": self.p256dh, "auth": self.auth},
        }


class SessionNudge(models.Model):
    """The one message before a session, claimed before it is sent.

    One per session (unique), so two runners, or a session moved within the window,
    never send it twice.
    """

    session = models.OneToOneField(
        TherapySession, on_delete=models.CASCADE, related_name="+"
    )
    sent_at = models.DateTimeField(default=timezone.now)
    channels = models.CharField(max_length=32, blank=True)

    def __str__(self):
        return f"Session nudge {self.pk}"
