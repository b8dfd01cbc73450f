"""Therapy sessions in the export (added in version 4) and back from an import.

Schedules, their sessions, the stars on entries and the talk points. On import each
kind is matched by uuid (``matching``); what points at another row through the file's
uuids (a session's schedule, a star's entry and session, a talk point's session) is
resolved once the rows it points at are in.
"""

from __future__ import annotations

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext as _

from journal.models import (
    Entry,
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
)
from journal.sessions import dates
from journal.sessions.services import MAX_RUNNING_SCHEDULES
from journal.stats import EARLIEST_DAY
from portability import readers
from portability.document import ImportRefused, utc_iso
from portability.matching import match_by_uuid

# The largest number a PositiveIntegerField holds on every database we run.
MAX_POSITION = 2_147_483_647


# --- out ----------------------------------------------------------------------------


def schedule_record(schedule: SessionSchedule) -> dict:
    return {
        "uuid": str(schedule.uuid),
        "every_weeks": schedule.every_weeks,
        "starts_on": schedule.starts_on.isoformat(),
        "at": schedule.at.strftime("%H:%M"),
        "time_zone": schedule.time_zone,
        "label": schedule.label,
        "made_until": schedule.made_until.isoformat(),
        "ended_on": schedule.ended_on.isoformat() if schedule.ended_on else None,
        "created_at": utc_iso(schedule.created_at),
    }


def session_record(session: TherapySession) -> dict:
    return {
        "uuid": str(session.uuid),
        "schedule_uuid": str(session.schedule.uuid) if session.schedule_id else None,
        "scheduled_on": (
            session.scheduled_on.isoformat() if session.scheduled_on else None
        ),
        "starts_at": utc_iso(session.starts_at),
        "time_zone": session.time_zone,
        "label": session.label,
        "is_skipped": session.is_skipped,
        "is_moved": session.is_moved,
        "created_at": utc_iso(session.created_at),
    }


def star_record(star: SessionStar) -> dict:
    return {
        "entry_uuid": str(star.entry.uuid),
        "session_uuid": str(star.session.uuid) if star.session_id else None,
        "created_at": utc_iso(star.created_at),
    }


def talk_point_record(point: TalkPoint) -> dict:
    return {
        "uuid": str(point.uuid),
        "session_uuid": str(point.session.uuid) if point.session_id else None,
        "text": point.text,
        "position": point.position,
        "is_done": point.is_done,
        "created_at": utc_iso(point.created_at),
    }


@dataclass(frozen=True)
class SessionData:
    """A person's sessions and what belongs to them, for an export."""

    schedules: object = ()
    sessions: object = ()
    stars: object = ()
    talk_points: object = ()


def session_data(user) -> SessionData:
    """Querysets of everything session-shaped the person owns."""
    return SessionData(
        schedules=SessionSchedule.objects.for_user(user).order_by("pk"),
        sessions=TherapySession.objects.for_user(user)
        .select_related("schedule")
        .order_by("starts_at", "pk"),
        stars=SessionStar.objects.filter(entry__owner=user)
        .select_related("entry", "session")
        .order_by("pk"),
        talk_points=TalkPoint.objects.for_user(user)
        .select_related("session")
        .order_by("pk"),
    )


# --- back in ------------------------------------------------------------------------


def _within(key: str, day: datetime.date | None, last: datetime.date):
    """The day, when it lies from 2000 up to ``last``; else ValidationError."""
    if day is not None and not EARLIEST_DAY <= day <= last:
        raise forms.ValidationError(
            _("%(key)s is not between %(first)s and %(last)s.")
            % {"key": key, "first": EARLIEST_DAY.isoformat(), "last": last.isoformat()}
        )
    return day


def clean_schedule(record, latest_day: datetime.date) -> SessionSchedule:
    """A schedule within the sessions page's bounds, counted from ``latest_day``.

    History is welcome (a schedule may have begun any time since 2000: the periodic
    job only ever makes its last dates.PAST_WEEKS), the future is not: no date
    beyond what the sessions page could have set from ``latest_day``.
    """
    record = readers.record_object(record)
    every = readers.whole_number(
        record, "every_weeks", range(1, 3), _("every_weeks is not 1 or 2.")
    )
    try:
        at = datetime.time.fromisoformat(str(record.get("at")))
    except ValueError:
        at = None
    # A wall-clock time has no zone of its own (the schedule's time_zone is it), and
    # some databases refuse to store a time that carries one.
    if at is None or at.tzinfo is not None:
        raise forms.ValidationError(_("at is not a time like 17:30."))
    last_made = dates.latest_made(latest_day)
    return SessionSchedule(
        uuid=readers.uuid_of(record, "uuid"),
        every_weeks=every,
        starts_on=_within(
            "starts_on",
            readers.date_of(record, "starts_on"),
            dates.latest_start(latest_day),
        ),
        at=at,
        time_zone=readers.time_zone(record),
        label=readers.text(record, "label", 60),
        made_until=_within(
            "made_until", readers.date_of(record, "made_until"), last_made
        ),
        ended_on=_within(
            "ended_on", readers.date_of(record, "ended_on", required=False), last_made
        ),
    )


