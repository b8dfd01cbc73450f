"""Behavioral activation plans in the export (added in version 3) and back in."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext as _

from journal.exercises.definitions import ACTIVITY_PLAN, Stage
from journal.models import ActivityPlan, Entry
from portability import readers
from portability.document import utc_iso
from portability.entries import clean_answers
from portability.matching import match_by_uuid


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


def clean_plan(record, now) -> ActivityPlan:
    record = readers.record_object(record)
    if record.get("version") != ACTIVITY_PLAN.version:
        raise forms.ValidationError(_("version is not one we know."))
    answers = clean_answers(
        ACTIVITY_PLAN,
        {key: record.get(key) for key in ("activity", "planned_on", "expected")}
        | ({"planned_at": record["planned_at"]} if record.get("planned_at") else {}),
        (Stage.PLAN,),
    )
    if record.get("status") not in ActivityPlan.Status.values:
        raise forms.ValidationError(_("status is not planned, done or not this time."))
    plan = ActivityPlan(
        uuid=readers.uuid_of(record, "uuid"),
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
        created_at=readers.moment(record, "created_at", now),
    )
    # Not a field: the entry is looked up once the file's entries are in.
    plan.entry_uuid = readers.uuid_of(record, "entry_uuid", required=False)
    if plan.status != ActivityPlan.Status.OPEN:
        plan.closed_at = readers.moment(record, "closed_at", plan.created_at)
    return plan


def new_plans(user, plans: list[ActivityPlan]) -> list[ActivityPlan]:
    """New plans, each linked to its entry when the person has it and it is free."""
    fresh = match_by_uuid(ActivityPlan, user, plans).new
    entry_ids = dict(
        Entry.objects.for_user(user)
        .filter(uuid__in=[plan.entry_uuid for plan in fresh if plan.entry_uuid])
        .values_list("uuid", "pk")
    )
    linked = set(
        ActivityPlan.objects.filter(entry_id__in=entry_ids.values()).values_list(
            "entry_id", flat=True
        )
    )
    for plan in fresh:
        entry_id = entry_ids.get(plan.entry_uuid)
        if entry_id is not None and entry_id not in linked:
            plan.entry_id = entry_id
            linked.add(entry_id)
    return fresh
