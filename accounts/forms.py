from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts import lockout, two_factor
from accounts.models import Profile, profile_for
from accounts.timezones import (
    normalise_time_zone,
    time_zone_choices,
    time_zone_names,
)
from core.forms import CrispyFormMixin
from core.network import client_ip


class TimeZoneField(forms.ChoiceField):
    """A select of current IANA names that also accepts the old names browsers send."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Time zone"))
        kwargs.setdefault(
            "help_text", _("Your days and streaks follow the calendar where you live.")
        )
        super().__init__(choices=time_zone_choices, **kwargs)

    def to_python(self, value):
        return normalise_time_zone(super().to_python(value).strip())

    def valid_value(self, value):
        return value in time_zone_names()


class ChosenPasswordMixin:
    """Password fields that talk like the rest of the product.

    Django puts "this password is too short" under the confirmation field; it belongs
    beside the password being chosen. The rules show as a list that a small script
    (the "password-rules" part of static/js/site.js) ticks off as the person types.
    """

    FIRST_FIELD = {"password2": "password1", "new_password2": "new_password1"}

    def validate_password_for_user(self, user, password_field_name="password2"):  # noqa: S107 - a field name
        super().validate_password_for_user(
            user, self.FIRST_FIELD.get(password_field_name, password_field_name)
        )

    def prepare_password_fields(self, first: str, second: str) -> None:
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": _(
                "The two passwords are not the same. Please type them again."
            ),
        }
        self.fields[first].error_messages["required"] = _("Choose a password.")
        self.fields[first].help_text = password_rules_html()
        self.fields[first].widget.attrs["data-password-rules"] = "true"
        self.fields[second].error_messages["required"] = _(
            "Type the same password again."
        )
        self.fields[second].help_text = _("The same password again, to be sure.")


def password_rules_html():
    """The rules, as items the page script can tick off (plain text without it)."""
    from django.utils.html import format_html, format_html_join

    minimum = next(
        (
            validator.min_length
            for validator in password_validation.get_default_password_validators()
            if isinstance(validator, password_validation.MinimumLengthValidator)
        ),
        8,
    )
    rules = [
        ("length", str(minimum), _("At least %(n)d characters") % {"n": minimum}),
        ("not-numeric", "", _("Not only numbers")),
        ("", "", _("Not a common password, and not like your username")),
    ]
    return format_html(
        '<ul class="password-rules mb-0" data-rules>{}</ul>',
        format_html_join(
            "",
            '<li data-rule="{}" data-value="{}">{}</li>',
            rules,
        ),
    )


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
        self.fields["username"].help_text = _(
            "Letters, digits and @ . + - _ only. It does not need to be your real name."
        )
        self.fields["username"].error_messages["required"] = _("Choose a username.")
        self.prepare_password_fields("password1", "password2")
        # The sign-up script picks the browser's zone; without it, UTC stays.
        self.fields["time_zone"].widget.attrs["data-detect-time-zone"] = "true"

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            Profile.objects.filter(user=user).update(
                time_zone=self.cleaned_data["time_zone"]
            )
        return user


class SettingsForm(CrispyFormMixin, forms.ModelForm):
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        help_text=_(
            "For password resets and notices about your account. We send a link to "
            "confirm it; journal text is never e-mailed."
        ),
    )
    time_zone = TimeZoneField()

    class Meta:
        model = Profile
        fields = ("display_name", "email", "time_zone", "week_start", "language")
        labels = {
            "display_name": _("Name to show"),
            "week_start": _("Your week starts on"),
            "language": _("Language"),
        }
        help_texts = {
            "display_name": _(
                "Optional. Shown on your weekly summary. At most 60 characters."
            ),
            "language": _("The language of your journal, its e-mails and its PDFs."),
            "week_start": _(
                "“The day of my therapy session” lines your diary card up with your "
                "appointments. Until a session is set, weeks start on Monday."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].initial = self.instance.user.email

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        others = get_user_model().objects.exclude(pk=self.instance.user_id)
        if email and others.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Another account uses this address. Please use a different one.")
            )
        return email

    @property
    def email_changed(self) -> bool:
        return self.cleaned_data.get("email", "") != self.instance.user.email

    def save(self, commit=True):
        profile = super().save(commit=commit)
        if commit and self.email_changed:
            user = profile.user
            user.email = self.cleaned_data["email"]
            user.save(update_fields=["email"])
        return profile


class DeleteAccountForm(CrispyFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Type your password to confirm.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That password is not right. Nothing was deleted.")
            )
        return password


class LoginForm(AuthenticationForm):
    """Django's log-in form, with "keep me signed in" and the lock-out rules.

    Impossible usernames are refused before any lookup: Django only hints the
    username's maximum length to the browser, and a longer one would reach the
    log-in throttling records and fail there.
    """

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
        ip_address = client_ip(self.request)
        username = self.user.get_username()
        self.paused_until = lockout.pause_for(
            self.request, username, self.user.pk, timezone.now()
        )
        if self.paused_until:
            raise forms.ValidationError(
                _("Logging in is paused for a moment."), code="paused"
            )
        self.device = two_factor.verify(self.user, code)
        if self.device is None:
            lockout.record_failure(username, ip_address, timezone.now())
            raise forms.ValidationError(
                _(
                    "That code didn't match. Codes change every 30 seconds: try the "
                    "newest one."
                )
            )
        return code


class ConfirmIdentityForm(CrispyFormMixin, forms.Form):
    """ "Is it really you?": the password, or a code, before a sensitive action."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = forms.CharField(
        label=_("Or a code from your authenticator app"),
        required=False,
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, user, request, **kwargs):
        kwargs.setdefault("prefix", "confirm")
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        if not two_factor.is_enabled(user):
            del self.fields["code"]

    def clean(self):
        password = self.cleaned_data.get("password") or ""
        code = self.cleaned_data.get("code") or ""
        username = self.user.get_username()
        ip_address = client_ip(self.request)
        now = timezone.now()
        if lockout.pause_for(self.request, username, self.user.pk, now):
            raise forms.ValidationError(_("Logging in is paused for a moment."))
        if not password and not code:
            raise forms.ValidationError(_("Type your password to go on."))
        if password and self.user.check_password(password):
            return self.cleaned_data
        if code and two_factor.verify(self.user, code) is not None:
            return self.cleaned_data
        lockout.record_failure(username, ip_address, now)
        raise forms.ValidationError(
            _("That didn't match. Nothing has changed; you can try again.")
        )


