"""Therapy sessions: one-offs, repeating schedules made ahead, skips and moves.

Stars and talk points belong to the session they are for. Made while no session is
set, they wait (session None) and join the next session as soon as there is one.
"""

import datetime

from django.db import transaction

from accounts import freshness
from journal.models import (
    Entry,
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
)
from journal.sessions import dates
from journal.sessions.queries import upcoming

# Schedules running at once, per person: a weekly session, a group, a second
# therapist and room to spare. Each keeps about 40 rows made, so the person's pages
# and the daily job stay quick whatever is set.
MAX_RUNNING_SCHEDULES = 10


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


def _make_sessions(
    schedule: SessionSchedule, today: datetime.date, until: datetime.date
) -> int:
    """Sessions from where the schedule was made up to, never before first_made."""
    first = max(
        schedule.made_until + datetime.timedelta(days=1), dates.first_made(today)
    )
    days = dates.repeating_dates(schedule.starts_on, schedule.every_weeks, first, until)
    TherapySession.objects.bulk_create(
        [
            TherapySession(
                owner_id=schedule.owner_id,
                schedule=schedule,
                scheduled_on=day,
                starts_at=dates.local_moment(day, schedule.at, schedule.time_zone),
                time_zone=schedule.time_zone,
                label=schedule.label,
            )
            for day in days
        ],
        ignore_conflicts=True,
    )
    schedule.made_until = max(schedule.made_until, until)
    schedule.save(update_fields=["made_until"])
    if days:
        # Also made outside a request (the daily job): pages must see them.
        freshness.bump(schedule.owner_id)
    return len(days)


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
            today,
            max(starts_on, today) + datetime.timedelta(weeks=dates.HORIZON_WEEKS),
        )
        _attach_waiting(user, now)
    return schedule


def extend_all_schedules(today: datetime.date) -> int:
    """Make sessions up to the horizon wherever a schedule runs low (the daily job)."""
    until = today + datetime.timedelta(weeks=dates.HORIZON_WEEKS - 4)
    made = 0
    for schedule in SessionSchedule.objects.filter(ended_on=None, made_until__lt=until):
        with transaction.atomic():
            made += _make_sessions(
                schedule, today, today + datetime.timedelta(weeks=dates.HORIZON_WEEKS)
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


def toggle_star(user, entry: Entry, now) -> bool:
    """Star the entry for the coming session, or take the star back; True if starred.

    With no session set the star waits (session None) and joins the next one.
    """
    session = upcoming(user, now)
    star = SessionStar.objects.filter(entry=entry, session=session).first()
    if star is not None:
        star.delete()
        return False
    SessionStar.objects.get_or_create(entry=entry, session=session)
    return True


def add_talk_point(user, text: str, now) -> TalkPoint:
    """A talk point at the end of the coming session's list (or the waiting list)."""
    session = upcoming(user, now)
    last = (
        TalkPoint.objects.for_user(user)
        .filter(session=session)
        .order_by("-position")
        .first()
    )
    return TalkPoint.objects.create(
        owner=user,
        session=session,
        text=text,
        position=(last.position + 1) if last else 0,
    )


TALK_ACTIONS = ("done", "up", "down", "delete")


def change_talk_point(point: TalkPoint, action: str) -> None:
    """Tick (or untick), remove, or move a talk point one place up or down its list."""
    if action == "done":
        point.is_done = not point.is_done
        point.save(update_fields=["is_done"])
    elif action == "delete":
        point.delete()
    elif action in ("up", "down"):
        _swap_with_neighbour(point, -1 if action == "up" else 1)
    else:
        raise ValueError(f"Unknown talk point action: {action!r}")


def _swap_with_neighbour(point: TalkPoint, step: int) -> None:
    with transaction.atomic():
        siblings = list(
            TalkPoint.objects.for_user(point.owner_id).filter(session=point.session_id)
        )
        index = next(i for i, p in enumerate(siblings) if p.pk == point.pk)
        other = index + step
        if 0 <= other < len(siblings):
            siblings[index], siblings[other] = siblings[other], siblings[index]
            for position, sibling in enumerate(siblings):
                if sibling.position != position:
                    sibling.position = position
                    sibling.save(update_fields=["position"])
