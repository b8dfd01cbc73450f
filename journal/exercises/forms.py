"""Forms built from an exercise's definition: the same rules as any entry."""

import datetime
import uuid
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CrispyFormMixin
from journal.exercises.answers import NOTE_MAX_LENGTH
from journal.exercises.definitions import (
    OTHER,
    SCALE_MAX,
    SCALE_MIN,
    Exercise,
    Kind,
    Question,
    Stage,
)
from journal.forms import (
    ScaleField,
    ScaleRadios,
    clean_practice_day,
    identity_field,
    practice_day_field,
    scale_choices,
)

PLAN_DAYS_AHEAD = 365

MESSAGES = {
    "required": _("Please answer this one."),
    "max_length": _(
        "Please keep this to %(limit_value)d characters (it has %(show_value)d now)."
    ),
    "min_value": _("Use a number from 0 to 10."),
    "max_value": _("Use a number from 0 to 10."),
    "invalid": _("Use a whole number, like 4."),
    "invalid_choice": _("Choose one of the options shown."),
    "invalid_list": _("Choose from the options shown."),
    "null_characters_not_allowed": _(
        "Something invisible was pasted in here. Please type it again."
    ),
}


def answer_field(question: Question) -> forms.Field:
    """The form field that asks one question."""
    common = {
        "label": question.label,
        "help_text": question.help,
        "required": question.is_required,
    }
    match question.kind:
        case Kind.TEXT | Kind.LONG_TEXT:
            widget = (
                forms.Textarea(attrs={"rows": 2})
                if question.kind == Kind.LONG_TEXT
                else forms.TextInput
            )
            field = forms.CharField(
                max_length=question.max_length, widget=widget, **common
            )
        case Kind.SCALE:
            # A tap scale: the same names and whole-number values a number box
            # sent, so scripts, imports and the export see no difference.
            field = ScaleField(
                choices=scale_choices(
                    SCALE_MIN, SCALE_MAX, can_skip=not question.is_required
                ),
                coerce=int,
                empty_value=None,
                widget=ScaleRadios(attrs={"class": "scale-radio"}),
                **common,
            )
        case Kind.CHOICE:
            field = forms.ChoiceField(
                choices=[(c.key, c.label) for c in question.choices],
                widget=forms.RadioSelect,
                **common,
            )
        case Kind.CHOICES:
            field = forms.MultipleChoiceField(
                choices=[(c.key, c.label) for c in question.choices],
                widget=forms.CheckboxSelectMultiple,
                **common,
            )
        case Kind.DATE:
            field = forms.DateField(
                widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                **common,
            )
        case Kind.TIME:
            field = forms.TimeField(
                widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                **common,
            )
    field.error_messages.update(MESSAGES)
    if question.kind == Kind.DATE:
        field.error_messages["invalid"] = _("Use a date like 2026-03-14.")
    elif question.kind == Kind.TIME:
        field.error_messages["invalid"] = _("Use a time like 17:30.")
    elif question.kind == Kind.SCALE:
        field.error_messages["invalid_choice"] = MESSAGES["min_value"]
    elif question.kind in (Kind.CHOICE, Kind.CHOICES):
        field.error_messages["required"] = _("Choose one of the options.")
    return field


def stored_value(question: Question, value):
    """A cleaned value as it is kept in the JSON answers (None: not answered)."""
    if value in (None, "", []):
        return None
    match question.kind:
        case Kind.DATE:
            return value.isoformat()
        case Kind.TIME:
            return value.strftime("%H:%M")
        case Kind.CHOICES:
            # In the definition's order, whatever order the browser sent them in.
            return [c.key for c in question.choices if c.key in value]
        case _:
            return value


@dataclass(frozen=True)
class ShownField:
    """One field as the exercise page draws it.

    ``look`` picks the drawing: "scale" (tap scale), "choices" (one fieldset, one
    message), "plain" (crispy). ``reveals`` is the "Something else" field's name,
    for its choice; ``revealed_by`` is the choice's name, for that field.
    """

    field: forms.BoundField
    look: str
    reveals: str = ""
    revealed_by: str = ""


@dataclass(frozen=True)
class FormStep:
    title: str
    number: int
    total: int
    fields: tuple[ShownField, ...]


def _shown(form, name: str) -> ShownField:
    question = form.exercise.questions_by_key.get(name)
    kind = question.kind if question and name in form.questions_by_key else None
    look = {Kind.SCALE: "scale", Kind.CHOICE: "choices", Kind.CHOICES: "choices"}
    return ShownField(
        field=form[name],
        look=look.get(kind, "plain"),
        reveals=(question.other_key or "") if kind else "",
        revealed_by=(question.completes or "") if kind else "",
    )


