from django.urls import path

from accounts import security_views, signin_views, views, welcome_views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("logged-out/", views.logged_out, name="logged-out"),
    path("settings/", views.settings_view, name="settings"),
    # The first run's third question (after reminders:welcome).
    path("welcome/country/", welcome_views.welcome_country, name="welcome-country"),
    path("delete/", views.delete_account, name="delete"),
    path("email/send-link/", views.email_resend, name="email-resend"),
    path("email/confirm/<str:token>/", views.email_confirm, name="email-confirm"),
    path("login/code/", signin_views.login_code, name="login-code"),
    path("confirm/", signin_views.confirm_identity, name="confirm"),
    path("two-factor/", security_views.two_factor_page, name="two-factor"),
    path("two-factor/off/", security_views.two_factor_off, name="two-factor-off"),
    path(
        "two-factor/new-codes/",
        security_views.new_recovery_codes,
        name="two-factor-new-codes",
    ),
    path("sessions/", security_views.session_list, name="sessions"),
    path(
        "sessions/sign-out-others/",
        security_views.session_sign_out_others,
        name="sessions-sign-out-others",
    ),
    path(
        "sessions/<int:pk>/sign-out/",
        security_views.session_sign_out,
        name="session-sign-out",
    ),
]
