"""When a daily reminder is due (pure: the caller passes the time and the facts)."""

import datetime
import zoneinfo
from dataclasses import dataclass

ALL_DAYS = "0123456"
# A runner that was down catches up, but not so late that it wakes someone at 3 a.m.
LATEST_DELAY = datetime.timedelta(hours=2)


@dataclass(frozen=True)
class Situation:
    """What the rules need to know about one person, right now."""

    now: datetime.datetime  # aware, any zone
    time_zone: str
    reminder_time: datetime.time
    weekdays: set[int]
    paused_until: datetime.date | None
    logged_today: bool
    already_sent_today: bool
    has_channel: bool
    is_rest_day: bool = False


def local_now(now: datetime.datetime, time_zone: str) -> datetime.datetime:
    """The wall-clock time where the person lives."""
    return now.astimezone(zoneinfo.ZoneInfo(time_zone))


def due_at(day: datetime.date, reminder_time: datetime.time, time_zone: str):
    """The moment the reminder of ``day`` falls due, as an aware datetime.

    On a day when the clocks spring forward past the chosen time (20:30 does not
    exist in some zones on some nights), the time is read as after the change;
    on a day when a time happens twice, the first one counts.
    """
    naive = datetime.datetime.combine(day, reminder_time)
    moment = naive.replace(tzinfo=zoneinfo.ZoneInfo(time_zone), fold=0)
    # A time that does not exist comes back changed after a round trip through UTC.
    return moment.astimezone(datetime.UTC).astimezone(moment.tzinfo)


def is_due(situation: Situation) -> bool:
    """True when a reminder should go out now."""
    here = local_now(situation.now, situation.time_zone)
    today = here.date()
    if situation.already_sent_today or situation.logged_today or situation.is_rest_day:
        return False
    if not situation.has_channel or today.weekday() not in situation.weekdays:
        return False
    if situation.paused_until is not None and today <= situation.paused_until:
        return False
    due = due_at(today, situation.reminder_time, situation.time_zone)
    return due <= here < due + LATEST_DELAY


@dataclass(frozen=True)
class NudgeSituation:
    """One person and their next session, for the evening-before message."""

    now: datetime.datetime
    time_zone: str
    nudge_time: datetime.time
    session_at: datetime.datetime
    paused_until: datetime.date | None
    already_sent: bool
    has_channel: bool


def nudge_is_due(situation: NudgeSituation) -> bool:
    """True when "your summary is ready" should go out now: the evening before."""
    if situation.already_sent or not situation.has_channel:
        return False
    here = local_now(situation.now, situation.time_zone)
    if situation.paused_until is not None and here.date() <= situation.paused_until:
        return False
    session_day = local_now(situation.session_at, situation.time_zone).date()
    due = due_at(
        session_day - datetime.timedelta(days=1),
        situation.nudge_time,
        situation.time_zone,
    )
    return due <= here < min(due + LATEST_DELAY, situation.session_at)
