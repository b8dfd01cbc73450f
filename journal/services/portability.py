"""Export and import of everything a person owns.

The JSON format (version 3) is documented, with an example, in the README's
"Export format" section; ``export_document`` is its one writer and
``import_document`` its one reader (versions 1, 2 and 3).
"""

from __future__ import annotations

import datetime
import json
import uuid
from collections import Counter
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from journal.exercises.definitions import ACTIVITY_PLAN, Stage, find
from journal.exercises.forms import AnswersForm
from journal.forms import EntryForm, ReflectionForm
from journal.models import (
    ActivityPlan,
    Entry,
    RestDay,
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
    WeeklyReflection,
)
from journal.services import session_import
from journal.services.entries import MAX_ENTRIES_PER_DAY, lock_person
from journal.services.exercises import fill_entry
from journal.stats import EARLIEST_DAY

# One file at a time stays quick to check and write, whoever sends it.
MAX_IMPORT_ENTRIES = 20_000
BULK_BATCH = 1000
FORMAT_NAME = "between-sessions-export"
# 2 added "rest_days"; 3 added each entry's "exercise" and "activity_plans"; 4 added
# "session_schedules", "therapy_sessions", "stars" and "talk_points". Files of every
# earlier version are still read.
FORMAT_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)

# What a person writes in an entry is exactly what the entry form takes; a guided
# exercise's answers come after, as one JSON cell in the CSV.
ENTRY_COLUMNS = [
    "uuid",
    *EntryForm.Meta.fields,
    "created_at",
    "updated_at",
    "exercise",
    "starred_for",
]
REFLECTION_FIELDS = ["week_of", *ReflectionForm.Meta.fields]

# A spreadsheet treats a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def utc_iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat()


def neutralise_cell(value: str) -> str:
    """Prefix a would-be formula with ' so no spreadsheet runs it."""
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def exercise_record(entry: Entry) -> dict | None:
    if not entry.exercise:
        return None
    return {
        "key": entry.exercise,
        "version": entry.exercise_version,
        "answers": entry.answers or {},
    }


def entry_record(entry: Entry) -> dict:
    return {
        "uuid": str(entry.uuid),
        **{name: getattr(entry, name) for name in EntryForm.Meta.fields},
        "practiced_on": entry.practiced_on.isoformat(),
        "created_at": utc_iso(entry.created_at),
        "updated_at": utc_iso(entry.updated_at),
        "exercise": exercise_record(entry),
    }


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return neutralise_cell(str(value))


def csv_row(entry: Entry, starred_for: dict | None = None) -> list[str]:
    """One entry as CSV cells; ``starred_for`` maps entry ids to session times."""
    record = entry_record(entry)
    record["starred_for"] = " ".join((starred_for or {}).get(entry.pk, []))
    return [_cell(record[column]) for column in ENTRY_COLUMNS]


def starred_for_cells(user) -> dict[int, list[str]]:
    """Entry id -> the sessions it was starred for ("next" while none is set)."""
    found: dict[int, list[str]] = {}
    stars = SessionStar.objects.filter(entry__owner=user).select_related("session")
    for star in stars.order_by("pk"):
        when = utc_iso(star.session.starts_at) if star.session else "next"
        found.setdefault(star.entry_id, []).append(when)
    return found


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


def plan_record(plan: ActivityPlan) -> dict:
    return {
        "uuid": str(plan.uuid),
        "version": plan.exercise_version,
        "activity": plan.activity,
        "planned_on": plan.planned_on.isoformat(),
        "planned_at": plan.planned_at.strftime("%H:%M") if plan.planned_at else None,
        "expected": plan.expected,
        "status": plan.status,
        "entry_uuid": str(plan.entry.uuid) if plan.entry_id else None,
        "created_at": utc_iso(plan.created_at),
        "closed_at": utc_iso(plan.closed_at) if plan.closed_at else None,
    }


