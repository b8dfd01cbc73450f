from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile
from accounts.timezones import (
    normalise_time_zone,
    time_zone_choices,
    time_zone_names,
)
from core.forms import CrispyFormMixin


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


class SignUpForm(CrispyFormMixin, UserCreationForm):
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
    time_zone = TimeZoneField()

    class Meta:
        model = Profile
        fields = ("display_name", "time_zone", "week_start", "language")
        labels = {
            "display_name": _("Name to show"),
            "week_start": _("Your week starts on"),
            "language": _("Language"),
        }
        help_texts = {
            "display_name": _(
                "Optional. Shown on your weekly summary. At most 60 characters."
            ),
            "language": _("Spanish is on its way."),
        }

    def clean_display_name(self):
        return self.cleaned_data["display_name"].strip()


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
    """Django's log-in form, refusing impossible usernames before any lookup.

    Django only hints the username's maximum length to the browser; a longer one
    would reach the log-in throttling records and fail there.
    """

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        max_length = get_user_model()._meta.get_field("username").max_length
        if len(username) > max_length:
            # The same message as a wrong password: nothing about which part was wrong.
            raise self.get_invalid_login_error()
        return super().clean()
