"""The settings page: name, e-mail, time zone, week start, language and country."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.countries import country_choices
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


def _country_choices() -> list[tuple[str, str]]:
    return [("", _("Not set"))] + country_choices()


class CountryField(forms.ChoiceField):
    """Where the person lives: it picks the crisis lines they are shown."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Where you live"))
        kwargs.setdefault(
            "help_text",
            _(
                "This picks the crisis lines shown to you: at the foot of every "
                "page, on Get help and in your PDFs. If it is not set, you see the "
                "US lines and a directory of helplines in other countries."
            ),
        )
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("Please choose your country from the list.")},
        )
        super().__init__(choices=_country_choices, **kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()


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
    country = CountryField()

    class Meta:
        model = Profile
        fields = (
            "display_name",
            "email",
            "time_zone",
            "week_start",
            "language",
            "country",
        )
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


class CountryForm(CrispyFormMixin, forms.ModelForm):
    """The first run's third question: where the person lives."""

    country = CountryField()

    class Meta:
        model = Profile
        fields = ("country",)
