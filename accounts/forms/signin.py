"""Joining and signing in: sign-up, log-in and its second step (the code)."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import lockout, two_factor
from accounts.forms.guard import is_right
from accounts.forms.passwords import ChosenPasswordMixin
from accounts.forms.profile import TimeZoneField
from accounts.models import Profile
from accounts.timezones import country_of_time_zone
from core.forms import CrispyFormMixin


class SignUpForm(CrispyFormMixin, ChosenPasswordMixin, UserCreationForm):
    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        help_text=_("Only used if you forget your password."),
    )
    time_zone = TimeZoneField(initial="UTC")

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.help_text = _(
            "Letters, digits and @ . + - _ only. It does not need to be your real name."
        )
        username.error_messages["required"] = _("Choose a username.")
        # Django's own words ("This value may contain only letters, numbers, and
        # @/./+/-/_ characters") are a validator's; these are the product's.
        username.error_messages["invalid"] = _(
            "A username can use letters, digits and @ . + - _ only: no spaces. "
            "Try it without the other marks."
        )
        username.error_messages["unique"] = _(
            "Someone already has that username. Try another: adding a number works."
        )
        self.prepare_password_fields("password1", "password2")
        # The sign-up script picks the browser's zone; without it, UTC stays.
        self.fields["time_zone"].widget.attrs["data-detect-time-zone"] = "true"

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            time_zone = self.cleaned_data["time_zone"]
            # Where they live, guessed from their zone: it picks the crisis lines
            # they see, and the first run asks them to check it.
            Profile.objects.filter(user=user).update(
                time_zone=time_zone, country=country_of_time_zone(time_zone)
            )
        return user


class LoginForm(AuthenticationForm):
    """Django's log-in form, with "keep me signed in" and the lock-out rules.

    Impossible usernames are refused before any lookup: Django only hints the
    username's maximum length to the browser, and a longer one would reach the
    log-in throttling records and fail there.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        # One message for a wrong username and a wrong password alike, in our words
        # rather than Django's "Note that both fields may be case-sensitive".
        "invalid_login": _(
            "That username and password don't match. Check both: capitals count."
        ),
    }

    remember = forms.BooleanField(
        label=_("Keep me signed in"),
        required=False,
        help_text=_(
            "For 30 days on this device. Leave it unticked on a shared phone or "
            "computer: you are signed out when the browser closes."
        ),
    )

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        max_length = get_user_model()._meta.get_field("username").max_length
        if len(username) > max_length:
            # The same message as a wrong password: nothing about which part was wrong.
            raise self.get_invalid_login_error()
        if username and self.request is not None:
            user_id = (
                get_user_model()
                .objects.filter(**{get_user_model().USERNAME_FIELD: username})
                .values_list("pk", flat=True)
                .first()
            )
            self.paused_until = lockout.pause_for(
                self.request, username, user_id, timezone.now()
            )
            if self.paused_until:
                raise forms.ValidationError(
                    _("Logging in is paused for a moment."), code="paused"
                )
        return super().clean()


class CodeForm(CrispyFormMixin, forms.Form):
    """The second step of signing in: a code from the app, or a recovery code."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=32,
        help_text=_("Six digits. No phone? Type one of your recovery codes instead."),
        error_messages={"required": _("Type the code from your app.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "off",
                "spellcheck": "false",
            }
        ),
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]

        def matches():
            self.device = two_factor.verify(self.user, code)
            return self.device is not None

        if not is_right(self, matches, signing_in=True):
            raise forms.ValidationError(
                _(
                    "That code didn't match. Codes change every 30 seconds: try the "
                    "newest one."
                )
            )
        return code
