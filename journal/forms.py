import copy
import datetime
import uuid

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import MAX_LENGTH_MESSAGE, SEARCH_MAX_LENGTH, CrispyFormMixin
from core.skills import Skill
from journal.models import Entry, WeeklyReflection
from journal.skills.catalogue import technique_filter
from journal.skills.forms import TechniqueFilterMixin, TechniqueMixin, technique_key
from journal.stats import EARLIEST_DAY


def identity_field() -> forms.UUIDField:
    """The hidden uuid that makes a re-sent form one saved thing, not two."""
    incomplete = _("This form was incomplete. Please try again.")
    return forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": incomplete, "invalid": incomplete},
    )


def practice_day_field(today: datetime.date, **kwargs) -> forms.DateField:
    """The "Day" of a practice: a date input from EARLIEST_DAY up to today."""
    kwargs.setdefault("label", _("Day"))
    field = forms.DateField(
        widget=forms.DateInput(
            attrs={"type": "date", "min": EARLIEST_DAY.isoformat()},
            format="%Y-%m-%d",
        ),
        **kwargs,
    )
    field.widget.attrs["max"] = today.isoformat()
    field.error_messages["invalid"] = _("Use a date like 2026-03-14.")
    return field


def clean_practice_day(day: datetime.date, today: datetime.date) -> datetime.date:
    """A practice happened on a real day: not in the future, not before 2000."""
    if day > today:
        raise forms.ValidationError(
            _("That day hasn't happened yet. Choose today or an earlier day.")
        )
    if day < EARLIEST_DAY:
        raise forms.ValidationError(_("Choose a day in the year 2000 or later."))
    return day


ENTRY_LABELS = {
    "skill": _("Which skill did you use?"),
    "note": _("What happened?"),
    "situation": _("Situation (optional)"),
    "distress_before": _("Distress before (0–10, optional)"),
    "distress_after": _("Distress after (0–10, optional)"),
    "helpfulness": _("How much did it help? (1–5, optional)"),
    "technique": _("Which one? (optional)"),
    "practiced_on": _("Day"),
}
ENTRY_HELP_TEXTS = {
    "note": _(
        "What happened, and how did you use the skill? "
        "Two or three sentences is plenty."
    ),
    "situation": _("A few words on where you were or what set it off."),
    "distress_before": _("0 is calm, 10 is the most distress you can imagine."),
    "helpfulness": _("1 is not at all, 5 is a lot."),
}


def _number_range(low: int, high: int) -> str:
    return gettext("Use a number from %(low)d to %(high)d.") % {
        "low": low,
        "high": high,
    }


class ScaleRadios(forms.RadioSelect):
    """A rating scale's radio buttons, sharing the scale's fixed choices."""

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.attrs = self.attrs.copy()
        memo[id(self)] = copied
        return copied


class ScaleField(forms.TypedChoiceField):
    """A rating scale: its choices are fixed, so every form shares them.

    Django deep-copies a form's fields for every form it makes, and copying (and
    re-checking) a dozen choices with lazy words, field and widget, was most of
    the cost of a blank entry form. Assigning ``choices`` to one form's field
    still gives that form choices of its own.
    """

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)

    def validate(self, value):
        # A value off the scale: "4.5" or "seven" is not a whole number at all, which
        # a field given an "invalid" message says; "11" is a number off the range.
        try:
            super().validate(value)
        except forms.ValidationError as error:
            if (
                error.code == "invalid_choice"
                and "invalid" in self.error_messages
                and not _is_whole(value)
            ):
                raise forms.ValidationError(
                    self.error_messages["invalid"], code="invalid"
                ) from None
            raise


def _is_whole(value) -> bool:
    return str(value).strip().lstrip("-+").isdigit()


def scale_choices(low: int, high: int, *, can_skip: bool) -> list[tuple[str, str]]:
    """A scale's radio choices: the numbers, after a "not rated" one when optional."""
    numbers = [(str(value), str(value)) for value in range(low, high + 1)]
    return [("", _("not rated")), *numbers] if can_skip else numbers


