"""The practice plan agreed in a session: "Until my next session".

What a person agreed to practice, why, and what might get in the way is as private
as a note: every word of it is encrypted at rest, and none of it is ever kept in a
cached fragment or named in a reminder. A copy of the database shows that someone
has a plan of two items for a week, never what they are.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedTextField
from core.skills import Skill
from journal.models.base import OwnedQuerySet

MAX_ITEMS = 5
TEXT_MAX_LENGTH = 80
NOTE_MAX_LENGTH = 280
MAX_TIMES = 14


class PracticePlan(models.Model):
    """One plan, from one session (or the start of a week) up to the next."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_plans",
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    # Written at a session (the span starts on a session's day): Today then says
    # "since your session" for a span longer than a week.
    is_from_session = models.BooleanField(default=False)
    # The session it leads up to, where it is reviewed (None: no session set).
    session = models.ForeignKey(
        "journal.TherapySession",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_plans",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "starts_on"], name="practice_plan_one_per_start"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="practice_plan_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"Practice plan {self.pk} ({self.starts_on} to {self.ends_on})"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


class PracticeItem(models.Model):
    """One thing to practice: a skill family, a named skill, or the person's words."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(
        PracticePlan, on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(default=0)
    family = models.CharField(
        _("skill"), max_length=32, choices=Skill.choices, blank=True
    )
    # A built-in named skill by its slug, or the person's own (as on entries):
    # at most one of the two.
    technique = models.CharField(_("named skill"), max_length=32, blank=True)
    named_skill = models.ForeignKey(
        "journal.NamedSkill",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice_items",
    )
    text = EncryptedTextField(
        _("in your own words"), max_length=TEXT_MAX_LENGTH, blank=True
    )
    times = models.PositiveSmallIntegerField(
        _("times a week"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_TIMES)],
    )
    each_day = models.BooleanField(_("each day"), default=False)
    why = EncryptedTextField(
        _("why this helps me"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    obstacle = EncryptedTextField(
        _("what might get in the way"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    then = EncryptedTextField(
        _("what I’ll do then"), max_length=NOTE_MAX_LENGTH, blank=True
    )

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(technique="") | models.Q(named_skill__isnull=True),
                name="practice_item_one_named_skill",
            ),
            models.CheckConstraint(
                condition=models.Q(each_day=True) | models.Q(times__isnull=False),
                name="practice_item_has_how_often",
            ),
        ]

    def __str__(self):
        # Never the text: it is the person's own words.
        return f"Practice item {self.pk} of plan {self.plan_id}"

    @property
    def is_free_text(self) -> bool:
        """Ticked by hand: it names no skill the journal can count."""
        return not (self.family or self.technique or self.named_skill_id)

    @property
    def technique_key(self) -> str:
        """The named skill as forms and exports spell it ("" for none)."""
        if self.named_skill_id is not None:
            return str(self.named_skill.uuid)
        return self.technique


class PracticeTick(models.Model):
    """A free-text item done once, ticked by hand on a day."""

    item = models.ForeignKey(
        PracticeItem, on_delete=models.CASCADE, related_name="ticks"
    )
    day = models.DateField(_("day"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "pk"]
        indexes = [models.Index(fields=["item", "day"], name="practice_tick_item_idx")]

    def __str__(self):
        return f"Practice tick {self.pk} ({self.day})"


class PracticeMiss(models.Model):
    """Why a day went without practice, if the person wanted to say: one a day."""

    class Reason(models.TextChoices):
        NO_TIME = "no-time", _("No time")
        FORGOT = "forgot", _("Forgot")
        NOT_UP_TO_IT = "not-up-to-it", _("Didn’t feel up to it")
        DID_NOT_FIT = "did-not-fit", _("It didn’t fit the day")
        SOMETHING_ELSE = "something-else", _("Something else")

    plan = models.ForeignKey(
        PracticePlan, on_delete=models.CASCADE, related_name="misses"
    )
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "day"], name="practice_miss_one_per_day"
            ),
        ]

    def __str__(self):
        return f"Practice miss {self.pk} ({self.day})"
