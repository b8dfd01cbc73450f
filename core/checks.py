"""Deploy checks of our own, run by `manage.py check --deploy`."""

import os
from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)
CONSOLE_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """Sign-up limits counted in one process's memory are no limit with several,
    and a session ended in one process would stay readable in another's copy."""
    backend = settings.CACHES["default"]["BACKEND"]
    if settings.DEBUG or backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            "The cache is kept in each process's memory, so rate limits are not "
            "shared between web processes, and a session ended in one process "
            "stays readable in another's cached copy.",
            hint="Set DJANGO_CACHE_URL to redis://… or db://.",
            id="core.W001",
        )
    ]


@register(deploy=True)
def check_email_backend(app_configs, **kwargs):
    """The console backend prints every message whole into the server log: a
    password-reset link there opens the account for whoever reads the log."""
    if settings.DEBUG or settings.EMAIL_BACKEND != CONSOLE_EMAIL_BACKEND:
        return []
    return [
        Error(
            "E-mail goes to the console backend, which writes whole messages, "
            "password-reset and confirm links included, into the server log.",
            hint=(
                "Set DJANGO_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend "
                "(with DJANGO_EMAIL_HOST…), or DJANGO_EMAIL_BACKEND=none to send no "
                "e-mail at all."
            ),
            id="core.E001",
        )
    ]


@register(deploy=True)
def check_erased_accounts_file(app_configs, **kwargs):
    """A restore from an older backup brings back accounts erased since, unless
    their ids were kept beside the backups (core/backups/erasures.py)."""
    path = settings.ERASED_ACCOUNTS_FILE
    if settings.DEBUG:
        return []
    if not path:
        return [
            Warning(
                "Erased accounts are not listed anywhere, so restoring a backup would "
                "bring back every account erased since it was made.",
                hint=(
                    "Set DJANGO_ERASED_ACCOUNTS_FILE to a file beside the backups "
                    "(e.g. /srv/backups/erased-accounts.jsonl), writable by the web "
                    "processes."
                ),
                id="core.W002",
            )
        ]
    folder = Path(path).parent
    if not os.access(folder, os.W_OK) or (
        Path(path).exists() and not os.access(path, os.W_OK)
    ):
        return [
            Warning(
                f"{path} cannot be written by this process, so erased accounts "
                "would not be listed for a restore to erase again.",
                hint="Make the file (and its folder) writable by the web processes.",
                id="core.W003",
            )
        ]
    return []
