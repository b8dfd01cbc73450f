"""The person's diary card: their own rows, and one check-in a day.

Everything a person chooses or rates here is theirs to tell: the row's name, its
risk and hidden marks, every value and the day's sentence are encrypted like notes.
A copy of the database shows that someone has an "urge" row and checked in on a
day, never which urge, how strong, or whether they acted on it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedJSONField, EncryptedTextField
from journal.models.base import OwnedQuerySet

ROW_NAME_MAX_LENGTH = 40
SENTENCE_MAX_LENGTH = 280


class CardRowQuerySet(OwnedQuerySet):
    def active(self):
        """Rows the check-in asks about (paused rows keep their history)."""
        return self.filter(is_paused=False)


class CardRow(models.Model):
    """One row of the person's diary card, in their own words."""

    class Kind(models.TextChoices):
        URGE = "urge", _("Urge (0–5, and whether you acted on it)")
        EMOTION = "emotion", _("Emotion (0–5)")
        NUMBER = "number", _("A number (such as hours slept)")
        YES_NO = "yes-no", _("Yes or no (such as took medication)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="card_rows"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    name = EncryptedTextField(_("name"), max_length=ROW_NAME_MAX_LENGTH)
    # {"risk": bool, "hidden": bool}, encrypted: a plain column would tell a reader
    # of the database which rows are about self-harm or suicide.
    marks = EncryptedJSONField(default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    is_paused = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CardRowQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["owner", "position"], name="card_row_owner_idx"),
        ]

    def __str__(self):
        # Never the name: it is the person's own words.
        return f"Card row {self.pk} ({self.kind})"

    @property
    def is_risk(self) -> bool:
        """About self-harm or suicide: calm words and the crisis lines go with it."""
        return bool((self.marks or {}).get("risk"))

    @property
    def is_hidden(self) -> bool:
        """Kept out of the week, progress, PDFs and shared pages."""
        return bool((self.marks or {}).get("hidden"))

    @property
    def is_urge(self) -> bool:
        return self.kind == self.Kind.URGE

    @property
    def is_scale(self) -> bool:
        return self.kind in (self.Kind.URGE, self.Kind.EMOTION)


class CheckInQuerySet(OwnedQuerySet):
    def between(self, first_day, last_day):
        return self.filter(day__range=(first_day, last_day))


class CheckIn(models.Model):
    """One day's diary card: a value per row, the skills rating, a sentence."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_ins"
    )
    day = models.DateField(_("day"))
    # {"rows": {row uuid: {"value": n | bool | None, "acted": bool | None}},
    #  "skills": 0–7 | None}, encrypted: no reader of the database may learn
    # "self-harm 5, acted on" by date.
    values = EncryptedJSONField(default=dict, blank=True)
    sentence = EncryptedTextField(
        _("a sentence about the day"), max_length=SENTENCE_MAX_LENGTH, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "day"], name="check_in_one_per_day"
            ),
        ]

    def __str__(self):
        return f"Check-in {self.pk} ({self.day})"

    @property
    def skills_rating(self) -> int | None:
        return (self.values or {}).get("skills")

    def row_answers(self) -> dict:
        """Every row's answer by the row's uuid as text."""
        return (self.values or {}).get("rows") or {}

    def row_answer(self, row_uuid) -> dict:
        """{"value": …, "acted": …} for a row (empty when the row was not rated)."""
        return self.row_answers().get(str(row_uuid)) or {}


class CheckInDigest(models.Model):
    """The person's most recent check-ins in one encrypted value, for progress.

    Only what progress reads of each day (journal/card/digest.py says how it is
    packed and why): derived from the check-ins, rewritten in the same transaction
    as every write to them, never exported. Encrypted like them: a copy of the
    database learns from it nothing the check-ins' own plain columns do not show.
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="check_in_digest",
    )
    days = EncryptedJSONField()
    # The oldest day it holds when the person has more check-ins than it keeps:
    # from that day on it holds every check-in. Empty when it holds them all.
    # (Which days have a check-in is plain in the check-ins' own table.)
    complete_from = models.DateField(null=True, blank=True)

    def __str__(self):
        return f"Check-in digest of user {self.owner_id}"
