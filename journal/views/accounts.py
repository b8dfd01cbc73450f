"""Sign-up and personal settings. Log-in, log-out and passwords are Django's views."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from journal.forms_accounts import SettingsForm, SignUpForm
from journal.models import profile_for
from journal.security import client_ip, is_rate_limited
from journal.timezones import LEGACY_NAMES
from journal.views.helpers import posted_data


@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.user.is_authenticated:
        return redirect("journal:today")
    form = SignUpForm(posted_data(request))
    if request.method == "POST" and is_rate_limited(
        "signup", client_ip(request), settings.SIGNUP_RATE_LIMIT, window_seconds=3600
    ):
        return render(request, "registration/signup_limited.html", status=429)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome. Your journal is ready."))
        return redirect("journal:today")
    context = {"form": form, "legacy_time_zones": LEGACY_NAMES}
    return render(request, "registration/signup.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_view(request):
    profile = profile_for(request.user)
    form = SettingsForm(posted_data(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your settings are saved."))
        return redirect("accounts-settings")
    return render(request, "registration/settings.html", {"form": form})
