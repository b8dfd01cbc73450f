from django.apps import AppConfig


class SharingConfig(AppConfig):
    """The therapist's side: share links, the shared pages and their view log."""

    name = "sharing"
    verbose_name = "Sharing"

    def ready(self):
        from core import periodic
        from sharing import jobs, receivers  # noqa: F401 - receivers: account events

        periodic.register("share-view-marks", jobs.wipe_visitor_marks)
