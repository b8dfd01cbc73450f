from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    """A person's data out and back in: the export document and its import."""

    name = "portability"
    verbose_name = "Export and import"
