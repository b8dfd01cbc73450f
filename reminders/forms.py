import datetime

from django import forms
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from reminders.models import DEFAULT_NUDGE_TIME, ReminderSettings

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
            "session_nudge",
            "session_nudge_time",
        )
        labels = {
            "enabled": _("Send me a gentle daily reminder"),
            "time": _("At this time (your time zone)"),
            "channel_email": _("By e-mail"),
            "channel_push": _("As a notification on this device"),
            "paused_until": _("Pause reminders until (optional)"),
            "session_nudge": _(
                "The evening before a therapy session, tell me my summary is ready"
            ),
            "session_nudge_time": _("At this time, the evening before"),
        }
        help_texts = {
            "enabled": _(
                "Only on days you haven't logged anything yet. It never says what "
                "you wrote."
            ),
            "paused_until": _(
                "For holidays or hard weeks: no reminders up to and including this day."
            ),
            "session_nudge": _(
                "One message, by the ways chosen above, that says only that your "
                "summary is ready: never what you wrote. Set your sessions first."
            ),
        }
        widgets = {
            "time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "paused_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "session_nudge_time": forms.TimeInput(
                attrs={"type": "time"}, format="%H:%M"
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["days"] = list(self.instance.days)
        self.fields["time"].error_messages["invalid"] = _("Use a time like 20:00.")
        self.fields["session_nudge_time"].error_messages["invalid"] = _(
            "Use a time like 19:00."
        )
        # Only asked for with the nudge on; left empty, the usual evening stays.
        self.fields["session_nudge_time"].required = False

    def clean_session_nudge_time(self):
        return self.cleaned_data["session_nudge_time"] or (
            self.instance.session_nudge_time or DEFAULT_NUDGE_TIME
        )
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
        wants_something = data.get("enabled") or data.get("session_nudge")
        if wants_something and not (
            data.get("channel_email") or data.get("channel_push")
        ):
            self.add_error(
                "channel_email", _("Choose how the reminder should reach you.")
            )
        return data
