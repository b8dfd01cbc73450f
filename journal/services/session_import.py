"""Reading therapy sessions, stars and talk points back from an export file.

Part of ``portability.import_document``: the same all-or-nothing rules. Records are
matched by uuid, so importing a file twice adds nothing the second time; a uuid that
belongs to someone else's row gets a new one, and the file learns nothing of theirs.
"""

import datetime
import uuid
from dataclasses import dataclass

from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from accounts.timezones import time_zone_names
from journal.models import (
    Entry,
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
)
from journal.stats import EARLIEST_DAY


def _uuid(record, key, *, required=True):
    value = record.get(key)
    if value in (None, "") and not required:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise forms.ValidationError(
            _("%(key)s is missing or not a valid UUID.") % {"key": key}
        ) from None


def _date(record, key, *, required=True):
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


def _text(record, key, limit, *, required=False):
    value = record.get(key) or ""
    if (
        not isinstance(value, str)
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


def _flag(record, key):
    value = record.get(key, False)
    if not isinstance(value, bool):
        raise forms.ValidationError(_("%(key)s is not true or false.") % {"key": key})
    return value


def _zone(record):
    zone = record.get("time_zone")
    if zone not in time_zone_names():
        raise forms.ValidationError(_("time_zone is not a time zone we know."))
    return zone


def _moment(record, key):
    value = record.get(key)
    moment = parse_datetime(value) if isinstance(value, str) else None
    if moment is None or moment.tzinfo is None:
        raise forms.ValidationError(
            _("%(key)s is not a date and time with a zone.") % {"key": key}
        )
    return moment


def _object(record):
    if not isinstance(record, dict):
        raise forms.ValidationError(_("it is not an object."))


def clean_schedule(record) -> SessionSchedule:
    _object(record)
    every = record.get("every_weeks")
    if every not in (1, 2) or isinstance(every, bool):
        raise forms.ValidationError(_("every_weeks is not 1 or 2."))
    try:
        at = datetime.time.fromisoformat(str(record.get("at")))
    except ValueError:
        raise forms.ValidationError(_("at is not a time like 17:30.")) from None
    return SessionSchedule(
        uuid=_uuid(record, "uuid"),
        every_weeks=every,
        starts_on=_date(record, "starts_on"),
        at=at,
        time_zone=_zone(record),
        label=_text(record, "label", 60),
        made_until=_date(record, "made_until"),
        ended_on=_date(record, "ended_on", required=False),
    )


def clean_session(record) -> TherapySession:
    _object(record)
    session = TherapySession(
        uuid=_uuid(record, "uuid"),
        scheduled_on=_date(record, "scheduled_on", required=False),
        starts_at=_moment(record, "starts_at"),
        time_zone=_zone(record),
        label=_text(record, "label", 60),
        is_skipped=_flag(record, "is_skipped"),
        is_moved=_flag(record, "is_moved"),
    )
    # Not fields: resolved once the file's schedules are in.
    session.schedule_uuid = _uuid(record, "schedule_uuid", required=False)
    return session


@dataclass
class StarRecord:
    entry_uuid: uuid.UUID
    session_uuid: uuid.UUID | None


def clean_star(record) -> StarRecord:
    _object(record)
    return StarRecord(
        _uuid(record, "entry_uuid"), _uuid(record, "session_uuid", required=False)
    )


def clean_talk_point(record) -> TalkPoint:
    _object(record)
    position = record.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise forms.ValidationError(_("position is not a whole number from 0."))
    point = TalkPoint(
        uuid=_uuid(record, "uuid"),
        text=_text(record, "text", 200, required=True),
        position=position,
        is_done=_flag(record, "is_done"),
    )
    point.session_uuid = _uuid(record, "session_uuid", required=False)
    return point


@dataclass
class Added:
    schedules: int = 0
    sessions: int = 0
    stars: int = 0
    talk_points: int = 0


def _split(model, user, rows) -> tuple[dict, list]:
    """(file uuid -> pk of the person's existing row, rows to add).

    A uuid someone else's row has is replaced on the new row; the returned mapping
    is keyed by the file's uuid either way, through ``row.file_uuid``.
    """
    uuids = [row.uuid for row in rows]
    known = dict(model.objects.filter(uuid__in=uuids).values_list("uuid", "owner_id"))
    own = dict(
        model.objects.for_user(user).filter(uuid__in=uuids).values_list("uuid", "pk")
    )
    fresh, seen = [], set()
    for row in rows:
        row.file_uuid = row.uuid
        if row.uuid in own or row.uuid in seen:
            continue
        seen.add(row.uuid)
        if row.uuid in known:
            row.uuid = uuid.uuid4()
        row.owner_id = user.pk
        fresh.append(row)
    return own, fresh


def _refuse(message) -> None:
    raise forms.ValidationError(message)


def add_sessions(user, schedules, sessions, stars, talk_points) -> Added:
    """Add what the person does not have yet; call inside the import's transaction.

    Raises ValidationError when a record points at something the file lacks.
    """
    schedule_ids, new_schedules = _split(SessionSchedule, user, schedules)
    SessionSchedule.objects.bulk_create(new_schedules)
    schedule_ids.update({s.file_uuid: s.pk for s in new_schedules})

    for session in sessions:
        if session.schedule_uuid and session.schedule_uuid not in schedule_ids:
            _refuse(_("a session names a schedule that is not in the file."))
        session.schedule_id = schedule_ids.get(session.schedule_uuid)
    session_ids, new_sessions = _split(TherapySession, user, sessions)
    # A schedule's date the person already has (from the same schedule) is theirs.
    taken_dates = set(
        TherapySession.objects.for_user(user)
        .filter(schedule_id__in=[s.schedule_id for s in new_sessions if s.schedule_id])
        .values_list("schedule_id", "scheduled_on")
    )
    new_sessions = [
        s
        for s in new_sessions
        if not s.schedule_id or (s.schedule_id, s.scheduled_on) not in taken_dates
    ]
    TherapySession.objects.bulk_create(new_sessions)
    session_ids.update({s.file_uuid: s.pk for s in new_sessions})

    entry_ids = dict(
        Entry.objects.for_user(user)
        .filter(uuid__in=[star.entry_uuid for star in stars])
        .values_list("uuid", "pk")
    )
    new_stars = []
    for star in stars:
        if star.entry_uuid not in entry_ids:
            _refuse(_("a star names an entry that is not in the file."))
        if star.session_uuid and star.session_uuid not in session_ids:
            _refuse(_("a star names a session that is not in the file."))
        new_stars.append(
            SessionStar(
                entry_id=entry_ids[star.entry_uuid],
                session_id=session_ids.get(star.session_uuid),
            )
        )
    SessionStar.objects.bulk_create(new_stars, ignore_conflicts=True)

    for point in talk_points:
        if point.session_uuid and point.session_uuid not in session_ids:
            _refuse(_("a talk point names a session that is not in the file."))
        point.session_id = session_ids.get(point.session_uuid)
    _own, new_points = _split(TalkPoint, user, talk_points)
    TalkPoint.objects.bulk_create(new_points)
    return Added(len(new_schedules), len(new_sessions), len(new_stars), len(new_points))
