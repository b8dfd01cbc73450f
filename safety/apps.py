from django.apps import AppConfig


class SafetyConfig(AppConfig):
    """When things are hard: the help page, crisis lines by country and the
    person's own safety plan."""

    name = "safety"
    verbose_name = "Safety"
