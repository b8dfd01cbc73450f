"""Strict readers for the fields of an imported record, one for each kind of value.

Every record kind reads its fields through these, so a file gets the same answer
wherever a value sits. Each raises ``ValidationError`` with a short sentence that
names the field; the importer puts it in the refusal that names the record.
"""

from __future__ import annotations

import datetime
import uuid

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.timezones import time_zone_names
from journal.stats import EARLIEST_DAY


def record_object(record) -> dict:
    """The record itself, when it is a JSON object."""
    if not isinstance(record, dict):
        raise forms.ValidationError(_("it is not an object."))
    return record


def can_store(value: str) -> bool:
    """False for a string holding a lone surrogate, which no database can store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def form_value(key: str, value):
    """A value as a browser would have sent it to the form that checks it."""
    if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
        value = "" if value is None else str(value)
    if not all(map(can_store, value if isinstance(value, list) else [value])):
        raise forms.ValidationError(_("%(key)s is not readable text.") % {"key": key})
    return value


def uuid_of(record: dict, key: str, *, required: bool = True) -> uuid.UUID | None:
    value = record.get(key)
    if value in (None, "") and not required:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise forms.ValidationError(
            _("%(key)s is missing or not a valid UUID.") % {"key": key}
        ) from None


def date_of(record: dict, key: str, *, required: bool = True) -> datetime.date | None:
    value = record.get(key)
    if value in (None, "") and not required:
        return None
    try:
        day = datetime.date.fromisoformat(str(value))
    except ValueError:
        raise forms.ValidationError(
            _("%(key)s is not a date like 2026-11-26.") % {"key": key}
        ) from None
    if day < EARLIEST_DAY:
        raise forms.ValidationError(_("%(key)s is before 2000.") % {"key": key})
    return day


def moment(record: dict, key: str, fallback=None) -> datetime.datetime:
    """An aware date and time; ``fallback`` when absent, or refused if none is given."""
    value = record.get(key)
    if value in (None, "") and fallback is not None:
        return fallback
    problem = forms.ValidationError(
        _("%(key)s is not a date and time with a zone.") % {"key": key}
    )
    if not isinstance(value, str):
        raise problem
    try:
        found = parse_datetime(value)
        # Some times parse but cannot be stored: year 1 at UTC+14 is before year 1.
        if found is not None and timezone.is_aware(found):
            found.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise problem from None
    if found is None or timezone.is_naive(found):
        raise problem
    return found


def text(record: dict, key: str, limit: int, *, required: bool = False) -> str:
    value = record.get(key) or ""
    if (
        not isinstance(value, str)
        or not can_store(value)
        or len(value) > limit
        or "\x00" in value
        or (required and not value.strip())
    ):
        raise forms.ValidationError(
            _("%(key)s is not text of 1 to %(limit)d characters.")
            % {"key": key, "limit": limit}
            if required
            else _("%(key)s is not text of at most %(limit)d characters.")
            % {"key": key, "limit": limit}
        )
    return value


def flag(record: dict, key: str) -> bool:
    value = record.get(key, False)
    if not isinstance(value, bool):
        raise forms.ValidationError(_("%(key)s is not true or false.") % {"key": key})
    return value


def whole_number(record: dict, key: str, allowed: range, problem: str, default=None):
    """A whole number within ``allowed`` (never a true/false), else ``problem``."""
    value = record.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
        raise forms.ValidationError(problem)
    return value


def time_zone(record: dict) -> str:
    zone = record.get("time_zone")
    if zone not in time_zone_names():
        raise forms.ValidationError(_("time_zone is not a time zone we know."))
    return zone
