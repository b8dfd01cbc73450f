from django.apps import AppConfig


class SharingConfig(AppConfig):
    """The therapist's side: share links, the shared pages and their view log."""

    name = "sharing"
    verbose_name = "Sharing"
