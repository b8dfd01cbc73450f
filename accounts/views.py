"""Sign-up, personal settings and erasing the account.

Log-in, log-out and passwords are Django's own views (accounts/auth_urls.py).
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import lockout, sessions
from accounts.erasure import erase_account
from accounts.forms import DeleteAccountForm, SettingsForm, SignUpForm
from accounts.models import profile_for
from accounts.signals import password_replaced
from accounts.timezones import LEGACY_NAMES
from core.http import posted_data
from core.network import client_ip
from core.ratelimit import is_rate_limited

logger = logging.getLogger(__name__)


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("journal:today")
    form = SignUpForm(posted_data(request))
    if request.method == "POST" and is_rate_limited(
        "signup", client_ip(request), settings.SIGNUP_RATE_LIMIT, window_seconds=3600
    ):
        return render(request, "accounts/signup_limited.html", status=429)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your journal is ready."))
        return redirect("journal:today")
    context = {"form": form, "legacy_time_zones": LEGACY_NAMES}
    return render(request, "accounts/signup.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request):
    profile = profile_for(request.user)
    form = SettingsForm(posted_data(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your settings are saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request):
    # No sudo prompt: erasing always asks for the password, however recent.
    form = DeleteAccountForm(posted_data(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        user_id = request.user.pk
        erase_account(request.user)
        logout(request)
        logger.info("Account %s erased", user_id)
        messages.success(
            request, _("Your account and everything in it have been erased. Take care.")
        )
        return redirect("core:home")
    return render(request, "accounts/delete_account.html", {"form": form})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A reset proves the owner: end every session, lift the pause, stop sharing.

    Whoever had the old password (or a stolen session) is signed out everywhere and
    loses the share links they may have made; the person can make new ones.
    """

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        sessions.sign_out_all(user)
        lockout.clear(user.get_username())
        password_replaced.send(
            sender=type(self), user=user, keep_session=None, end_shared_access=True
        )
        logger.info("Password reset for user %s", user.pk)
        return response
