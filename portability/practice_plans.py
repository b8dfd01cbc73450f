"""Practice plans in the export (added in version 6) and back in.

A plan carries its items, each item its ticks (the days a free-text item was
done), and the plan its missed days' reasons. An import adds the file's plans the
person lacks (by uuid), and never one that would share a day with a plan of
theirs: two plans on one day would leave Today not knowing which to count.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext as _

from core.skills import Skill
from journal.models import (
    NamedSkill,
    PracticeItem,
    PracticeMiss,
    PracticePlan,
    PracticeTick,
    TherapySession,
)
from journal.models.practice_plans import (
    MAX_ITEMS,
    MAX_TIMES,
    NOTE_MAX_LENGTH,
    TEXT_MAX_LENGTH,
)
from journal.skills.catalogue import Catalogue
from portability import readers
from portability.document import utc_iso
from portability.matching import match_by_uuid

# A plan runs up to the next session: a year is more than any span we make.
LONGEST_PLAN_DAYS = 366
NOTE_FIELDS = ("text", "why", "obstacle", "then")


def practice_plan_record(plan: PracticePlan) -> dict:
    """A plan with its items (and their ticks) and its missed days, as written."""
    return {
        "uuid": str(plan.uuid),
        "starts_on": plan.starts_on.isoformat(),
        "ends_on": plan.ends_on.isoformat(),
        "is_from_session": plan.is_from_session,
        "session_uuid": str(plan.session.uuid) if plan.session_id else None,
        "created_at": utc_iso(plan.created_at),
        "updated_at": utc_iso(plan.updated_at),
        "items": [
            {
                "uuid": str(item.uuid),
                "family": item.family,
                "technique": item.technique_key,
                "text": item.text,
                "times": item.times,
                "each_day": item.each_day,
                "why": item.why,
                "obstacle": item.obstacle,
                "then": item.then,
                "ticks": [tick.day.isoformat() for tick in item.ticks.all()],
            }
            for item in plan.items.all()
        ],
        "misses": [
            {"day": miss.day.isoformat(), "reason": miss.reason}
            for miss in plan.misses.all()
        ],
    }


def plans_for_export(user):
    """The person's plans, oldest first, with everything they hold: four queries."""
    return (
        PracticePlan.objects.for_user(user)
        .select_related("session")
        .prefetch_related("items__named_skill", "items__ticks", "misses")
        .order_by("starts_on")
    )


@dataclass
class ReadPlan:
    """A plan of the file, checked, not yet saved."""

    plan: PracticePlan
    items: list[PracticeItem]
    ticks: list[list[datetime.date]]
    misses: list[PracticeMiss]
    # The file's uuid of the item's own named skill, when it names one.
    own_skills: list[str | None] = field(default_factory=list)
    session_uuid: str | None = None


def _item(record, catalogue: Catalogue, plan: PracticePlan):
    record = readers.record_object(record)
    family = record.get("family") or ""
    if family not in Skill.values and family != "":
        raise forms.ValidationError(_("family is not one of the five skill slugs."))
    key = record.get("technique") or ""
    technique = catalogue.find(str(key)) if key else None
    if key and technique is None:
        raise forms.ValidationError(_("technique is not a named skill we know."))
    if technique is not None:
        if family and technique.family != family:
            raise forms.ValidationError(_("technique is not of the item’s family."))
        family = technique.family
    item = PracticeItem(
        uuid=readers.uuid_of(record, "uuid"),
        plan=plan,
        family=family,
        technique=technique.key if technique and not technique.is_own else "",
        each_day=readers.flag(record, "each_day"),
        **{
            name: readers.text(
                record, name, TEXT_MAX_LENGTH if name == "text" else NOTE_MAX_LENGTH
            )
            for name in NOTE_FIELDS
        },
    )
    if not (item.family or item.text.strip()):
        raise forms.ValidationError(_("an item names no skill and has no text."))
    if not item.each_day:
        item.times = readers.whole_number(
            record,
            "times",
            range(1, MAX_TIMES + 1),
            _("times is not a whole number from 1 to 14."),
        )
    ticks = record.get("ticks", [])
    if not isinstance(ticks, list) or len(ticks) > LONGEST_PLAN_DAYS * MAX_TIMES:
        raise forms.ValidationError(_("ticks is not a list of days."))
    days = [readers.date_of({"ticks": day}, "ticks") for day in ticks]
    own = technique.key if technique is not None and technique.is_own else None
    return item, days, own


