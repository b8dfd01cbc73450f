"""Where each URL goes: one line per app, each app's urls.py names its views."""

from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views

urlpatterns = [
    # /, /privacy/, /healthz, /.well-known/security.txt, /accounts/csrf-token/
    path("", include("core.urls")),
    # /help/: what to do now, crisis lines, the safety plan (safety:…)
    path("", include("safety.urls")),
    # /accounts/reminders/… (reminders:…)
    path("accounts/reminders/", include("reminders.urls")),
    # /accounts/export/csv/, export/json/, import/ (portability:…)
    path("accounts/", include("portability.urls")),
    # /accounts/signup/, settings/, delete/ (accounts:…)
    path("accounts/", include("accounts.urls")),
    # /accounts/login/, logout/, password_…/ (Django's own names)
    path("accounts/", include("accounts.auth_urls")),
    # /i18n/setlang/: the footer's language switch (Django's name, set_language)
    path("i18n/setlang/", account_views.switch_language, name="set_language"),
    # /journal/sharing/…, /share/<token>/: the therapist's side (sharing:…)
    path("", include("sharing.urls")),
    # /journal/… (journal:…)
    path("journal/", include("journal.urls")),
    # /guide/… (guide:…)
    path("guide/", include("guide.urls")),
    path("admin/", admin.site.urls),
]

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
