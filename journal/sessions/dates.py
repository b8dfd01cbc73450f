"""Therapy sessions in time: repeating dates, and the span "since my last session".

Pure functions: callers pass the schedule, the sessions and ``now``; nothing here
reads the clock or the database. Every session is an aware datetime; local dates and
times are in the zone the caller names, so a summer-time change or a move to another
zone shifts nothing that was already decided.
"""

import datetime
import functools
import zoneinfo
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import formats, translation
from django.utils.translation import gettext, ngettext

# A span with no session before it: the last week, like a diary card.
DEFAULT_SPAN_DAYS = 7

# How far a new session (or a schedule's first one) may be from today. A year back
# lets someone starting the journal note the sessions they have had this year; two
# years ahead is further than appointments are booked, so a later date is a slip of
# the keyboard. Without these one weekly schedule from 2000 made 1,432 rows.
DAYS_BACK = 365
DAYS_AHEAD = 730
# A repeating schedule has its sessions made this far ahead: when it is set, then by
# the periodic job (run_periodic), never by opening a page ...
HORIZON_WEEKS = 26
# ... and this far back, whenever its first date lies earlier: twelve weeks is as far
# as the summary and the progress page look, so older sessions would show nowhere
# and only make every page that reads the sessions slower.
PAST_WEEKS = 12


def earliest_start(today: datetime.date) -> datetime.date:
    """The first day a new session or schedule may start on."""
    return today - datetime.timedelta(days=DAYS_BACK)


def latest_start(today: datetime.date) -> datetime.date:
    """The last day a new session or schedule may start on (or be moved to)."""
    return today + datetime.timedelta(days=DAYS_AHEAD)


def latest_made(today: datetime.date) -> datetime.date:
    """The last day a session may fall on: HORIZON_WEEKS past the latest start."""
    return latest_start(today) + datetime.timedelta(weeks=HORIZON_WEEKS)


def first_made(today: datetime.date) -> datetime.date:
    """The earliest day a schedule makes a session for, whenever it began."""
    return today - datetime.timedelta(weeks=PAST_WEEKS)


def local_moment(day: datetime.date, at: datetime.time, zone: str) -> datetime.datetime:
    """``day`` at ``at`` on the wall clock of ``zone``, as an aware datetime.

    A time that does not exist that day (skipped when clocks go forward) is read as
    the wall time an hour later, and a time that happens twice (clocks go back) as
    its first passing: fold=0, as zoneinfo does.
    """
    moment = datetime.datetime.combine(day, at, tzinfo=zoneinfo.ZoneInfo(zone))
    # Round-trip through UTC: a non-existent wall time comes back as the real one.
    return moment.astimezone(datetime.UTC).astimezone(moment.tzinfo)


