"""Weekly reflections in the export and back from an import (one per week)."""

from __future__ import annotations

from django import forms

from journal.forms import ReflectionForm
from journal.models import WeeklyReflection
from portability import readers
from portability.document import utc_iso
from portability.entries import first_error
from portability.matching import new_by_key

REFLECTION_FIELDS = ["week_of", *ReflectionForm.Meta.fields]


def reflection_record(reflection: WeeklyReflection) -> dict:
    return {
        "week_of": reflection.week_of.isoformat(),
        "what_helped": reflection.what_helped,
        "what_was_hard": reflection.what_was_hard,
        "for_next_session": reflection.for_next_session,
        "created_at": utc_iso(reflection.created_at),
        "updated_at": utc_iso(reflection.updated_at),
    }


def clean_reflection(record, now) -> WeeklyReflection:
    record = readers.record_object(record)
    data = {
        name: readers.form_value(name, record.get(name) or "")
        for name in REFLECTION_FIELDS
    }
    form = ReflectionForm(data)
    if not form.is_valid():
        raise forms.ValidationError(first_error(form))
    reflection = form.save(commit=False)
    reflection.week_of = readers.date_of(data, "week_of")
    reflection.created_at = readers.moment(record, "created_at", now)
    return reflection


def new_reflections(user, reflections: list) -> list[WeeklyReflection]:
    """Reflections for weeks the person has none for yet; the first one wins."""
    known = set(
        WeeklyReflection.objects.for_user(user).values_list("week_of", flat=True)
    )
    return new_by_key(user, reflections, "week_of", known)
