from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "journal"
    verbose_name = "Journal"

    def ready(self):
        from core import periodic
        from journal import jobs

        periodic.register("sessions-ahead", jobs.make_sessions_ahead)