def reflection_record(reflection: WeeklyReflection) -> dict:
    return {
        "week_of": reflection.week_of.isoformat(),
        "what_helped": reflection.what_helped,
        "what_was_hard": reflection.what_was_hard,
        "for_next_session": reflection.for_next_session,
        "created_at": utc_iso(reflection.created_at),
        "updated_at": utc_iso(reflection.updated_at),
    }


def rest_day_record(rest_day: RestDay) -> dict:
    return {"day": rest_day.day.isoformat(), "reason": rest_day.reason}


def export_document(
    profile,
    entries,
    reflections,
    now,
    rest_days=(),
    activity_plans=(),
    sessions: SessionData | None = None,
) -> dict:
    sessions = sessions or SessionData()
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": utc_iso(now),
        "settings": {
            "display_name": profile.display_name,
            "time_zone": profile.time_zone,
            "week_start": profile.week_start,
            "language": profile.language,
        },
        "entries": [entry_record(entry) for entry in entries],
        "reflections": [reflection_record(r) for r in reflections],
        "rest_days": [rest_day_record(r) for r in rest_days],
        "activity_plans": [plan_record(plan) for plan in activity_plans],
        "session_schedules": [schedule_record(s) for s in sessions.schedules],
        "therapy_sessions": [session_record(s) for s in sessions.sessions],
        "stars": [star_record(star) for star in sessions.stars],
        "talk_points": [talk_point_record(point) for point in sessions.talk_points],
    }


class ImportRefused(Exception):
    """The file cannot be imported; the message says why, in plain words."""


@dataclass(frozen=True)
class ImportResult:
    entries_added: int
    entries_skipped: int
    reflections_added: int
    reflections_skipped: int


def read_document(raw: bytes) -> dict:
    """Parse and check the outer shape of an export file (its size is the form's)."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ImportRefused(
            _("This file is not a Between Sessions export (it is not readable JSON).")
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportRefused(_("This file is not a Between Sessions export."))
    if document.get("version") not in READABLE_VERSIONS:
        raise ImportRefused(
            _("This export is from a version we cannot read (version %(version)s).")
            % {"version": str(document.get("version"))[:20]}
        )
    for key in (
        "entries",
        "reflections",
        "rest_days",
        "activity_plans",
        "session_schedules",
        "therapy_sessions",
        "stars",
        "talk_points",
    ):
        if not isinstance(document.get(key, []), list):
            raise ImportRefused(
                _("This export is damaged: “%(key)s” is not a list.") % {"key": key}
            )
    return document


def _moment(value, fallback):
    if value in (None, ""):
        return fallback
    problem = forms.ValidationError(_("created_at is not a date and time with a zone."))
    if not isinstance(value, str):
        raise problem
    try:
        moment = parse_datetime(value)
        # Some times parse but cannot be stored: year 1 at UTC+14 is before year 1.
        if moment is not None and timezone.is_aware(moment):
            moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise problem from None
    if moment is None or timezone.is_naive(moment):
        raise problem
    return moment


def _first_error(form) -> str:
    field, errors = next(iter(form.errors.items()))
    return f"{field}: {errors[0]}"


def _clean_entry(record, today, now) -> Entry:
    if not isinstance(record, dict):
        raise forms.ValidationError(_("it is not an object."))
    data = {
        name: "" if record.get(name) is None else str(record.get(name))
        for name in EntryForm.Meta.fields
    }
    form = EntryForm(data, today=today)
    if not form.is_valid():
        raise forms.ValidationError(_first_error(form))
    try:
        entry_uuid = uuid.UUID(str(record.get("uuid")))
    except ValueError:
        raise forms.ValidationError(_("uuid is missing or not a valid UUID.")) from None
    entry = form.save(commit=False)
    entry.uuid = entry_uuid
    entry.created_at = _moment(record.get("created_at"), now)
    if record.get("exercise") is not None:
        exercise, answers = _clean_exercise(record["exercise"], entry.skill)
        fill_entry(entry, exercise, answers)
        # The ratings stay as the file has them, like any entry's.
        entry.distress_before = form.cleaned_data["distress_before"]
        entry.distress_after = form.cleaned_data["distress_after"]
    return entry


def _as_form_data(key: str, value):
    """A stored answer as a browser would have sent it."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    if isinstance(value, (dict, list, bool)):
        raise forms.ValidationError(
            _("answers: %(key)s is not text, a whole number or a list of choices.")
            % {"key": key}
        )
    return "" if value is None else str(value)


