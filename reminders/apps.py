from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Reminders"

    def ready(self):
        from core import periodic
        from reminders import jobs

        periodic.register("reminders", jobs.send_reminders)