def form_steps(form) -> list[FormStep]:
    """The exercise's steps holding the form's fields, in order; empty ones left out."""
    groups = [
        (step.title, [key for key in step.keys if key in form.fields])
        for step in form.exercise.steps
    ]
    groups = [(title, names) for title, names in groups if names]
    placed = {name for _title, names in groups for name in names}
    rest = [name for name in form.fields if name not in placed and name != "uuid"]
    if not groups:
        groups = [("", [])]
    groups[-1][1].extend(rest)
    return [
        FormStep(
            title=str(title),
            number=number,
            total=len(groups),
            fields=tuple(_shown(form, name) for name in names),
        )
        for number, (title, names) in enumerate(groups, start=1)
    ]


class AnswersForm(CrispyFormMixin, forms.Form):
    """The questions of an exercise, or of some of its stages."""

    def __init__(self, *args, exercise: Exercise, stages=(Stage.NOW,), **kwargs):
        super().__init__(*args, **kwargs)
        self.exercise = exercise
        self.questions = exercise.questions_for(*stages)
        self.questions_by_key = {question.key: question for question in self.questions}
        for question in self.questions:
            self.fields[question.key] = answer_field(question)

    def clean(self):
        data = super().clean()
        for question in self.questions:
            if not question.other_key or question.other_key not in self.fields:
                continue
            picked = data.get(question.key) or []
            picked = [picked] if isinstance(picked, str) else picked
            if OTHER in picked:
                if not data.get(question.other_key) and (
                    question.other_key not in self.errors
                ):
                    self.add_error(
                        question.other_key,
                        _("You chose “Something else”: say what, in a few words."),
                    )
            else:
                # Typed, then un-picked: "other" was not the answer after all.
                data[question.other_key] = ""
        return data

    @property
    def steps(self) -> list[FormStep]:
        """The form's fields in the exercise's steps; fields it adds join the last."""
        return form_steps(self)

    def answers(self) -> dict:
        """The cleaned answers, as stored: only what was answered."""
        answers = {}
        for question in self.questions:
            value = stored_value(question, self.cleaned_data.get(question.key))
            if value is not None:
                answers[question.key] = value
        return answers


class ExerciseForm(AnswersForm):
    """A whole exercise, saved as a new entry (or a plan's first half)."""

    def __init__(self, *args, today: datetime.date, with_day=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["uuid"] = identity_field()
        if not self.is_bound:
            self.initial["uuid"] = uuid.uuid4()
        if with_day:
            self.fields["practiced_on"] = practice_day_field(today, initial=today)

    def clean_practiced_on(self):
        return clean_practice_day(self.cleaned_data["practiced_on"], self.today)


class PlanForm(ExerciseForm):
    """Behavioral activation's first half: what, when, and how good it may feel."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, stages=(Stage.PLAN,), with_day=False, **kwargs)
        planned_on = self.fields["planned_on"]
        planned_on.initial = self.today
        planned_on.widget.attrs.update(
            {
                "min": self.today.isoformat(),
                "max": (
                    self.today + datetime.timedelta(days=PLAN_DAYS_AHEAD)
                ).isoformat(),
            }
        )

    def clean_planned_on(self):
        day = self.cleaned_data["planned_on"]
        if day < self.today:
            raise forms.ValidationError(_("Choose today or a day ahead."))
        if day > self.today + datetime.timedelta(days=PLAN_DAYS_AHEAD):
            raise forms.ValidationError(_("Choose a day within the next year."))
        return day


class PlanOutcomeForm(AnswersForm):
    """Behavioral activation's second half: how it actually felt, on which day."""

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, stages=(Stage.AFTER,), **kwargs)
        self.today = today
        self.fields["practiced_on"] = practice_day_field(
            today, label=_("The day you did it")
        )

    def clean_practiced_on(self):
        return clean_practice_day(self.cleaned_data["practiced_on"], self.today)


class ExerciseEditForm(AnswersForm):
    """An exercise entry, edited: every answer, the day, and the note."""

    def __init__(self, *args, entry, today: datetime.date, **kwargs):
        super().__init__(
            *args,
            stages=tuple(Stage),
            initial={**(entry.answers or {}), "practiced_on": entry.practiced_on},
            **kwargs,
        )
        self.entry = entry
        self.today = today
        self.fields["practiced_on"] = practice_day_field(today)
        self.fields["note"] = forms.CharField(
            label=_("Your note"),
            help_text=_(
                "Written from your answers. Change it if you like: once you do, "
                "it stays as you wrote it."
            ),
            max_length=NOTE_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 5}),
            initial=entry.note,
            error_messages={
                "required": _("Write a few words about what happened."),
                "max_length": _(
                    "Please keep the note to 2,000 characters "
                    "(it has %(show_value)d now)."
                ),
                "null_characters_not_allowed": MESSAGES["null_characters_not_allowed"],
            },
        )

    def clean_practiced_on(self):
        return clean_practice_day(self.cleaned_data["practiced_on"], self.today)
