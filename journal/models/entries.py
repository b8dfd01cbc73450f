"""Entries (one moment a skill was used) and the weekly reflection."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedJSONField, EncryptedTextField
from core.skills import Skill
from journal.exercises.answers import ShownAnswers, shown_answers
from journal.models.base import OwnedQuerySet
from journal.skills.builtin import BY_SLUG


def technique_label(slug: str) -> str:
    """A built-in named skill's name; "" for none or a slug no longer listed."""
    found = BY_SLUG.get(slug)
    return str(found.name) if found else ""


class EntryQuerySet(OwnedQuerySet):
    def for_display(self):
        """Entries as cards, notes and summaries draw them: none of these shows an
        entry's uuid, owner or last change, so those are left unread (converting
        them costs on every row of a long list)."""
        return self.for_cards().with_technique()

    def for_cards(self):
        """for_display() without reading the entries' own named skills: for a page
        that already holds them (its Catalogue) and names them itself
        (Catalogue.name_own_skills), saving the join."""
        return self.defer("uuid", "owner", "updated_at")

    def with_technique(self):
        """Entries with their own named skill read in the same query (its name
        shows on cards, its uuid in exports)."""
        return self.select_related("named_skill")


class Entry(models.Model):
    """One moment a person used a skill from therapy."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries"
    )
    practiced_on = models.DateField(_("date"))
    skill = models.CharField(_("skill"), max_length=32, choices=Skill.choices)
    # Encrypted at rest (core/encryption.py): the lengths limit the text people type.
    note = EncryptedTextField(_("what happened"), max_length=2000)
    situation = EncryptedTextField(_("situation"), max_length=280, blank=True)
    distress_before = models.PositiveSmallIntegerField(
        _("distress before"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    distress_after = models.PositiveSmallIntegerField(
        _("distress after"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    helpfulness = models.PositiveSmallIntegerField(
        _("how much it helped"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    # A guided exercise's answers (journal/exercises/): which one, under which
    # version of its questions, and the answers by question key, encrypted like the
    # note. Empty for an ordinary entry.
    # The named skill it used, if the person said: a built-in one by its slug
    # (journal/skills/builtin.py) or one of their own. At most one of the two.
    technique = models.CharField(_("named skill"), max_length=32, blank=True)
    named_skill = models.ForeignKey(
        "journal.NamedSkill",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entries",
    )
    exercise = models.CharField(_("exercise"), max_length=32, blank=True)
    exercise_version = models.PositiveSmallIntegerField(null=True, blank=True)
    answers = EncryptedJSONField(null=True, blank=True)
    # Not auto_now_add: an import keeps the time the entry was first written.
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-practiced_on", "-created_at"]
        verbose_name_plural = "entries"
        indexes = [
            # Today, history, the week and progress all ask "this person's entries
            # between two days, newest first".
            models.Index(
                fields=["owner", "-practiced_on", "-created_at"],
                name="entry_owner_day_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(distress_before__gte=0, distress_before__lte=10)
                | models.Q(distress_before__isnull=True),
                name="entry_distress_before_range",
            ),
            models.CheckConstraint(
                condition=models.Q(distress_after__gte=0, distress_after__lte=10)
                | models.Q(distress_after__isnull=True),
                name="entry_distress_after_range",
            ),
            models.CheckConstraint(
                condition=models.Q(technique="") | models.Q(named_skill__isnull=True),
                name="entry_one_named_skill",
            ),
            models.CheckConstraint(
                condition=models.Q(helpfulness__gte=1, helpfulness__lte=5)
                | models.Q(helpfulness__isnull=True),
                name="entry_helpfulness_range",
            ),
        ]

    def __str__(self):
        # Never the note: entries appear in logs and admin lists by id only.
        return f"Entry {self.pk} ({self.skill}, {self.practiced_on})"

    def get_absolute_url(self):
        return reverse("journal:entry-edit", kwargs={"pk": self.pk})

    @property
    def skill_label(self) -> str:
        return Skill(self.skill).label

    @property
    def technique_key(self) -> str:
        """The entry's ``technique`` as forms and exports spell it ("" for none)."""
        if self.named_skill_id is not None:
            return self.named_skill.key
        return self.technique

    @property
    def technique_name(self) -> str:
        """The named skill's name in the active language ("" for none)."""
        if self.named_skill_id is not None:
            return self.named_skill.name
        return technique_label(self.technique)

    @property
    def distress_drop(self) -> int | None:
        if self.distress_before is None or self.distress_after is None:
            return None
        return self.distress_before - self.distress_after

    @cached_property
    def exercise_answers(self) -> "ShownAnswers | None":
        """The exercise's answers, ready to show; None for an ordinary entry."""
        return shown_answers(self)


class ReflectionQuerySet(OwnedQuerySet):
    def within(self, first_day, last_day):
        return self.filter(week_of__range=(first_day, last_day))


class WeeklyReflection(models.Model):
    """What a person wants to bring to their next session, one per week."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    # The first day of the week it was written for. A week shows the reflection whose
    # date falls inside it, so changing the week-start setting never hides one.
    week_of = models.DateField(_("week of"))
    what_helped = EncryptedTextField(
        _("What helped this week?"), max_length=2000, blank=True
    )
    what_was_hard = EncryptedTextField(_("What was hard?"), max_length=2000, blank=True)
    for_next_session = EncryptedTextField(
        _("What do you want to bring to your next session?"),
        max_length=2000,
        blank=True,
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        ordering = ["-week_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "week_of"], name="reflection_one_per_owner_week"
            ),
        ]

    def __str__(self):
        return f"Reflection {self.pk} (week of {self.week_of})"

    @property
    def is_empty(self) -> bool:
        return not (self.what_helped or self.what_was_hard or self.for_next_session)
