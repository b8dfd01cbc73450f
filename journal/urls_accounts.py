from django.urls import include, path

from journal.views import accounts

urlpatterns = [
    path("signup/", accounts.signup, name="signup"),
    path("settings/", accounts.settings_view, name="accounts-settings"),
    path("", include("django.contrib.auth.urls")),
]