class TurnOffTwoFactorForm(CrispyFormMixin, forms.Form):
    """Turning two-factor off needs the password and a code, both."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Type your password.")},
    )
    code = forms.CharField(
        label=_("A code from your authenticator app, or a recovery code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
        error_messages={"required": _("Type a code.")},
    )

    def __init__(self, *args, user, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request

    def clean(self):
        password = self.cleaned_data.get("password")
        code = self.cleaned_data.get("code")
        if password is None or code is None:
            return self.cleaned_data
        right_password = self.user.check_password(password)
        right_code = two_factor.verify(self.user, code) is not None
        if not (right_password and right_code):
            lockout.record_failure(
                self.user.get_username(), client_ip(self.request), timezone.now()
            )
            raise forms.ValidationError(
                _("The password or the code didn't match. Two-factor is still on.")
            )
        return self.cleaned_data


class TwoFactorSetupForm(CrispyFormMixin, forms.Form):
    """The first code from a newly added authenticator app turns two-factor on."""

    code = forms.CharField(
        label=_("The six-digit code your app shows"),
        max_length=32,
        error_messages={"required": _("Type the code your app shows.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        if not two_factor.code_matches_new_device(self.device, code):
            raise forms.ValidationError(
                _(
                    "That code didn't match. Check that the app shows Between "
                    "Sessions, and type the newest code."
                )
            )
        return code


class ResetRequestForm(auth_forms.PasswordResetForm):
    """Asking for a reset link: the e-mail speaks the account's language."""

    def send_mail(
        self, subject_template_name, email_template_name, context, *args, **kwargs
    ):
        with translation.override(profile_for(context["user"]).language):
            super().send_mail(
                subject_template_name, email_template_name, context, *args, **kwargs
            )


class ResetPasswordForm(ChosenPasswordMixin, auth_forms.SetPasswordForm):
    """Choosing a new password from a reset link."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepare_password_fields("new_password1", "new_password2")


class PasswordChangeForm(ChosenPasswordMixin, auth_forms.PasswordChangeForm):
    """Django's form, offering to turn off share links made with the old password."""

    end_shared_access = forms.BooleanField(
        label=_("Also turn off my share links"),
        required=False,
        initial=True,
        help_text=_(
            "Recommended if someone else may have known your password. You can make "
            "new links afterwards."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].error_messages["required"] = _(
            "Type your current password."
        )
        self.prepare_password_fields("new_password1", "new_password2")