def _clean_answers(exercise, answers, stages) -> dict:
    if not isinstance(answers, dict):
        raise forms.ValidationError(_("answers is not an object."))
    unknown = sorted(set(answers) - set(exercise.questions_by_key))
    if unknown:
        raise forms.ValidationError(
            _("answers has a question this exercise does not ask: %(key)s.")
            % {"key": str(unknown[0])[:40]}
        )
    data = {key: _as_form_data(key, value) for key, value in answers.items()}
    form = AnswersForm(data, exercise=exercise, stages=stages)
    if not form.is_valid():
        raise forms.ValidationError(_first_error(form))
    return form.answers()


def _clean_exercise(record, skill: str):
    """The exercise of an entry record and its answers, checked like the form's."""
    if not isinstance(record, dict):
        raise forms.ValidationError(_("exercise is not an object."))
    version = record.get("version")
    exercise = (
        find(str(record.get("key")), version)
        if isinstance(version, int) and not isinstance(version, bool)
        else None
    )
    if exercise is None:
        raise forms.ValidationError(_("exercise is not one we know."))
    if exercise.skill != skill:
        raise forms.ValidationError(
            _("exercise: it belongs to another skill than the entry.")
        )
    return exercise, _clean_answers(exercise, record.get("answers"), tuple(Stage))


def _clean_reflection(record, now) -> WeeklyReflection:
    if not isinstance(record, dict):
        raise forms.ValidationError(_("it is not an object."))
    data = {name: str(record.get(name) or "") for name in REFLECTION_FIELDS}
    form = ReflectionForm(data)
    if not form.is_valid():
        raise forms.ValidationError(_first_error(form))
    try:
        week_of = datetime.date.fromisoformat(data["week_of"])
    except ValueError:
        raise forms.ValidationError(
            _("week_of is not a date like 2026-11-16.")
        ) from None
    if week_of < EARLIEST_DAY:
        raise forms.ValidationError(_("week_of is before the year 2000."))
    reflection = form.save(commit=False)
    reflection.week_of = week_of
    reflection.created_at = _moment(record.get("created_at"), now)
    return reflection


def _clean_all(records: list, clean, refusal: str) -> list:
    """Every record cleaned, or ImportRefused naming the first one that is not."""
    cleaned = []
    for position, record in enumerate(records, start=1):
        try:
            cleaned.append(clean(record))
        except forms.ValidationError as error:
            raise ImportRefused(
                refusal % {"number": position, "problem": " ".join(error.messages)}
            ) from None
    return cleaned


def _clean_rest_day(record) -> RestDay:
    if not isinstance(record, dict):
        raise forms.ValidationError(_("it is not an object."))
    try:
        day = datetime.date.fromisoformat(str(record.get("day")))
    except ValueError:
        raise forms.ValidationError(_("day is not a date like 2026-11-16.")) from None
    if day < EARLIEST_DAY:
        raise forms.ValidationError(_("day is before the year 2000."))
    reason = record.get("reason") or ""
    if not isinstance(reason, str) or len(reason) > 280 or "\x00" in reason:
        raise forms.ValidationError(_("reason is not text of at most 280 characters."))
    return RestDay(day=day, reason=reason)