def scale_field(name: str, low: int, high: int) -> ScaleField:
    """An entry's optional rating as radio buttons from ``low`` to ``high``, "not
    rated" first.

    The same names and values as a typed number, so scripts and old forms still work;
    anything else gets the plain "use a number from … to …". Made once, with the
    class: its words are lazy, so each form speaks the language of its request.
    """
    return ScaleField(
        label=ENTRY_LABELS[name],
        help_text=ENTRY_HELP_TEXTS.get(name, ""),
        required=False,
        choices=scale_choices(low, high, can_skip=True),
        coerce=int,
        empty_value=None,
        widget=ScaleRadios(attrs={"class": "scale-radio"}),
        error_messages={"invalid_choice": lazy(_number_range, str)(low, high)},
    )


class EntryForm(TechniqueMixin, CrispyFormMixin, forms.ModelForm):
    """Log or edit one practice. The owner is set by the view, never by the form."""

    # Tap scales: a row of numbers, with "not rated" first (all are optional).
    distress_before = scale_field("distress_before", 0, 10)
    distress_after = scale_field("distress_after", 0, 10)
    helpfulness = scale_field("helpfulness", 1, 5)
    # A built-in named skill's slug or the uuid of the person's own: checked
    # against their catalogue in clean(), drawn as chips outside any kept piece.
    technique = forms.CharField(
        label=ENTRY_LABELS["technique"], required=False, strip=True
    )

    class Meta:
        model = Entry
        # In the order of the export's columns, which are these with the entry's
        # uuid and times (portability/entries.py).
        fields = (
            "practiced_on",
            "skill",
            "note",
            "situation",
            "distress_before",
            "distress_after",
            "helpfulness",
            "technique",
        )
        labels = ENTRY_LABELS
        help_texts = ENTRY_HELP_TEXTS
        widgets = {
            "skill": forms.RadioSelect,
            "note": forms.Textarea(attrs={"rows": 3}),
            "situation": forms.TextInput,
            "practiced_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "skill": {
                "required": _("Choose the skill you practiced."),
                "invalid_choice": _("Choose one of the five skills."),
            },
            "note": {
                "required": _("Write a few words about what happened."),
                "max_length": _(
                    "Please keep the note to %(limit_value)s characters "
                    "(it has %(show_value)s now)."
                ),
            },
            "situation": {
                "max_length": _(
                    "Please keep the situation to %(limit_value)s characters "
                    "(it has %(show_value)s now)."
                ),
            },
        }

    def __init__(self, *args, today: datetime.date, catalogue=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.start_techniques(catalogue)
        self.fields["skill"].choices = Skill.choices  # no empty "-----" choice
        self.fields["practiced_on"].widget.attrs.update(
            {"min": EARLIEST_DAY.isoformat(), "max": today.isoformat()}
        )
        if not self.instance.pk:
            self.fields["practiced_on"].initial = today
        self.fields["practiced_on"].error_messages["invalid"] = _(
            "Use a date like 2026-03-14."
        )

    def clean_practiced_on(self):
        return clean_practice_day(self.cleaned_data["practiced_on"], self.today)

    @property
    def blank_form_key(self) -> str:
        """What a blank new-entry form's fields depend on, to keep their HTML.

        Nothing personal: the day, and a skill or day a link asked for. Empty for
        a form that holds what someone typed or an entry of theirs: never kept.
        """
        if self.is_bound or self.instance.pk:
            return ""
        asked = sorted(
            (k, str(v))
            for k, v in self.initial.items()
            if k not in ("uuid", "technique")
        )
        return f"{self.today.isoformat()}:{asked}"


class NewEntryForm(EntryForm):
    """The create form carries the entry's identity: a re-sent form is one entry."""

    uuid = identity_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["uuid"] = uuid.uuid4()


class PrefillForm(forms.Form):
    """Checks ?skill=, ?technique= and ?date= on the new-entry link; unusable values
    are ignored."""

    skill = forms.ChoiceField(choices=Skill.choices, required=False)
    technique = forms.CharField(required=False, max_length=64)
    date = forms.DateField(required=False)

    def initial_values(self, today: datetime.date, catalogue=None) -> dict:
        """Initial values for the entry form, from whichever parameters are usable."""
        self.is_valid()
        values = {}
        if self.cleaned_data.get("skill"):
            values["skill"] = self.cleaned_data["skill"]
        key = technique_key(self.cleaned_data.get("technique") or "")
        technique = catalogue.find(key) if catalogue and key else None
        # A named skill brings its family; one of another family is left out.
        if technique and values.get("skill", technique.family) == technique.family:
            values["skill"] = technique.family
            values["technique"] = technique.key
        day = self.cleaned_data.get("date")
        if day and EARLIEST_DAY <= day <= today:
            values["practiced_on"] = day
        return values


class EntryFilterForm(TechniqueFilterMixin, forms.Form):
    """History filters: every GET parameter passes through here, never into a query."""

    skill = forms.ChoiceField(
        label=_("Skill"),
        choices=[("", _("All skills")), *Skill.choices],
        required=False,
    )
    q = forms.CharField(
        label=_("Words"), max_length=SEARCH_MAX_LENGTH, required=False, strip=True
    )
    page = forms.IntegerField(min_value=1, required=False)
    # A named skill (built-in slug or the uuid of the person's own), checked
    # against their catalogue; drawn outside the kept filters (their own words).
    technique = forms.CharField(
        label=_("Named skill"), required=False, max_length=64, strip=True
    )

    def __init__(self, *args, catalogue=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_technique_filter(catalogue)
        # "from" is a Python keyword, so these two are added by name.
        self.fields["from"] = forms.DateField(
            label=_("From"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.fields["to"] = forms.DateField(
            label=_("To"),
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        )
        self.order_fields(["skill", "from", "to", "q"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and end < start:
            # Said beside To: a silent "nothing found" reads as an empty journal.
            self.add_error("to", _("Choose a day after From."))
        return cleaned

    def filter(self, entries):
        """Narrow an entry queryset by skill and days (the words come after)."""
        data = self.cleaned_data
        if data.get("skill"):
            entries = entries.filter(skill=data["skill"])
        if data.get("technique"):
            entries = entries.filter(technique_filter(data["technique"]))
        if data.get("from"):
            entries = entries.filter(practiced_on__gte=data["from"])
        if data.get("to"):
            entries = entries.filter(practiced_on__lte=data["to"])
        return entries

    @property
    def words(self) -> list[str]:
        return [word.casefold() for word in (self.cleaned_data.get("q") or "").split()]

    def matching_ids(self, entries) -> list[int]:
        """Ids of the entries holding every word, in the queryset's order.

        Notes are encrypted, so the database cannot search them: one query reads the
        person's candidate notes, and the words are matched here, decrypted.
        """
        words = self.words
        return [
            pk
            for pk, note, situation in entries.values_list("pk", "note", "situation")
            if all(word in f"{note}\n{situation}".casefold() for word in words)
        ]

    @property
    def is_filtered(self) -> bool:
        return any(
            self.cleaned_data.get(name)
            for name in ("skill", "technique", "from", "to", "q")
        )


class ReflectionForm(CrispyFormMixin, forms.ModelForm):
    class Meta:
        model = WeeklyReflection
        fields = ("what_helped", "what_was_hard", "for_next_session")
        widgets = {
            "what_helped": forms.Textarea(attrs={"rows": 3}),
            "what_was_hard": forms.Textarea(attrs={"rows": 3}),
            "for_next_session": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "for_next_session": _("A question, a moment, or a feeling to talk about."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["max_length"] = MAX_LENGTH_MESSAGE
