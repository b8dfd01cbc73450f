"""Rest days and behavioral-activation activity plans."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedTextField
from journal.models.base import OwnedQuerySet
from journal.models.entries import Entry


class RestDay(models.Model):
    """A day off from practice, chosen ahead or after: it never breaks a streak."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rest_days"
    )
    day = models.DateField(_("day"))
    # Private, like the journal: encrypted at rest.
    reason = EncryptedTextField(
        _("reason (private, optional)"), max_length=280, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "day"], name="rest_day_one_per_day"
            )
        ]

    def __str__(self):
        return f"Rest day {self.pk} ({self.day})"


class ActivityPlanQuerySet(OwnedQuerySet):
    def open(self):
        return self.filter(status=ActivityPlan.Status.OPEN)

    def due(self, today):
        """Open plans for today or a day already past, soonest first."""
        return (
            self.open()
            .filter(planned_on__lte=today)
            .order_by("planned_on", "planned_at", "pk")
        )


class ActivityPlan(models.Model):
    """A small activity planned ahead (behavioral activation's exercise).

    It is not practice yet: it shows on Today when due, and saying how it went makes
    the journal entry, with the expected and the actual feeling side by side.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("planned")
        DONE = "done", _("done")
        NOT_THIS_TIME = "not-this-time", _("not this time")

    # A re-sent plan form is one plan, as for entries.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_plans",
    )
    exercise_version = models.PositiveSmallIntegerField()
    activity = EncryptedTextField(_("activity"), max_length=200)
    planned_on = models.DateField(_("day"))
    planned_at = models.TimeField(_("time"), null=True, blank=True)
    expected = models.PositiveSmallIntegerField(
        _("expected to feel"),
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.OPEN
    )
    # The entry saying how it went, once done. Deleting that entry keeps the plan.
    entry = models.OneToOneField(
        Entry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_plan",
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ActivityPlanQuerySet.as_manager()

    class Meta:
        ordering = ["planned_on", "planned_at", "pk"]
        indexes = [
            # Today asks for one person's open plans up to today.
            models.Index(
                fields=["owner", "status", "planned_on"], name="plan_owner_due_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expected__gte=0, expected__lte=10),
                name="plan_expected_range",
            ),
        ]

    def __str__(self):
        # Never the activity: it is the person's own words.
        return f"Activity plan {self.pk} ({self.planned_on}, {self.status})"

    def get_absolute_url(self):
        return reverse("journal:plan", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def plan_answers(self) -> dict:
        """The plan's answers, keyed like the exercise's questions."""
        answers = {
            "activity": self.activity,
            "planned_on": self.planned_on.isoformat(),
            "expected": self.expected,
        }
        if self.planned_at is not None:
            answers["planned_at"] = self.planned_at.strftime("%H:%M")
        return answers
