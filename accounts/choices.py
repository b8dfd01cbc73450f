"""Fixed vocabularies of a person's settings, importable without the models."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class WeekStart(models.TextChoices):
    # A context of their own: a bare "Monday" would also re-translate Django's date
    # names, and a weekday inside a Spanish date is written in lower case.
    MONDAY = "monday", pgettext_lazy("week starts on", "Monday")
    SUNDAY = "sunday", pgettext_lazy("week starts on", "Sunday")
    # The weekday of the person's therapy session (Monday while none is set).
    SESSION = "session", _("The day of my therapy session")


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    # Each language by its own name, as people look for it.
    SPANISH = "es", "Español"
