from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from accounts import lockout_records, signals  # noqa: F401 - connects signals
        from accounts.erasure import erase_account
        from core import periodic
        from core.backups import erasures

        periodic.register("lock-out-records", lockout_records.forget_old)
        # A restore erases again the accounts erased since its backup was made.
        erasures.register_eraser(lambda user: erase_account(user, remember=False))
