"""Signing in (password, then a code if two-factor is on), and "is it really you?"."""

import math
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.core.exceptions import NON_FIELD_ERRORS
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from accounts import lockout, sudo, two_factor
from accounts.backends import MODEL_BACKEND
from accounts.forms.confirm import ConfirmIdentityForm
from accounts.forms.signin import CodeForm, LoginForm
from core.http import posted_data, safe_next
from core.skills import skill_in_link

REMEMBER_SECONDS = 30 * 24 * 60 * 60
PENDING_KEY = "two_factor_pending"
PENDING_SECONDS = 10 * 60


def paused_response(request, until):
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    context = {"retry_minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=429)


def finish_sign_in(request, user, *, remember: bool, redirect_to: str, device=None):
    """Sign the person in on this browser and remember the browser for next time."""
    auth_login(request, user, backend=MODEL_BACKEND)
    if two_factor.is_authenticator(device):
        otp_login(request, device)
    # 0: the session cookie ends with the browser; the server forgets it after
    # SESSION_COOKIE_AGE without use either way.
    request.session.set_expiry(REMEMBER_SECONDS if remember else 0)
    # The password was just typed: the next minutes need no "is it you?" prompt.
    sudo.grant(request)
    response = redirect(redirect_to)
    lockout.remember_device(request, response, user)
    return response


class SignInView(auth_views.LoginView):
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Someone who tapped "Log this skill" in the guide learns why they are here.
        context["intent_skill"] = skill_in_link(context.get("next") or "")
        return context

    def form_invalid(self, form):
        if form.has_error(NON_FIELD_ERRORS, "paused"):
            return paused_response(self.request, form.paused_until)
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        remember = form.cleaned_data["remember"]
        if not two_factor.is_enabled(user):
            return finish_sign_in(
                self.request,
                user,
                remember=remember,
                redirect_to=self.get_success_url(),
            )
        # Not signed in yet: the session only remembers who typed the password.
        self.request.session.cycle_key()
        self.request.session[PENDING_KEY] = {
            "user": user.pk,
            "remember": remember,
            "until": timezone.now().timestamp() + PENDING_SECONDS,
        }
        query = urlencode({"next": self.get_success_url()})
        return redirect(f"{reverse('accounts:login-code')}?{query}")


def _pending_user(request):
    pending = request.session.get(PENDING_KEY)
    if not pending or pending.get("until", 0) < timezone.now().timestamp():
        return None, False
    user = get_user_model().objects.filter(pk=pending.get("user"), is_active=True)
    return user.first(), bool(pending.get("remember"))


@require_http_methods(["GET", "HEAD", "POST"])
def login_code(request):
    user, remember = _pending_user(request)
    if user is None:
        return redirect("login")
    form = CodeForm(posted_data(request), user=user, request=request)
    if request.method == "POST":
        if form.is_valid():
            del request.session[PENDING_KEY]
            return finish_sign_in(
                request,
                user,
                remember=remember,
                redirect_to=safe_next(request, reverse("journal:today")),
                device=form.device,
            )
        if form.has_error("code", "paused"):
            return paused_response(request, form.paused_until)
    context = {"form": form, "next": safe_next(request, "")}
    return render(request, "registration/login_code.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_identity(request):
    if not request.user.is_authenticated:
        return redirect("login")
    form = ConfirmIdentityForm(posted_data(request), user=request.user, request=request)
    next_page = safe_next(request, reverse("journal:today"))
    is_download = request.GET.get("download") == "1"
    if request.method == "POST" and form.is_valid():
        sudo.grant(request)
        if is_download:
            # A file answer would leave this form on screen: say what happens.
            context = {"download_url": next_page}
            return render(request, "accounts/confirmed_download.html", context)
        return redirect(next_page)
    context = {"form": form, "next": safe_next(request, "")}
    return render(request, "accounts/confirm_identity.html", context)
