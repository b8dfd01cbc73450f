"""Django's own log-in, log-out and password views, under their un-namespaced names.

They stay outside the ``accounts`` namespace because Django's views and e-mails look
them up by those names (``login``, ``password_reset_confirm``, …).
"""

from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts.forms import LoginForm

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=LoginForm),
        name="login",
    ),
    path("", include("django.contrib.auth.urls")),
]
