"""Forms for therapy sessions and what to talk about at them."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from journal.sessions import dates
from journal.sessions.services import MAX_RUNNING_SCHEDULES


class SessionForm(CrispyFormMixin, forms.Form):
    """A therapy session: once, or repeating every week or two from a first date."""

    ONCE = "once"
    repeats = forms.ChoiceField(
        label=_("How often"),
        choices=[
            (ONCE, _("Just once")),
            ("1", _("Every week")),
            ("2", _("Every two weeks")),
        ],
        initial=ONCE,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how often."),
            "invalid_choice": _("Choose one of the options shown."),
        },
    )
    on = forms.DateField(
        label=_("Date (the first one, if it repeats)"),
        help_text=_(
            "From a year ago to two years ahead. A schedule that began earlier "
            "shows its last 12 weeks."
        ),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose the day of the session."),
            "invalid": _("Use a date like 2026-12-03."),
        },
    )
    at = forms.TimeField(
        label=_("Time"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={
            "required": _("Choose the time of the session."),
            "invalid": _("Use a time like 17:30."),
        },
    )
    label = forms.CharField(
        label=_("Label (optional)"),
        required=False,
        max_length=60,
        help_text=_("Private, for you: “Dr. R.”, “group”. Nothing else is asked."),
        error_messages={
            "max_length": _(
                "Please keep the label to 60 characters (it has %(show_value)d now)."
            )
        },
    )

    def __init__(
        self,
        *args,
        today: datetime.date,
        with_repeats=True,
        running_schedules: int = 0,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.today = today
        # The owner is not a field: the view counts their running schedules.
        self.running_schedules = running_schedules
        self.fields["on"].initial = today
        if not with_repeats:
            del self.fields["repeats"]
            del self.fields["label"]
            self.fields["on"].label = _("New date")
            self.fields["on"].help_text = ""
            self.fields["at"].label = _("New time")

    def clean_on(self):
        day = self.cleaned_data["on"]
        if day < dates.earliest_start(self.today):
            raise forms.ValidationError(_("Choose a day no more than a year ago."))
        if day > dates.latest_start(self.today):
            raise forms.ValidationError(_("Choose a day within the next two years."))
        return day

    def clean_repeats(self):
        repeats = self.cleaned_data["repeats"]
        if repeats != self.ONCE and self.running_schedules >= MAX_RUNNING_SCHEDULES:
            raise forms.ValidationError(
                _(
                    "You have %(count)d repeating schedules already. Stop one before "
                    "you add another."
                )
                % {"count": self.running_schedules}
            )
        return repeats


class TalkPointForm(CrispyFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Something you want to talk about"),
        max_length=200,
        error_messages={
            "required": _("Write a few words first."),
            "max_length": _(
                "Please keep it to 200 characters (it has %(show_value)d now)."
            ),
        },
    )
