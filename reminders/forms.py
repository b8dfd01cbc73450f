import datetime

from django import forms
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from reminders.models import DEFAULT_NUDGE_TIME, ReminderSettings

CHANNELS = ("channel_email", "channel_push")
WEEKDAY_CHOICES = [(str(number), WEEKDAYS[number]) for number in range(7)]


class DayToggles(forms.CheckboxSelectMultiple):
    """The week as a row of tap-size toggles: templates/reminders/day_toggles.html
    draws a check box behind each day's short name (the full name for screen
    readers)."""

    def create_option(self, name, value, label, selected, index, **kwargs):
        option = super().create_option(name, value, label, selected, index, **kwargs)
        option["short_label"] = WEEKDAYS_ABBR[int(value)]
        return option


def _days_field():
    return forms.MultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAY_CHOICES,
        widget=DayToggles(attrs={"class": "btn-check"}),
        required=False,
    )


class ReminderSettingsForm(CrispyFormMixin, forms.ModelForm):
    days = _days_field()

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

        self.fields["paused_until"].error_messages["invalid"] = _(
            "Use a date like 2026-12-24."
        )

    def clean_session_nudge_time(self):
        return self.cleaned_data["session_nudge_time"] or (
            self.instance.session_nudge_time or DEFAULT_NUDGE_TIME
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


class FirstReminderForm(CrispyFormMixin, forms.ModelForm):
    """The first run's reminder question: when, and how; saving turns it on.

    Only the ways that can reach this person are offered (the view decides).
    """

    days = _days_field()

    class Meta:
        model = ReminderSettings
        fields = ("time", "days", "channel_email", "channel_push")
        labels = ReminderSettingsForm.Meta.labels
        widgets = {"time": ReminderSettingsForm.Meta.widgets["time"]}

    def __init__(self, *args, can_email: bool, can_push: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["days"] = list(self.instance.days)
        self.fields["time"].error_messages["invalid"] = _("Use a time like 20:00.")
        if not can_email:
            del self.fields["channel_email"]
        if not can_push:
            del self.fields["channel_push"]
        else:
            self.fields["channel_push"].help_text = _(
                "Also tap “Turn on here” above, so this device may show them."
            )

    def clean_days(self):
        return "".join(sorted(self.cleaned_data["days"]))

    def clean(self):
        data = super().clean()
        if not data.get("days") and "days" not in self.errors:
            self.add_error("days", _("Choose at least one day."))
        if not (data.get("channel_email") or data.get("channel_push")):
            offered = [name for name in CHANNELS if name in self.fields]
            self.add_error(offered[0], _("Choose how the reminder should reach you."))
        return data

    def save(self, commit=True):
        self.instance.enabled = True
        return super().save(commit=commit)
