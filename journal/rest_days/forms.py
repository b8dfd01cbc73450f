"""The rest-day form: a day, or a span of up to 60 days, off from practice."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from journal.rest_days.services import MAX_SPAN_DAYS as MAX_REST_SPAN_DAYS
from journal.stats import EARLIEST_DAY


class RestDayForm(CrispyFormMixin, forms.Form):
    """A day, or a span of up to 60 days, off from practice."""

    first = forms.DateField(
        label=_("Rest from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose the first day of your rest."),
            "invalid": _("Use a date like 2026-12-24."),
        },
    )
    last = forms.DateField(
        label=_("Until (optional, for more than one day)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Use a date like 2026-12-31.")},
    )
    reason = forms.CharField(
        label=_("A private note (optional)"),
        required=False,
        max_length=280,
        help_text=_("Only you see it. For example: a cold, a trip, a hard week."),
        error_messages={
            "max_length": _(
                "Please keep the note to 280 characters (it has %(show_value)d now)."
            )
        },
    )

    def __init__(
        self, *args, today: datetime.date, suggested: str | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["first"].initial = today
        # ?first= from the week page: used only if it is a plain date we accept.
        try:
            day = datetime.date.fromisoformat(suggested or "")
        except ValueError:
            day = None
        if day is not None and EARLIEST_DAY <= day <= today + datetime.timedelta(
            days=365
        ):
            self.fields["first"].initial = day

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last") or data.get("first")
        if first is None:
            return data
        if first < EARLIEST_DAY:
            self.add_error("first", _("Choose a day in the year 2000 or later."))
        elif first > self.today + datetime.timedelta(days=365):
            self.add_error("first", _("Choose a day within the next year."))
        elif last < first:
            self.add_error("last", _("The last day comes after the first one."))
        elif (last - first).days >= MAX_REST_SPAN_DAYS:
            self.add_error("last", _("A rest can last at most 60 days at a time."))
        data["last"] = last
        return data
