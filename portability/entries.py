"""Entries in the export (JSON records and CSV rows) and back from an import.

An entry's fields are exactly the entry form's; a guided exercise's answers travel
with it, by question key, and are checked by the same rules as the exercise's form.
"""

from __future__ import annotations

import json
from collections import Counter

from django import forms
from django.db.models import Count
from django.utils.translation import gettext as _

from journal.exercises.definitions import Stage, find
from journal.exercises.forms import AnswersForm
from journal.forms import EntryForm
from journal.models import Entry, SessionStar
from journal.services.entries import MAX_ENTRIES_PER_DAY
from journal.services.exercises import fill_entry
from portability import readers
from portability.document import ImportRefused, shown, utc_iso

# What a person writes in an entry is exactly what the entry form takes; a guided
# exercise's answers come after, as one JSON cell in the CSV.
ENTRY_COLUMNS = [
    "uuid",
    *EntryForm.Meta.fields,
    "created_at",
    "updated_at",
    "exercise",
    "starred_for",
    # For a person reading the CSV: "technique" is a slug or a uuid.
    "technique_name",
]

# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


# --- out ----------------------------------------------------------------------------


def neutralise_cell(value: str) -> str:
    """Prefix a would-be formula with ' so no spreadsheet runs it."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def exercise_record(entry: Entry) -> dict | None:
    if not entry.exercise:
        return None
    return {
        "key": entry.exercise,
        "version": entry.exercise_version,
        "answers": entry.answers or {},
    }


def entry_record(entry: Entry) -> dict:
    return {
        "uuid": str(entry.uuid),
        **{name: getattr(entry, name) for name in EntryForm.Meta.fields},
        "practiced_on": entry.practiced_on.isoformat(),
        "technique": entry.technique_key,
        "created_at": utc_iso(entry.created_at),
        "updated_at": utc_iso(entry.updated_at),
        "exercise": exercise_record(entry),
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return neutralise_cell(str(value))


def csv_row(entry: Entry, starred_for: dict | None = None) -> list[str]:
    """One entry as CSV cells; ``starred_for`` maps entry ids to session times."""
    record = entry_record(entry)
    record["starred_for"] = " ".join((starred_for or {}).get(entry.pk, []))
    record["technique_name"] = entry.technique_name
    return [_cell(record[column]) for column in ENTRY_COLUMNS]


def starred_for_cells(user) -> dict[int, list[str]]:
    """Entry id -> the sessions it was starred for ("next" while none is set)."""
    found: dict[int, list[str]] = {}
    stars = SessionStar.objects.filter(entry__owner=user).select_related("session")
    for star in stars.order_by("pk"):
        when = utc_iso(star.session.starts_at) if star.session else "next"
        found.setdefault(star.entry_id, []).append(when)
    return found


# --- back in ------------------------------------------------------------------------


def first_error(form) -> str:
    field, errors = next(iter(form.errors.items()))
    return f"{field}: {errors[0]}"


def clean_entry(record, today, now, catalogue=None) -> Entry:
    """An entry of the file, checked by the entry form; its named skill is one of
    ``catalogue`` (the person's and the file's own, journal/skills/catalogue.py)."""
    record = readers.record_object(record)
    data = {
        name: readers.form_value(name, record.get(name))
        for name in EntryForm.Meta.fields
    }
    form = EntryForm(data, today=today, catalogue=catalogue)
    if not form.is_valid():
        raise forms.ValidationError(first_error(form))
    entry = form.save(commit=False)
    entry.uuid = readers.uuid_of(record, "uuid")
    entry.created_at = readers.moment(record, "created_at", now)
    if record.get("exercise") is not None:
        exercise, answers = _clean_exercise(record["exercise"], entry.skill)
        fill_entry(entry, exercise, answers)
        # The ratings stay as the file has them, like any entry's, and so does its
        # named skill (a file from before version 5 gets the exercise's).
        entry.distress_before = form.cleaned_data["distress_before"]
        entry.distress_after = form.cleaned_data["distress_after"]
        if "technique" in record:
            entry.technique = form.cleaned_data["technique"]
            entry.named_skill = form.chosen_named_skill
    return entry


def _as_form_data(key: str, value):
    """A stored answer as a browser would have sent it."""
    if isinstance(value, (dict, bool)) or (
        isinstance(value, list) and not all(isinstance(item, str) for item in value)
    ):
        raise forms.ValidationError(
            _("answers: %(key)s is not text, a whole number or a list of choices.")
            % {"key": key}
        )
    return readers.form_value(key, value)


def clean_answers(exercise, answers, stages) -> dict:
    """An exercise's answers by question key, checked by the exercise's own form."""
    if not isinstance(answers, dict):
        raise forms.ValidationError(_("answers is not an object."))
    unknown = sorted(set(answers) - set(exercise.questions_by_key))
    if unknown:
        raise forms.ValidationError(
            _("answers has a question this exercise does not ask: %(key)s.")
            % {"key": shown(unknown[0])}
        )
    data = {key: _as_form_data(key, value) for key, value in answers.items()}
    form = AnswersForm(data, exercise=exercise, stages=stages)
    if not form.is_valid():
        raise forms.ValidationError(first_error(form))
    return form.answers()


def _clean_exercise(record, skill: str):
    """The exercise of an entry record and its answers, checked like the form's."""
    if not isinstance(record, dict):
        raise forms.ValidationError(_("exercise is not an object."))
    version = record.get("version")
    exercise = (
        find(str(record.get("key")), version)
        if isinstance(version, int) and not isinstance(version, bool)
        else None
    )
    if exercise is None:
        raise forms.ValidationError(_("exercise is not one we know."))
    if exercise.skill != skill:
        raise forms.ValidationError(
            _("exercise: it belongs to another skill than the entry.")
        )
    return exercise, clean_answers(exercise, record.get("answers"), tuple(Stage))


def refuse_full_days(user, new_entries: list[Entry]) -> None:
    """ImportRefused naming the days that would hold more than a day can."""
    adding = Counter(entry.practiced_on for entry in new_entries)
    existing = dict(
        Entry.objects.for_user(user)
        .filter(practiced_on__in=list(adding))
        .values_list("practiced_on")
        .annotate(count=Count("pk"))
        .order_by()
    )
    full = sorted(
        day
        for day, count in adding.items()
        if existing.get(day, 0) + count > MAX_ENTRIES_PER_DAY
    )
    if full:
        days = ", ".join(day.isoformat() for day in full[:10])
        if len(full) > 10:
            days += " …"
        raise ImportRefused(
            _(
                "A day can hold at most %(limit)d entries, and this import would go "
                "over that on %(days)s. Nothing was imported."
            )
            % {"limit": MAX_ENTRIES_PER_DAY, "days": days}
        )
