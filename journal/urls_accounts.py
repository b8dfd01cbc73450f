from django.contrib.auth import views as auth_views
from django.urls import include, path

from journal.forms_accounts import LoginForm
from journal.views import accounts, data

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("signup/", accounts.signup, name="signup"),
    path("settings/", accounts.settings_view, name="accounts-settings"),
    path("export/csv/", data.export_csv, name="accounts-export-csv"),
    path("export/json/", data.export_json, name="accounts-export-json"),
    path("import/", data.import_data, name="accounts-import"),
    path("delete/", data.delete_account, name="accounts-delete"),
    path("", include("django.contrib.auth.urls")),
]
