"""Therapy sessions: one-offs, repeating schedules made ahead, skips and moves.

Stars and talk points belong to the session they are for. Made while no session is
set, they wait (session None) and join the next session as soon as there is one.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db import transaction

from accounts import freshness
from accounts.choices import WeekStart
from core import fragments
from journal import session_dates
from journal.models import (
    Entry,
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
)

# A repeating schedule exists this far ahead; visits and the daily job extend it.
HORIZON_WEEKS = 26


def upcoming(user, now) -> TherapySession | None:
    """The next session that takes place: one query."""
    return (
        TherapySession.objects.for_user(user)
        .held()
        .filter(starts_at__gt=now)
        .order_by("starts_at", "pk")
        .first()
    )


def starred_ids(user, session: TherapySession | None) -> frozenset:
    """Ids of the entries starred for a session (None: waiting for one)."""
    return frozenset(
        SessionStar.objects.filter(entry__owner=user, session=session).values_list(
            "entry_id", flat=True
        )
    )


def week_start_of(profile, now) -> str | int:
    """The person's week start, with "session" turned into their session's weekday.

    The next session decides (else the latest one); with none the week starts on
    Monday, as stats.start_weekday does. Queries only for "session".
    """
    if profile.week_start != WeekStart.SESSION:
        return profile.week_start
    return _week_start(profile, upcoming(profile.user, now))


@dataclass(frozen=True)
class Coming:
    """What the next session means for a person's pages right now.

    When it starts (None: no session is coming), the entries starred for it and
    the weekday their week starts on (week_start_of). Times, ids and a weekday:
    no journal text, so pages may keep it in the cache.
    """

    starts_at: datetime.datetime | None
    starred_ids: frozenset
    week_start: str | int


def coming(
    profile, now, person_key: str | None, *, read_ahead: dict | None = None
) -> Coming:
    """The Coming facts, kept under the person's fragment key until the session starts.

    ``person_key`` is accounts.freshness.cache_key, made before anything was read:
    a write (a session added, moved or skipped, a star, a settings change) makes
    a new key, midnight too, and the session starting makes the facts stale, so
    they are read again then. Without a key (nothing to keep them under) they are
    read: three queries at most. ``read_ahead``: what the page already read from
    the cache (the ``coming-session`` piece with its other keys, in one trip), so
    not asked again.
    """
    key = fragments.key("coming-session", person_key) if person_key else None
    if read_ahead is not None:
        kept = read_ahead.get(key)
    else:
        kept = fragments.store("coming-session").get(key) if key else None
    if kept is not None:  # a plain tuple, read back into Coming
        facts = Coming(*kept)
        if facts.starts_at is None or facts.starts_at > now:
            return facts
    user = profile.user
    upcoming_session = upcoming(user, now)
    facts = Coming(
        starts_at=upcoming_session.starts_at if upcoming_session else None,
        starred_ids=starred_ids(user, upcoming_session),
        week_start=_week_start(profile, upcoming_session),
    )
    if key:
        seconds = freshness.KEPT_SECONDS
        if facts.starts_at is not None:
            until = int((facts.starts_at - now).total_seconds())
            seconds = max(1, min(until, freshness.KEPT_SECONDS))
        fragments.store("coming-session").set(
            key, (facts.starts_at, facts.starred_ids, facts.week_start), seconds
        )
    return facts


def _week_start(profile, upcoming_session) -> str | int:
    """week_start_of, given the coming session already read."""
    if profile.week_start != WeekStart.SESSION:
        return profile.week_start
    session = (
        upcoming_session
        or TherapySession.objects.for_user(profile.user)
        .held()
        .order_by("-starts_at")
        .first()
    )
    if session is None:
        return 0
    return session.starts_at.astimezone(zoneinfo.ZoneInfo(profile.time_zone)).weekday()


def starred_entries(user, session: TherapySession | None) -> list[Entry]:
    """The entries starred for a session (None: waiting for one), newest first."""
    # Through the stars themselves: "stars__session=None" would also match entries
    # that have no star at all.
    stars = SessionStar.objects.filter(entry__owner=user, session=session)
    return list(
        Entry.objects.for_user(user)
        .for_display()
        .filter(pk__in=stars.values("entry_id"))
        .order_by("-practiced_on", "-created_at")
    )


def held_times(user) -> list[datetime.datetime]:
    """Every session that takes place, as times: one query."""
    return list(
        TherapySession.objects.for_user(user)
        .held()
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
    )


def _attach_waiting(user, now) -> None:
    """Stars and talk points made while no session was set join the next one."""
    session = upcoming(user, now)
    if session is None:
        return
    TalkPoint.objects.for_user(user).filter(session=None).update(session=session)
    already = set(
        SessionStar.objects.filter(session=session).values_list("entry_id", flat=True)
    )
    waiting = SessionStar.objects.filter(entry__owner=user, session=None)
    waiting.filter(entry_id__in=already).delete()
    waiting.update(session=session)


def add_one_off(user, starts_at: datetime.datetime, zone: str, label: str, now):
    with transaction.atomic():
        session = TherapySession.objects.create(
            owner=user, starts_at=starts_at, time_zone=zone, label=label
        )
        _attach_waiting(user, now)
    return session


def _make_sessions(schedule: SessionSchedule, until: datetime.date) -> int:
    first = schedule.made_until + datetime.timedelta(days=1)
    dates = session_dates.repeating_dates(
        schedule.starts_on, schedule.every_weeks, first, until
    )
    TherapySession.objects.bulk_create(
        [
            TherapySession(
                owner_id=schedule.owner_id,
                schedule=schedule,
                scheduled_on=day,
                starts_at=session_dates.local_moment(
                    day, schedule.at, schedule.time_zone
                ),
                time_zone=schedule.time_zone,
                label=schedule.label,
            )
            for day in dates
        ],
        ignore_conflicts=True,
    )
    schedule.made_until = max(schedule.made_until, until)
    schedule.save(update_fields=["made_until"])
    if dates:
        # Also made outside a request (the daily job): pages must see them.
        freshness.bump(schedule.owner_id)
    return len(dates)


def add_schedule(user, *, every_weeks, starts_on, at, zone, label, today, now):
    """A repeating schedule and its sessions for the coming months."""
    with transaction.atomic():
        schedule = SessionSchedule.objects.create(
            owner=user,
            every_weeks=every_weeks,
            starts_on=starts_on,
            at=at,
            time_zone=zone,
            label=label,
            made_until=starts_on - datetime.timedelta(days=1),
        )
        _make_sessions(
            schedule,
            max(starts_on, today) + datetime.timedelta(weeks=HORIZON_WEEKS),
        )
        _attach_waiting(user, now)
    return schedule


def extend_schedules(user, today: datetime.date) -> int:
    """Make sessions up to the horizon for every active schedule; returns how many."""
    until = today + datetime.timedelta(weeks=HORIZON_WEEKS)
    made = 0
    schedules = SessionSchedule.objects.for_user(user).filter(
        ended_on=None, made_until__lt=until - datetime.timedelta(weeks=4)
    )
    for schedule in schedules:
        with transaction.atomic():
            made += _make_sessions(schedule, until)
    return made


def extend_all_schedules(today: datetime.date) -> int:
    """extend_schedules for everyone whose schedule runs low (the daily job)."""
    until = today + datetime.timedelta(weeks=HORIZON_WEEKS - 4)
    made = 0
    for schedule in SessionSchedule.objects.filter(ended_on=None, made_until__lt=until):
        with transaction.atomic():
            made += _make_sessions(
                schedule, today + datetime.timedelta(weeks=HORIZON_WEEKS)
            )
    return made


def stop_schedule(schedule: SessionSchedule, today: datetime.date, now) -> None:
    """No more sessions from this schedule; past ones stay, coming ones go.

    Talk points and stars for a coming session are kept: they wait for the next one.
    """
    with transaction.atomic():
        coming = TherapySession.objects.filter(schedule=schedule, starts_at__gt=now)
        _release(coming)
        coming.delete()
        schedule.ended_on = today
        schedule.save(update_fields=["ended_on"])
        _attach_waiting(schedule.owner, now)


def _release(sessions) -> None:
    """Let the talk points and stars of these sessions wait for the next one."""
    TalkPoint.objects.filter(session__in=sessions).update(session=None)
    stars = SessionStar.objects.filter(session__in=sessions)
    waiting = set(
        SessionStar.objects.filter(
            session=None, entry_id__in=stars.values("entry_id")
        ).values_list("entry_id", flat=True)
    )
    stars.filter(entry_id__in=waiting).delete()
    # One waiting star per entry, however many sessions it was starred for.
    seen = set()
    for star in stars.order_by("pk"):
        if star.entry_id in seen:
            star.delete()
        else:
            seen.add(star.entry_id)
    stars.update(session=None)


def skip(session: TherapySession, now) -> None:
    """Not this week: the date stays known, nothing happens at it."""
    with transaction.atomic():
        _release(TherapySession.objects.filter(pk=session.pk))
        session.is_skipped = True
        session.save(update_fields=["is_skipped"])
        _attach_waiting(session.owner, now)


def restore(session: TherapySession, now) -> None:
    with transaction.atomic():
        session.is_skipped = False
        session.save(update_fields=["is_skipped"])
        _attach_waiting(session.owner, now)


def move(session: TherapySession, starts_at: datetime.datetime, zone: str, now):
    with transaction.atomic():
        session.starts_at = starts_at
        session.time_zone = zone
        session.is_moved = True
        session.save(update_fields=["starts_at", "time_zone", "is_moved"])
        _attach_waiting(session.owner, now)


def delete(session: TherapySession, now) -> None:
    """A one-off is removed; a schedule's date is skipped, so it never comes back."""
    if session.schedule_id is not None:
        skip(session, now)
        return
    with transaction.atomic():
        _release(TherapySession.objects.filter(pk=session.pk))
        session.delete()
        _attach_waiting(session.owner, now)
