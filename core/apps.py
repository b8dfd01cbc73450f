from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Site"

    def ready(self):
        from core import checks  # noqa: F401 - registers the deploy checks


class VerifiedAdminConfig(admin_apps.AdminConfig):
    """Django's admin, served by a site that asks staff for a second factor."""

    default = False
    default_site = "core.admin_site.VerifiedAdminSite"
