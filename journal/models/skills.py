"""The person's own named skills (the built-in ones are journal/skills/builtin.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedTextField
from core.skills import Skill
from journal.models.base import OwnedQuerySet

NAME_MAX_LENGTH = 40


class NamedSkill(models.Model):
    """A named skill a person added under one of the five families.

    Its uuid is its identity everywhere outside the database: an entry's
    ``technique`` in forms, history links and exports.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="named_skills"
    )
    family = models.CharField(_("skill"), max_length=32, choices=Skill.choices)
    # What a therapist calls a skill can say a lot about a person's therapy:
    # encrypted at rest like a note, and never kept in a cached fragment.
    name = EncryptedTextField(_("name"), max_length=NAME_MAX_LENGTH)
    # Hidden: no longer offered when logging; entries that name it keep it.
    is_hidden = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        # Never the name: it is the person's own words.
        return f"Named skill {self.pk} ({self.family})"

    @property
    def key(self) -> str:
        """The value of ``technique`` that names this skill."""
        return str(self.uuid)