def _clean_plan(record) -> ActivityPlan:
    if not isinstance(record, dict):
        raise forms.ValidationError(_("it is not an object."))
    if record.get("version") != ACTIVITY_PLAN.version:
        raise forms.ValidationError(_("version is not one we know."))
    answers = _clean_answers(
        ACTIVITY_PLAN,
        {key: record.get(key) for key in ("activity", "planned_on", "expected")}
        | ({"planned_at": record["planned_at"]} if record.get("planned_at") else {}),
        (Stage.PLAN,),
    )
    if record.get("status") not in ActivityPlan.Status.values:
        raise forms.ValidationError(_("status is not planned, done or not this time."))
    try:
        plan_uuid = uuid.UUID(str(record.get("uuid")))
        entry_uuid = (
            uuid.UUID(str(record["entry_uuid"])) if record.get("entry_uuid") else None
        )
    except ValueError:
        raise forms.ValidationError(_("uuid is missing or not a valid UUID.")) from None
    plan = ActivityPlan(
        uuid=plan_uuid,
        exercise_version=ACTIVITY_PLAN.version,
        activity=answers["activity"],
        planned_on=datetime.date.fromisoformat(answers["planned_on"]),
        planned_at=(
            datetime.time.fromisoformat(answers["planned_at"])
            if "planned_at" in answers
            else None
        ),
        expected=answers["expected"],
        status=record["status"],
        created_at=_moment(record.get("created_at"), timezone.now()),
    )
    if plan.status != ActivityPlan.Status.OPEN:
        plan.closed_at = _moment(record.get("closed_at"), plan.created_at)
    # Not a field: the entry is looked up once the file's entries are in.
    plan.entry_uuid = entry_uuid
    return plan


def _plans_to_add(user, plans: list[ActivityPlan]) -> list[ActivityPlan]:
    """New plans, each linked to its entry when the person has it (one query each)."""
    uuids = [plan.uuid for plan in plans]
    known = set(
        ActivityPlan.objects.filter(uuid__in=uuids).values_list("uuid", "owner")
    )
    own = {plan_uuid for plan_uuid, owner in known if owner == user.pk}
    taken = {plan_uuid for plan_uuid, owner in known if owner != user.pk}
    entry_ids = dict(
        Entry.objects.for_user(user)
        .filter(uuid__in=[plan.entry_uuid for plan in plans if plan.entry_uuid])
        .values_list("uuid", "pk")
    )
    linked = set(
        ActivityPlan.objects.filter(entry_id__in=entry_ids.values()).values_list(
            "entry_id", flat=True
        )
    )
    new_plans, seen = [], set()
    for plan in plans:
        if plan.uuid in own or plan.uuid in seen:
            continue
        seen.add(plan.uuid)
        if plan.uuid in taken:
            plan.uuid = uuid.uuid4()
        plan.owner = user
        entry_id = entry_ids.get(plan.entry_uuid)
        if entry_id is not None and entry_id not in linked:
            plan.entry_id = entry_id
            linked.add(entry_id)
        new_plans.append(plan)
    return new_plans


def _entries_to_add(user, entries: list[Entry]) -> list[Entry]:
    """The entries the person does not have yet (matched by uuid, theirs only)."""
    uuids = [entry.uuid for entry in entries]
    own = set(
        Entry.objects.for_user(user)
        .filter(uuid__in=uuids)
        .values_list("uuid", flat=True)
    )
    # A uuid someone else's entry already has: this entry gets a new identity, and
    # the file learns nothing about the other person.
    taken = set(
        Entry.objects.filter(uuid__in=uuids)
        .exclude(owner=user)
        .values_list("uuid", flat=True)
    )
    new_entries, seen = [], set()
    for entry in entries:
        if entry.uuid in own or entry.uuid in seen:
            continue
        seen.add(entry.uuid)
        if entry.uuid in taken:
            entry.uuid = uuid.uuid4()
        entry.owner = user
        new_entries.append(entry)
    return new_entries


def _refuse_full_days(user, new_entries: list[Entry]) -> None:
    """ImportRefused naming the days that would hold more than a day can."""
    adding = Counter(entry.practiced_on for entry in new_entries)
    existing = dict(
        Entry.objects.for_user(user)
        .filter(practiced_on__in=list(adding))
        .values_list("practiced_on")
        .annotate(count=Count("pk"))
        .order_by()
    )
    full = sorted(
        day
        for day, count in adding.items()
        if existing.get(day, 0) + count > MAX_ENTRIES_PER_DAY
    )
    if full:
        days = ", ".join(day.isoformat() for day in full[:10])
        if len(full) > 10:
            days += " …"
        raise ImportRefused(
            _(
                "A day can hold at most %(limit)d entries, and this import would go "
                "over that on %(days)s. Nothing was imported."
            )
            % {"limit": MAX_ENTRIES_PER_DAY, "days": days}
        )


