"""Fixed vocabularies of a person's settings, importable without the models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WeekStart(models.TextChoices):
    MONDAY = "monday", _("Monday")
    SUNDAY = "sunday", _("Sunday")
    # The weekday of the person's therapy session (Monday while none is set).
    SESSION = "session", _("The day of my therapy session")


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    # Each language by its own name, as people look for it.
    SPANISH = "es", "Español"
