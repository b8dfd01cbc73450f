"""Everything a person owns, written out: the JSON document and the CSV rows."""

from __future__ import annotations

from accounts.models import profile_for
from journal.models import (
    ActivityPlan,
    CardRow,
    CheckIn,
    Entry,
    NamedSkill,
    RestDay,
    WeeklyReflection,
)
from portability.card import check_in_record, row_record
from portability.document import FORMAT_NAME, FORMAT_VERSION, utc_iso
from portability.entries import ENTRY_COLUMNS, csv_row, entry_record, starred_for_cells
from portability.named_skills import named_skill_record
from portability.plans import plan_record
from portability.practice_plans import plans_for_export, practice_plan_record
from portability.reflections import reflection_record
from portability.rest_days import rest_day_record
from portability.safety_plans import safety_plan_record
from portability.therapy_sessions import (
    SessionData,
    schedule_record,
    session_data,
    session_record,
    star_record,
    talk_point_record,
)
from safety.models import SafetyPlan


def _entries(user):
    return (
        Entry.objects.for_user(user)
        .with_technique()
        .order_by("practiced_on", "created_at")
    )


def export_document(
    profile,
    entries,
    reflections,
    now,
    rest_days=(),
    activity_plans=(),
    sessions: SessionData | None = None,
    safety_plan=None,
    card_rows=(),
    check_ins=(),
    named_skills=(),
    practice_plans=(),
) -> dict:
    """The export document (FORMAT_VERSION) of the rows given."""
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
            "country": profile.country,
        },
        "entries": [entry_record(entry) for entry in entries],
        "reflections": [reflection_record(r) for r in reflections],
        "rest_days": [rest_day_record(r) for r in rest_days],
        "activity_plans": [plan_record(plan) for plan in activity_plans],
        "session_schedules": [schedule_record(s) for s in sessions.schedules],
        "therapy_sessions": [session_record(s) for s in sessions.sessions],
        "stars": [star_record(star) for star in sessions.stars],
        "talk_points": [talk_point_record(point) for point in sessions.talk_points],
        "safety_plan": safety_plan_record(safety_plan),
        "card_rows": [row_record(row) for row in card_rows],
        "check_ins": [check_in_record(check_in) for check_in in check_ins],
        "named_skills": [named_skill_record(skill) for skill in named_skills],
        "practice_plans": [practice_plan_record(plan) for plan in practice_plans],
    }


def document_for(user, now) -> dict:
    """Everything the person owns as one export document (runs a query per kind)."""
    return export_document(
        profile_for(user),
        _entries(user),
        WeeklyReflection.objects.for_user(user).order_by("week_of"),
        now,
        RestDay.objects.for_user(user).order_by("day"),
        ActivityPlan.objects.for_user(user).select_related("entry").order_by("pk"),
        session_data(user),
        SafetyPlan.objects.for_user(user).first(),
        CardRow.objects.for_user(user),
        CheckIn.objects.for_user(user).order_by("day"),
        NamedSkill.objects.for_user(user).order_by("created_at", "pk"),
        plans_for_export(user),
    )


def csv_rows(user):
    """The header, then one row of cells per entry, oldest first (streamed)."""
    yield ENTRY_COLUMNS
    starred_for = starred_for_cells(user)
    for entry in _entries(user).iterator():
        yield csv_row(entry, starred_for)
