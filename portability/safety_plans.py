"""The safety plan in the export (added in version 5) and back in.

One plan per person, like a week's reflection: an import adds the file's plan when
the account has none, and otherwise keeps the account's own (an import adds, it
never changes or deletes). The file's plan is read through the page's own form, so
it meets the same limits and gets the same messages.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from portability import readers
from portability.document import utc_iso
from portability.entries import first_error
from safety.forms import SafetyPlanForm, name_field, phone_field, rows_of
from safety.models import SafetyPlan
from safety.steps import STEPS


def safety_plan_record(plan: SafetyPlan | None) -> dict | None:
    """The plan as the export writes it, or None when the person has none."""
    if plan is None or plan.is_empty:
        return None
    record = {step.key: list(getattr(plan, step.key)) for step in STEPS}
    record["created_at"] = utc_iso(plan.created_at)
    record["updated_at"] = utc_iso(plan.updated_at)
    return record


def _texts(record: dict, key: str) -> list[str]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise forms.ValidationError(_("%(key)s is not a list of text.") % {"key": key})
    if any("\n" in item or "\r" in item for item in value):
        raise forms.ValidationError(
            _("%(key)s holds a line break inside one item.") % {"key": key}
        )
    return value


def _contacts(record: dict, step) -> list[dict]:
    value = record.get(step.key, [])
    if not isinstance(value, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("name"), str)
        and isinstance(item.get("phone", ""), str)
        for item in value
    ):
        raise forms.ValidationError(
            _("%(key)s is not a list of names and numbers.") % {"key": step.key}
        )
    if len(value) > step.rows:
        raise forms.ValidationError(
            _("%(key)s holds more than %(limit)s people.")
            % {"key": step.key, "limit": step.rows}
        )
    return value


def clean_safety_plan(record, now) -> dict | None:
    """The file's plan as checked step values (with its times), or None if absent."""
    if record is None:
        return None
    record = readers.record_object(record)
    data = {}
    for step in STEPS:
        if step.is_contacts:
            contacts = _contacts(record, step)
            for row, contact in zip(rows_of(step), contacts, strict=False):
                data[name_field(step, row)] = readers.form_value(
                    step.key, contact["name"]
                )
                data[phone_field(step, row)] = readers.form_value(
                    step.key, contact.get("phone", "")
                )
        else:
            data[step.key] = readers.form_value(
                step.key, "\n".join(_texts(record, step.key))
            )
    form = SafetyPlanForm(data)
    if not form.is_valid():
        raise forms.ValidationError(first_error(form))
    values = form.plan_values
    if not any(values.values()):
        return None
    created_at = readers.moment(record, "created_at", now)
    return {
        "values": values,
        "created_at": created_at,
        "updated_at": readers.moment(record, "updated_at", created_at),
    }


def add_safety_plan(user, plan: dict | None) -> bool:
    """Add the file's plan when the person has none; True when it was added."""
    if plan is None:
        return False
    existing = SafetyPlan.objects.for_user(user).first()
    if existing is not None and not existing.is_empty:
        return False
    if existing is not None:
        existing.delete()
    SafetyPlan.objects.create(
        owner=user,
        created_at=plan["created_at"],
        updated_at=plan["updated_at"],
        **plan["values"],
    )
    return True
