"""Deploy checks of our own, run by `manage.py check --deploy`."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


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
