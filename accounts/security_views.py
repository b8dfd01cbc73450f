"""Two-factor sign-in and "Where you're signed in"."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import emails, sessions, two_factor
from accounts.forms.two_factor import TurnOffTwoFactorForm, TwoFactorSetupForm
from accounts.models import SignedInSession
from accounts.sudo import sudo_required
from core.http import posted_data

logger = logging.getLogger(__name__)


def _is_setting_up(request) -> bool:
    return not two_factor.is_enabled(request.user)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
# A stolen session must not turn it on (the owner would be locked out for good: a
# reset keeps it on), nor read the key being set up (the owner could scan it later).
@sudo_required(when=_is_setting_up)
def two_factor_page(request):
    user = request.user
    if two_factor.is_enabled(user):
        return _two_factor_on(request)
    device = two_factor.pending_device(user)
    form = TwoFactorSetupForm(posted_data(request), device=device)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.turn_on(device)
        logger.info("Two-factor turned on for user %s", user.pk)
        emails.send_notice(user, "two-factor-on")
        # Shown on this response only: never stored in plain text, never again.
        return render(request, "accounts/two_factor_codes.html", {"codes": codes})
    context = {
        "form": form,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_typing(device),
        "otpauth_url": device.config_url,
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _two_factor_on(request):
    user = request.user
    form = TurnOffTwoFactorForm(user=user, request=request)
    context = {
        "form": form,
        "unused_codes": two_factor.unused_recovery_codes(user),
    }
    return render(request, "accounts/two_factor_on.html", context)


@login_required
@require_POST
def two_factor_off(request):
    # No sudo prompt: the form itself asks for the password and a code.
    form = TurnOffTwoFactorForm(request.POST, user=request.user, request=request)
    if not form.is_valid():
        context = {
            "form": form,
            "unused_codes": two_factor.unused_recovery_codes(request.user),
        }
        return render(request, "accounts/two_factor_on.html", context, status=200)
    two_factor.turn_off(request.user)
    logger.info("Two-factor turned off for user %s", request.user.pk)
    emails.send_notice(request.user, "two-factor-off")
    messages.success(request, _("Two-factor sign-in is off."))
    return redirect("accounts:two-factor")


@login_required
@require_POST
@sudo_required
def new_recovery_codes(request):
    if not two_factor.is_enabled(request.user):
        return redirect("accounts:two-factor")
    codes = two_factor.new_recovery_codes(request.user)
    logger.info("New recovery codes for user %s", request.user.pk)
    return render(request, "accounts/two_factor_codes.html", {"codes": codes})


@login_required
@require_http_methods(["GET", "HEAD"])
def session_list(request):
    now = timezone.now()
    context = {
        "sessions": [
            (
                session,
                session.session_key == request.session.session_key,
                now - session.last_active_at < sessions.ACTIVITY_RESOLUTION,
            )
            for session in sessions.active(request.user, now)
        ],
    }
    return render(request, "accounts/sessions.html", context)


@login_required
@require_POST
def session_sign_out(request, pk):
    session = get_object_or_404(
        SignedInSession.objects.filter(user=request.user), pk=pk
    )
    if session.session_key == request.session.session_key:
        # Signing out here is the log-out button's job (it also clears this browser).
        return redirect("accounts:sessions")
    sessions.sign_out(session)
    logger.info("User %s signed out session %s", request.user.pk, pk)
    messages.success(request, _("That device is signed out."))
    return redirect("accounts:sessions")


@login_required
@require_POST
def session_sign_out_others(request):
    ended = sessions.sign_out_all(request.user, keep_key=request.session.session_key)
    logger.info("User %s signed out %s other sessions", request.user.pk, ended)
    messages.success(request, _("You are signed out everywhere else."))
    return redirect("accounts:sessions")