def import_document(user, document: dict, today: datetime.date, now) -> ImportResult:
    """Add what is not there yet; change and delete nothing. All or nothing."""
    # A day of slack: an export made in a zone ahead of ours may hold "tomorrow".
    latest_day = today + datetime.timedelta(days=1)
    if len(document.get("entries", [])) > MAX_IMPORT_ENTRIES:
        raise ImportRefused(
            _(
                "This file holds %(count)s entries; one import takes at most "
                "%(limit)s. Nothing was imported."
            )
            % {
                "count": f"{len(document['entries']):,}",
                "limit": f"{MAX_IMPORT_ENTRIES:,}",
            }
        )
    entries = _clean_all(
        document.get("entries", []),
        lambda record: _clean_entry(record, latest_day, now),
        _("Entry %(number)d could not be read: %(problem)s Nothing was imported."),
    )
    reflections = _clean_all(
        document.get("reflections", []),
        lambda record: _clean_reflection(record, now),
        _("Reflection %(number)d could not be read: %(problem)s Nothing was imported."),
    )

    rest_days = _clean_all(
        document.get("rest_days", []),
        _clean_rest_day,
        _("Rest day %(number)d could not be read: %(problem)s Nothing was imported."),
    )

    plans = _clean_all(
        document.get("activity_plans", []),
        _clean_plan,
        _("Plan %(number)d could not be read: %(problem)s Nothing was imported."),
    )

    session_records = [
        _clean_all(document.get(key, []), clean, refusal)
        for key, clean, refusal in (
            (
                "session_schedules",
                session_import.clean_schedule,
                _(
                    "Schedule %(number)d could not be read: %(problem)s Nothing was "
                    "imported."
                ),
            ),
            (
                "therapy_sessions",
                session_import.clean_session,
                _(
                    "Session %(number)d could not be read: %(problem)s Nothing was "
                    "imported."
                ),
            ),
            (
                "stars",
                session_import.clean_star,
                _(
                    "Star %(number)d could not be read: %(problem)s Nothing was "
                    "imported."
                ),
            ),
            (
                "talk_points",
                session_import.clean_talk_point,
                _(
                    "Talk point %(number)d could not be read: %(problem)s Nothing was "
                    "imported."
                ),
            ),
        )
    ]

    with transaction.atomic():
        lock_person(user)
        new_entries = _entries_to_add(user, entries)
        _refuse_full_days(user, new_entries)
        known_weeks = set(
            WeeklyReflection.objects.for_user(user).values_list("week_of", flat=True)
        )
        new_reflections = []
        for reflection in reflections:
            if reflection.week_of in known_weeks:
                continue
            known_weeks.add(reflection.week_of)
            reflection.owner = user
            new_reflections.append(reflection)
        known_rest = set(RestDay.objects.for_user(user).values_list("day", flat=True))
        new_rest_days = []
        for rest_day in rest_days:
            if rest_day.day not in known_rest:
                known_rest.add(rest_day.day)
                rest_day.owner = user
                new_rest_days.append(rest_day)
        RestDay.objects.bulk_create(new_rest_days, batch_size=BULK_BATCH)
        Entry.objects.bulk_create(new_entries, batch_size=BULK_BATCH)
        WeeklyReflection.objects.bulk_create(new_reflections, batch_size=BULK_BATCH)
        ActivityPlan.objects.bulk_create(
            _plans_to_add(user, plans), batch_size=BULK_BATCH
        )
        try:
            session_import.add_sessions(user, *session_records)
        except forms.ValidationError as error:
            raise ImportRefused(
                _(
                    "This export does not hold together: %(problem)s Nothing was "
                    "imported."
                )
                % {"problem": " ".join(error.messages)}
            ) from None
    return ImportResult(
        len(new_entries),
        len(entries) - len(new_entries),
        len(new_reflections),
        len(reflections) - len(new_reflections),
    )