def clean_practice_plan(record, catalogue: Catalogue, now) -> ReadPlan:
    record = readers.record_object(record)
    starts_on = readers.date_of(record, "starts_on")
    ends_on = readers.date_of(record, "ends_on")
    if not 0 <= (ends_on - starts_on).days < LONGEST_PLAN_DAYS:
        raise forms.ValidationError(_("ends_on is not within a year after starts_on."))
    created_at = readers.moment(record, "created_at", now)
    plan = PracticePlan(
        uuid=readers.uuid_of(record, "uuid"),
        starts_on=starts_on,
        ends_on=ends_on,
        is_from_session=readers.flag(record, "is_from_session"),
        created_at=created_at,
    )
    items = record.get("items", [])
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_ITEMS:
        raise forms.ValidationError(_("items is not a list of one to five items."))
    read = ReadPlan(plan, [], [], [])
    for position, item_record in enumerate(items):
        item, days, own = _item(item_record, catalogue, plan)
        item.position = position
        read.items.append(item)
        read.ticks.append(days)
        read.own_skills.append(own)
    misses = record.get("misses", [])
    if not isinstance(misses, list) or len(misses) > LONGEST_PLAN_DAYS:
        raise forms.ValidationError(_("misses is not a list of days."))
    seen = set()
    for miss in misses:
        miss = readers.record_object(miss)
        day = readers.date_of(miss, "day")
        if miss.get("reason") not in PracticeMiss.Reason.values:
            raise forms.ValidationError(_("reason is not one we know."))
        if day in seen or not starts_on <= day <= ends_on:
            raise forms.ValidationError(_("misses holds a day twice or outside."))
        seen.add(day)
        read.misses.append(PracticeMiss(plan=plan, day=day, reason=miss["reason"]))
    session_uuid = record.get("session_uuid")
    if session_uuid not in (None, ""):
        read.session_uuid = str(readers.uuid_of(record, "session_uuid"))
    return read


def add_practice_plans(user, plans: list[ReadPlan], brought_skills) -> int:
    """Save the file's plans the person lacks; how many were added. A handful of
    queries, then a few per plan added."""
    matched = match_by_uuid(PracticePlan, user, [read.plan for read in plans])
    new = {id(plan) for plan in matched.new}
    taken = list(
        PracticePlan.objects.for_user(user).values_list("starts_on", "ends_on")
    )
    # The person's own named skills, those the file brought under their uuid in
    # the file (a uuid someone else had was replaced on saving).
    own = {str(row.uuid): row for row in NamedSkill.objects.for_user(user)}
    own.update({str(row.file_uuid): row for row in brought_skills if row.pk})
    sessions = {
        str(found): pk
        for found, pk in TherapySession.objects.for_user(user)
        .filter(uuid__in=[read.session_uuid for read in plans if read.session_uuid])
        .values_list("uuid", "pk")
    }
    item_uuids = set(
        PracticeItem.objects.filter(
            uuid__in=[item.uuid for read in plans for item in read.items]
        ).values_list("uuid", flat=True)
    )
    added = 0
    for read in plans:
        plan = read.plan
        if id(plan) not in new or any(
            plan.starts_on <= last and first <= plan.ends_on for first, last in taken
        ):
            continue
        taken.append((plan.starts_on, plan.ends_on))
        plan.session_id = sessions.get(read.session_uuid or "")
        plan.save()
        for item, days, own_key in zip(
            read.items, read.ticks, read.own_skills, strict=True
        ):
            item.plan = plan
            item.named_skill = own.get(own_key) if own_key else None
            if item.uuid in item_uuids:
                item.uuid = uuid.uuid4()
            item_uuids.add(item.uuid)
            item.save()
            PracticeTick.objects.bulk_create(
                PracticeTick(item=item, day=day) for day in days
            )
        for miss in read.misses:
            miss.plan = plan
        PracticeMiss.objects.bulk_create(read.misses)
        added += 1
    return added
