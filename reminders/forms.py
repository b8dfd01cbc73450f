import datetime

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from reminders.models import ReminderSettings

WEEKDAY_CHOICES = [(str(number), WEEKDAYS[number]) for number in range(7)]


class ReminderSettingsForm(CrispyFormMixin, forms.ModelForm):
    days = forms.MultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ReminderSettings
        fields = (
            "enabled",
            "time",
            "days",
            "channel_email",
            "channel_push",
            "paused_until",
        )
        labels = {
            "enabled": _("Send me a gentle daily reminder"),
            "time": _("At this time (your time zone)"),
            "channel_email": _("By e-mail"),
            "channel_push": _("As a notification on this device"),
            "paused_until": _("Pause reminders until (optional)"),
        }
        help_texts = {
            "enabled": _(
                "Only on days you haven't logged anything yet. It never says what "
                "you wrote."
            ),
            "paused_until": _(
                "For holidays or hard weeks: no reminders up to and including this day."
            ),
        }
        widgets = {
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "paused_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["days"] = list(self.instance.days)
        self.fields["time"].error_messages["invalid"] = _("Use a time like 20:00.")
        self.fields["paused_until"].error_messages["invalid"] = _(
            "Use a date like 2026-12-24."
        )

    def clean_days(self):
        return "".join(sorted(self.cleaned_data["days"]))

    def clean_paused_until(self):
        day = self.cleaned_data["paused_until"]
        if day is not None and not datetime.date(2000, 1, 1) <= day <= datetime.date(
            9998, 12, 31
        ):
            raise forms.ValidationError(_("Choose a day between now and then."))
        return day

    def clean(self):
        data = super().clean()
        if data.get("enabled") and not data.get("days"):
            self.add_error("days", _("Choose at least one day."))
        if data.get("enabled") and not (
            data.get("channel_email") or data.get("channel_push")
        ):
            self.add_error(
                "channel_email", _("Choose how the reminder should reach you.")
            )
        return data