def clean_session(record, latest_day: datetime.date) -> TherapySession:
    """A session on a day from 2000 to the last one a schedule could have made."""
    record = readers.record_object(record)
    last_made = dates.latest_made(latest_day)
    zone = readers.time_zone(record)
    starts_at = readers.moment(record, "starts_at")
    # The day on the session's own calendar, as the sessions page shows it.
    _within(
        "starts_at", starts_at.astimezone(zoneinfo.ZoneInfo(zone)).date(), last_made
    )
    session = TherapySession(
        uuid=readers.uuid_of(record, "uuid"),
        scheduled_on=_within(
            "scheduled_on",
            readers.date_of(record, "scheduled_on", required=False),
            last_made,
        ),
        starts_at=starts_at,
        time_zone=zone,
        label=readers.text(record, "label", 60),
        is_skipped=readers.flag(record, "is_skipped"),
        is_moved=readers.flag(record, "is_moved"),
    )
    # Not fields: resolved once the file's schedules are in.
    session.schedule_uuid = readers.uuid_of(record, "schedule_uuid", required=False)
    return session


@dataclass
class StarRecord:
    entry_uuid: uuid.UUID
    session_uuid: uuid.UUID | None


def clean_star(record) -> StarRecord:
    record = readers.record_object(record)
    return StarRecord(
        readers.uuid_of(record, "entry_uuid"),
        readers.uuid_of(record, "session_uuid", required=False),
    )


def clean_talk_point(record) -> TalkPoint:
    record = readers.record_object(record)
    position = readers.whole_number(
        record,
        "position",
        range(MAX_POSITION + 1),
        _("position is not a whole number from 0."),
        default=0,
    )
    point = TalkPoint(
        uuid=readers.uuid_of(record, "uuid"),
        text=readers.text(record, "text", 200, required=True),
        position=position,
        is_done=readers.flag(record, "is_done"),
    )
    point.session_uuid = readers.uuid_of(record, "session_uuid", required=False)
    return point


@dataclass
class Added:
    schedules: int = 0
    sessions: int = 0
    stars: int = 0
    talk_points: int = 0


def _points_at(known: dict, file_uuid, problem: str) -> int | None:
    """The pk of the row the file's uuid names, or ValidationError when it lacks it."""
    if file_uuid and file_uuid not in known:
        raise forms.ValidationError(problem)
    return known.get(file_uuid)


def _refuse_too_many_running(user, new_schedules) -> None:
    """ImportRefused when the person would have more running schedules than allowed."""
    running = SessionSchedule.objects.for_user(user).filter(ended_on=None).count()
    running += sum(1 for schedule in new_schedules if schedule.ended_on is None)
    if running > MAX_RUNNING_SCHEDULES:
        raise ImportRefused(
            _(
                "With this file you would have %(count)s repeating schedules running; "
                "at most %(limit)s can run at a time. Nothing was imported."
            )
            % {"count": running, "limit": MAX_RUNNING_SCHEDULES}
        )


def add_sessions(user, schedules, sessions, stars, talk_points) -> Added:
    """Add what the person does not have yet; call inside the import's transaction.

    Raises ValidationError when a record points at something the file lacks, and
    ImportRefused when it would leave too many schedules running.
    """
    matched = match_by_uuid(SessionSchedule, user, schedules)
    _refuse_too_many_running(user, matched.new)
    SessionSchedule.objects.bulk_create(matched.new)
    schedule_ids = matched.existing | {s.file_uuid: s.pk for s in matched.new}
    schedule_count = len(matched.new)

    for session in sessions:
        session.schedule_id = _points_at(
            schedule_ids,
            session.schedule_uuid,
            _("a session names a schedule that is not in the file."),
        )
    matched = match_by_uuid(TherapySession, user, sessions)
    # A schedule's date the person already has (from the same schedule) is theirs.
    taken_dates = set(
        TherapySession.objects.for_user(user)
        .filter(schedule_id__in=[s.schedule_id for s in matched.new if s.schedule_id])
        .values_list("schedule_id", "scheduled_on")
    )
    new_sessions = [
        s
        for s in matched.new
        if not s.schedule_id or (s.schedule_id, s.scheduled_on) not in taken_dates
    ]
    TherapySession.objects.bulk_create(new_sessions)
    session_ids = matched.existing | {s.file_uuid: s.pk for s in new_sessions}

    entry_ids = dict(
        Entry.objects.for_user(user)
        .filter(uuid__in=[star.entry_uuid for star in stars])
        .values_list("uuid", "pk")
    )
    new_stars = []
    for star in stars:
        if star.entry_uuid not in entry_ids:
            raise forms.ValidationError(
                _("a star names an entry that is not in the file.")
            )
        session_id = _points_at(
            session_ids,
            star.session_uuid,
            _("a star names a session that is not in the file."),
        )
        new_stars.append(
            SessionStar(entry_id=entry_ids[star.entry_uuid], session_id=session_id)
        )
    SessionStar.objects.bulk_create(new_stars, ignore_conflicts=True)

    for point in talk_points:
        point.session_id = _points_at(
            session_ids,
            point.session_uuid,
            _("a talk point names a session that is not in the file."),
        )
    new_points = match_by_uuid(TalkPoint, user, talk_points).new
    TalkPoint.objects.bulk_create(new_points)
    return Added(schedule_count, len(new_sessions), len(new_stars), len(new_points))
