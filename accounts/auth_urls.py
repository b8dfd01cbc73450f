"""Django's own log-in, log-out and password views, under their un-namespaced names.

They stay outside the ``accounts`` namespace because Django's views and e-mails look
them up by those names (``login``, ``password_reset_confirm``, …).
"""

from django.urls import include, path

from accounts import signin_views, views

urlpatterns = [
    path("login/", signin_views.SignInView.as_view(), name="login"),
    path(
        "password_change/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("", include("django.contrib.auth.urls")),
]
