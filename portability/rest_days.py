"""Rest days in the export (added in version 2) and back from an import."""

from __future__ import annotations

from journal.models import RestDay
from portability import readers
from portability.matching import new_by_key


def rest_day_record(rest_day: RestDay) -> dict:
    return {"day": rest_day.day.isoformat(), "reason": rest_day.reason}


def clean_rest_day(record) -> RestDay:
    record = readers.record_object(record)
    return RestDay(
        day=readers.date_of(record, "day"),
        reason=readers.text(record, "reason", 280),
    )


def new_rest_days(user, rest_days: list) -> list[RestDay]:
    """Rest days on days that are not rest days yet."""
    known = set(RestDay.objects.for_user(user).values_list("day", flat=True))
    return new_by_key(user, rest_days, "day", known)
