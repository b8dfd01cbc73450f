"""Marking rest days, and taking them back."""

import datetime

from django.db import transaction

from journal.models import RestDay

MAX_SPAN_DAYS = 60


def mark(user, first: datetime.date, last: datetime.date, reason: str = "") -> int:
    """Make every day from first to last a rest day; returns how many were new."""
    days = [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]
    with transaction.atomic():
        existing = set(
            RestDay.objects.for_user(user)
            .filter(day__range=(first, last))
            .values_list("day", flat=True)
        )
        new = [
            RestDay(owner=user, day=day, reason=reason)
            for day in days
            if day not in existing
        ]
        RestDay.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def unmark(rest_day: RestDay) -> None:
    """The day is an ordinary day again."""
    rest_day.delete()


def rest_days_between(user, first: datetime.date, last: datetime.date) -> set:
    """The person's rest days in a span: one query."""
    return set(
        RestDay.objects.for_user(user)
        .filter(day__range=(first, last))
        .values_list("day", flat=True)
    )