def repeating_dates(
    starts_on: datetime.date,
    every_weeks: int,
    first: datetime.date,
    last: datetime.date,
) -> list[datetime.date]:
    """A schedule's dates from ``first`` to ``last``: starts_on, then every N weeks."""
    step = datetime.timedelta(weeks=every_weeks)
    if last < starts_on or last < first:
        return []
    if first <= starts_on:
        day = starts_on
    else:
        # The first occurrence on or after ``first``.
        periods = -(-(first - starts_on).days // step.days)
        day = starts_on + periods * step
    dates = []
    while day <= last:
        dates.append(day)
        day += step
    return dates


@dataclass(frozen=True)
class Span:
    """From one session (or a week ago) up to the next session (or now)."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    first_day: datetime.date
    last_day: datetime.date
    # The session the span leads up to: None for the open span "up to now".
    since_session: datetime.datetime | None

    @property
    def days(self) -> list[datetime.date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + datetime.timedelta(days=n) for n in range(count)]

    def holds(self, moment: datetime.datetime) -> bool:
        return self.starts_at < moment <= self.ends_at


def previous_session(
    sessions: Iterable[datetime.datetime], now: datetime.datetime
) -> datetime.datetime | None:
    """The latest session that has started by ``now``."""
    started = [moment for moment in sessions if moment <= now]
    return max(started, default=None)


def next_session(
    sessions: Iterable[datetime.datetime], now: datetime.datetime
) -> datetime.datetime | None:
    """The first session still to come after ``now``."""
    return min((moment for moment in sessions if moment > now), default=None)


def span_since_last_session(
    sessions: Sequence[datetime.datetime], now: datetime.datetime, zone: str
) -> Span:
    """From the last session that has started up to now; the last 7 days if none."""
    tz = zoneinfo.ZoneInfo(zone)
    today = now.astimezone(tz).date()
    since = previous_session(sessions, now)
    if since is None:
        first_day = today - datetime.timedelta(days=DEFAULT_SPAN_DAYS - 1)
        starts_at = datetime.datetime.combine(first_day, datetime.time(), tzinfo=tz)
        # Everything of those days, even a moment at midnight.
        starts_at -= datetime.timedelta(microseconds=1)
        return Span(starts_at, now, first_day, today, None)
    return Span(since, now, since.astimezone(tz).date(), today, since)


def span_before(
    session: datetime.datetime,
    sessions: Sequence[datetime.datetime],
    zone: str,
) -> Span:
    """What was brought to ``session``: from the one before it (or a week earlier)."""
    tz = zoneinfo.ZoneInfo(zone)
    earlier = [moment for moment in sessions if moment < session]
    last_day = session.astimezone(tz).date()
    if not earlier:
        first_day = last_day - datetime.timedelta(days=DEFAULT_SPAN_DAYS - 1)
        starts_at = datetime.datetime.combine(
            first_day, datetime.time(), tzinfo=tz
        ) - datetime.timedelta(microseconds=1)
        return Span(starts_at, session, first_day, last_day, None)
    since = max(earlier)
    return Span(since, session, since.astimezone(tz).date(), last_day, since)


def entry_moment(
    practiced_on: datetime.date, created_at: datetime.datetime, zone: str
) -> datetime.datetime:
    """When an entry happened, as far as spans can tell.

    Written on its own day: the moment it was written, so an entry from before this
    afternoon's session belongs to the span before it. Written later for an earlier
    day: the start of that day, since it happened then.
    """
    tz = zoneinfo.ZoneInfo(zone)
    local = created_at.astimezone(tz)
    if local.date() == practiced_on:
        return local
    return datetime.datetime.combine(practiced_on, datetime.time(), tzinfo=tz)


def days_until(session: datetime.datetime, now: datetime.datetime, zone: str) -> int:
    """Calendar days from today to the session's day, on the person's calendar."""
    tz = zoneinfo.ZoneInfo(zone)
    return (session.astimezone(tz).date() - now.astimezone(tz).date()).days


def next_session_line(starts_at: datetime.datetime, zone: str, days: int) -> str:
    """ "Next session: tomorrow, Thursday 10 December, 17:00." in the active
    language, ``days`` from days_until(): Today draws it on every visit, so it is
    worked out once per session time, zone, day count and language."""
    return _next_session_line(starts_at, zone, days, translation.get_language())


@functools.lru_cache(maxsize=1024)
def _next_session_line(
    starts_at: datetime.datetime, zone: str, days: int, language: str
) -> str:
    # ``language`` only keys the memo: the words are the active language's.
    when = formats.date_format(
        starts_at.astimezone(zoneinfo.ZoneInfo(zone)), gettext("l j F, H:i")
    )
    if days == 0:
        return gettext("Next session: today, %(when)s.") % {"when": when}
    if days == 1:
        return gettext("Next session: tomorrow, %(when)s.") % {"when": when}
    return ngettext(
        "Next session: %(when)s, in %(counter)s day.",
        "Next session: %(when)s, in %(counter)s days.",
        days,
    ) % {"when": when, "counter": days}
