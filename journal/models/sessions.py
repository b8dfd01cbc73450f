"""Therapy sessions: schedules, sessions, stars ("bring this up") and talk points."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedTextField
from journal.models.base import OwnedQuerySet
from journal.models.entries import Entry


class SessionSchedule(models.Model):
    """A repeating appointment: every one or two weeks, on a weekday, at a time.

    Its sessions are made ahead of time as rows of their own (TherapySession), each
    with the zone it was made in, so skipping or moving one never touches the rest.
    """

    class Every(models.IntegerChoices):
        WEEK = 1, _("Every week")
        TWO_WEEKS = 2, _("Every two weeks")

    # Stable across export and import, so a file imported twice adds nothing.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_schedules",
    )
    every_weeks = models.PositiveSmallIntegerField(
        _("how often"), choices=Every.choices, default=Every.WEEK
    )
    starts_on = models.DateField(_("first session"))
    at = models.TimeField(_("time"))
    time_zone = models.CharField(max_length=64)
    label = EncryptedTextField(_("label (optional)"), max_length=60, blank=True)
    # Sessions exist up to this day; the daily job and each visit extend it.
    made_until = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(every_weeks__in=[1, 2]),
                name="schedule_every_one_or_two_weeks",
            ),
        ]

    def __str__(self):
        return f"Session schedule {self.pk} (every {self.every_weeks} weeks)"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class TherapySessionQuerySet(OwnedQuerySet):
    def held(self):
        """Sessions that take place: not skipped."""
        return self.filter(is_skipped=False)


class TherapySession(models.Model):
    """One appointment with a therapist: a one-off, or one date of a schedule."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="therapy_sessions",
    )
    schedule = models.ForeignKey(
        SessionSchedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    # The date the schedule gave it, kept when the session is moved, so the schedule
    # never makes that date again.
    scheduled_on = models.DateField(null=True, blank=True)
    starts_at = models.DateTimeField(_("date and time"))
    time_zone = models.CharField(max_length=64)
    label = EncryptedTextField(_("label (optional)"), max_length=60, blank=True)
    is_skipped = models.BooleanField(default=False)
    is_moved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TherapySessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["owner", "starts_at"], name="session_owner_time_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "scheduled_on"],
                condition=models.Q(schedule__isnull=False),
                name="session_once_per_schedule_date",
            ),
        ]

    def __str__(self):
        return f"Therapy session {self.pk}"

    def get_absolute_url(self):
        return reverse("journal:session", kwargs={"pk": self.pk})


class SessionStar(models.Model):
    """ "Bring this up": an entry starred for a session (None: no session set yet)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="stars")
    session = models.ForeignKey(
        TherapySession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stars",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "session"], name="star_once_per_entry_session"
            ),
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(session__isnull=True),
                name="star_once_per_entry_unscheduled",
            ),
        ]

    def __str__(self):
        return f"Star {self.pk} on entry {self.entry_id}"


class TalkPoint(models.Model):
    """One thing a person wants to talk about at a session."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talk_points"
    )
    # None until a session is set: the list then waits for the next one.
    session = models.ForeignKey(
        TherapySession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="talk_points",
    )
    text = EncryptedTextField(_("what you want to talk about"), max_length=200)
    position = models.PositiveIntegerField(default=0)
    is_done = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"Talk point {self.pk}"
