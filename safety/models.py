"""The person's safety plan: one per person, every word of it encrypted at rest."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import timezone

from core.encryption import EncryptedJSONField
from safety.steps import STEPS, phone_link_number


@dataclass(frozen=True)
class Contact:
    """A person or professional on the plan, with the number a link dials."""

    name: str
    phone: str

    @property
    def link_number(self) -> str:
        return phone_link_number(self.phone)


@dataclass(frozen=True)
class FilledStep:
    """One step of the plan with the person's own items (strings or Contacts)."""

    step: object
    items: list


class SafetyPlanQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(owner=user)


class SafetyPlan(models.Model):
    """The six steps of a safety plan and reasons for living, in the person's words.

    Each step is a short list, stored as JSON and encrypted like journal notes:
    a copy of the database must not be a copy of anyone's plan. Contacts are
    {"name", "phone"} objects. Erased with the account (CASCADE).
    """

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safety_plan"
    )
    warning_signs = EncryptedJSONField(default=list, blank=True)
    coping_strategies = EncryptedJSONField(default=list, blank=True)
    people_and_places = EncryptedJSONField(default=list, blank=True)
    contacts = EncryptedJSONField(default=list, blank=True)
    professionals = EncryptedJSONField(default=list, blank=True)
    safer_surroundings = EncryptedJSONField(default=list, blank=True)
    reasons_for_living = EncryptedJSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = SafetyPlanQuerySet.as_manager()

    class Meta:
        verbose_name = "safety plan"

    def __str__(self):
        # Never a word of the plan: it is the person's own.
        return f"Safety plan {self.pk}"

    def items_of(self, key: str) -> list:
        """A step's items: strings, or Contacts for the steps of people."""
        values = getattr(self, key) or []
        if key in ("contacts", "professionals"):
            return [Contact(item["name"], item.get("phone", "")) for item in values]
        return list(values)

    def filled_steps(self, keys=None) -> list[FilledStep]:
        """Every step (or those named) with its items, in the plan's order."""
        return [
            FilledStep(step, self.items_of(step.key))
            for step in STEPS
            if keys is None or step.key in keys
        ]

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, step.key) for step in STEPS)
