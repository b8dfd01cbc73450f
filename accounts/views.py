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
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts import emails, lockout, sessions
from accounts.backends import MODEL_BACKEND
from accounts.erasure import erase_account
from accounts.forms.confirm import DeleteAccountForm
from accounts.forms.passwords import (
    PasswordChangeForm,
    ResetPasswordForm,
    ResetRequestForm,
)
from accounts.forms.profile import SettingsForm
from accounts.forms.signin import SignUpForm
from accounts.models import Profile, profile_for
from accounts.signals import password_replaced
from accounts.sudo import sudo_required
from accounts.timezones import LEGACY_NAMES
from core.http import posted_data, safe_next
from core.network import client_ip
from core.ratelimit import is_rate_limited
from core.skills import skill_in_link

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
        # The language they signed up in is the journal's language from now on.
        Profile.objects.filter(user=user).update(language=translation.get_language())
        user.profile.refresh_from_db()
        emails.send_confirm_link(user)
        login(request, user, backend=MODEL_BACKEND)
        messages.success(request, _("Welcome. Your journal is ready."))
        # Where they were going before signing up (a skill from the guide, say):
        # the first run would stand in the way of what they came to do.
        going = safe_next(request, "")
        if going:
            return redirect(going)
        # Otherwise two short questions: the next session, then a reminder.
        return redirect("journal:welcome")
    next_url = safe_next(request, "")
    context = {
        "form": form,
        "legacy_time_zones": LEGACY_NAMES,
        "next": next_url,
        "intent_skill": skill_in_link(next_url),
    }
    return render(request, "accounts/signup.html", context)


@require_POST
def switch_language(request):
    """Django's set_language (the cookie, back to the page), and for a signed-in
    person the profile's language too, so e-mails and files follow."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        Profile.objects.filter(user=request.user).update(language=language)
    return response


@require_safe
def logged_out(request):
    """Where logging out lands: a plain "you are logged out", with a way back."""
    if request.user.is_authenticated:
        return redirect("journal:today")
    return render(request, "registration/logged_out.html")


def _changes_email(request) -> bool:
    return request.POST.get("email", "").strip() != request.user.email


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@sudo_required(only_post=True, when=_changes_email)
def settings_view(request):
    profile = profile_for(request.user)
    old_address = request.user.email if profile.has_confirmed_email else ""
    form = SettingsForm(posted_data(request), instance=profile)
    if request.method == "POST" and form.is_valid():
        email_changed = form.email_changed
        form.save()
        if email_changed:
            if old_address:
                emails.send_notice(request.user, "email-changed", to=old_address)
            emails.send_confirm_link(request.user)
            messages.success(
                request,
                _(
                    "Your settings are saved. We sent a link to your new address: "
                    "open it to confirm the address."
                )
                if emails.sends_email()
                else _(
                    "Your settings are saved. This server sends no e-mail, so your "
                    "new address cannot be confirmed."
                ),
            )
        else:
            messages.success(request, _("Your settings are saved."))
        return redirect("accounts:settings")
    context = {"form": form, "profile": profile}
    return render(request, "accounts/settings.html", context)


@login_required
@require_POST
def email_resend(request):
    profile = profile_for(request.user)
    if request.user.email and not profile.has_confirmed_email:
        if is_rate_limited(
            "confirm-link", str(request.user.pk), limit=3, window_seconds=3600
        ):
            messages.error(
                request,
                _(
                    "We sent a few links already. Please check your inbox, or try "
                    "again in an hour."
                ),
            )
        else:
            emails.send_confirm_link(request.user)
            if emails.sends_email():
                messages.success(
                    request, _("We sent a new link. It works for three days.")
                )
            else:
                messages.info(
                    request, _("This server sends no e-mail: no link was sent.")
                )
    return redirect("accounts:settings")


@require_http_methods(["GET", "HEAD", "POST"])
def email_confirm(request, token):
    """Confirm an address. A GET only asks: mail scanners open links by GET."""
    if request.method != "POST":
        return render(request, "accounts/email_confirm.html", {"token": token})
    try:
        emails.confirm(token)
    except emails.LinkRefused as refusal:
        context = {"reason": str(refusal)}
        return render(
            request, "accounts/email_confirm_refused.html", context, status=400
        )
    messages.success(request, _("Thank you: your e-mail address is confirmed."))
    return redirect("accounts:settings" if request.user.is_authenticated else "login")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def delete_account(request):
    # No sudo prompt: erasing always asks for the password, however recent.
    form = DeleteAccountForm(posted_data(request), user=request.user, request=request)
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


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's view; other sessions end (Django), share links on request, a notice."""

    form_class = PasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.user
        sessions.sign_out_all(user, keep_key=self.request.session.session_key)
        password_replaced.send(
            sender=type(self),
            user=user,
            keep_session=self.request.session.session_key,
            end_shared_access=form.cleaned_data["end_shared_access"],
        )
        emails.send_notice(user, "password-changed")
        logger.info("Password changed for user %s", user.pk)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's view, limited per client address and per e-mail address.

    A limited request sees the same "check your inbox" page as any other, so the
    page never tells whether an address has an account.
    """

    form_class = ResetRequestForm

    def form_valid(self, form):
        limit = settings.PASSWORD_RESET_RATE_LIMIT
        email = form.cleaned_data["email"].casefold()
        by_address = is_rate_limited(
            "reset-address", client_ip(self.request), limit, window_seconds=3600
        )
        by_email = is_rate_limited("reset-email", email, limit, window_seconds=3600)
        if by_address or by_email:
            logger.warning("Password reset limited")
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """A reset proves the owner: end every session, lift the pause, stop sharing.

    Whoever had the old password (or a stolen session) is signed out everywhere and
    loses the share links they may have made; the person can make new ones.
    """

    form_class = ResetPasswordForm

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
