from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from accounts import lockout_records, signals  # noqa: F401 - connects signals
        from core import periodic

        periodic.register("lock-out-records", lockout_records.forget_old)
