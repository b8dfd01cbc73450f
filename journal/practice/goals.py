"""A practice plan's span and goals: pure date and number helpers.

Callers pass today and the days of the person's sessions (in their own zone);
nothing here reads the clock or the database.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

WEEK_DAYS = 7
ONE_DAY = datetime.timedelta(days=1)
# A span longer than this starts later: a session months ago does not make this
# plan's goal months long.
LONGEST_SPAN_DAYS = 28


@dataclass(frozen=True)
class PlanSpan:
    """The days a plan covers, both included."""

    starts_on: datetime.date
    ends_on: datetime.date
    # Starts on a session's day: "since your session".
    is_from_session: bool = False

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1


def iso_week(today: datetime.date) -> PlanSpan:
    """Monday to Sunday around ``today``."""
    monday = today - datetime.timedelta(days=today.weekday())
    return PlanSpan(monday, monday + datetime.timedelta(days=WEEK_DAYS - 1))


def plan_span(
    today: datetime.date,
    session_days: Iterable[datetime.date],
    not_before: datetime.date | None = None,
) -> PlanSpan:
    """From the last session (today's counts) to the day before the next one.

    Without a session to come: the week after the last session while it lasts,
    else the ISO week. Without one before: from today. ``not_before``: the first
    day no earlier plan covers, so two plans never share a day.
    """
    days = sorted(set(session_days))
    last = max((day for day in days if day <= today), default=None)
    following = min((day for day in days if day > today), default=None)
    one_week = datetime.timedelta(days=WEEK_DAYS - 1)
    if following is not None:
        ends_on = following - datetime.timedelta(days=1)
        earliest = following - datetime.timedelta(days=LONGEST_SPAN_DAYS)
        if last is not None and last >= earliest:
            span = PlanSpan(last, ends_on, is_from_session=True)
        else:
            span = PlanSpan(min(today, ends_on), ends_on)
    elif last is not None and today <= last + one_week:
        span = PlanSpan(last, last + one_week, is_from_session=True)
    else:
        span = iso_week(today)
    if not_before is not None and span.starts_on < not_before <= today:
        span = PlanSpan(not_before, span.ends_on)
    return span


def goal_for(times: int | None, each_day: bool, days: int) -> int:
    """The goal over a span of ``days``: "each day" is every day, otherwise
    ``times`` a week scaled to the span (rounded, never below one)."""
    if each_day:
        return days
    weekly = times or 0
    if weekly <= 0:
        return 0
    # Half up: 3 a week over 10 days is 4 (4.29), over 9 days 4 (3.86).
    return max(1, (2 * weekly * days + WEEK_DAYS) // (2 * WEEK_DAYS))


def days_between(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every day from ``first`` to ``last``, both included."""
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def days_to_ask(
    first: datetime.date,
    today: datetime.date,
    practised: set,
    rest_days: set,
) -> list[datetime.date]:
    """Days of the plan so far (before today) with nothing of it done and no
    rest: the days a reason may be given for, newest first."""
    last = today - datetime.timedelta(days=1)
    if last < first:
        return []
    return [
        day
        for day in reversed(days_between(first, last))
        if day not in practised and day not in rest_days
    ]
