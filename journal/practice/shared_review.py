"""The plan a shared page reviews: its items read plainly, their counts kept.

queries.plan_brought_to() reads the items with their counts in one query of
thirteen subqueries, which cost more to build and run than the rest of a shared
page together. Here the items come in one plain query (their words are read on
every view, never kept), and their counts are worked out in Python from the
plan's entries, ticks and missed days, read together in one more query. The
counts are figures only (how often each item happened, how many days went
without practice for each reason), so they are kept under the owner's fragment
key (accounts/freshness.py): a reload reads the items alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import CharField, IntegerField, Value

from core import fragments
from journal.models import Entry, PracticeItem, PracticeMiss, PracticePlan, PracticeTick
from journal.practice import counting
from journal.practice.queries import MissedReason, PlanReview, _progress

PIECE = "shared-plan-counts"


@dataclass(frozen=True)
class PlanCounts:
    """What is kept of a reviewed plan: ids and numbers, never a word of it."""

    plan_id: int
    done: dict[int, int]  # item id: how often it happened
    missed: dict[str, int]  # reason (a fixed choice): days missed for it


def piece(owner_key: str, first_day: datetime.date, last_day: datetime.date):
    """Where the counts for a span are kept, as ``(name, *vary_on)`` (a page reads
    them with its other pieces): under the owner's key, the plan a span reviews
    cannot change without a write that makes the key new."""
    return (PIECE, owner_key, first_day.isoformat(), last_day.isoformat())


def shared_review(
    user,
    first_day: datetime.date,
    last_day: datetime.date,
    *,
    kept_key: str,
    read_ahead: dict,
) -> PlanReview | None:
    """The latest plan overlapping the span, reviewed as plan_brought_to(latest=True)
    does; None without one. One query when its counts are kept (``kept_key`` in
    ``read_ahead``), two when they are counted and kept."""
    items = list(
        PracticeItem.objects.select_related("plan", "named_skill")
        .filter(
            plan__owner=user,
            plan__starts_on__lte=last_day,
            plan__ends_on__gte=first_day,
        )
        .order_by("-plan__starts_on", "position", "pk")
    )
    if not items:
        return None
    plan = items[0].plan  # the latest: plans of one person never share a start
    items = [item for item in items if item.plan_id == plan.pk]
    counts = read_ahead.get(kept_key)
    if not _fits(counts, plan, items):
        counts = count_plan(plan, items)
        fragments.store(PIECE).set(kept_key, counts, fragments.piece(PIECE).seconds)
    for item in items:
        item.done = counts.done[item.pk]
    reasons = [
        MissedReason(reason.value, str(reason.label), counts.missed[reason.value])
        for reason in PracticeMiss.Reason
        if counts.missed.get(reason.value)
    ]
    return PlanReview(_progress(plan, items), reasons)


def _fits(counts, plan: PracticePlan, items: list[PracticeItem]) -> bool:
    return (
        isinstance(counts, PlanCounts)
        and counts.plan_id == plan.pk
        and all(item.pk in counts.done for item in items)
    )


def count_plan(plan: PracticePlan, items: list[PracticeItem]) -> PlanCounts:
    """The plan's items counted as counting.item_logs() counts them, and its
    missed days per reason: one query."""
    entries, ticks, missed = [], [], {}
    for text, technique, number, day, kind in _span_rows(plan):
        if kind == "entry":
            entries.append((text, technique, number, day))
        elif kind == "tick":
            ticks.append((number, day))
        else:
            missed[text] = missed.get(text, 0) + 1
    return PlanCounts(
        plan.pk,
        {item.pk: counting.count_read(item, entries, ticks) for item in items},
        missed,
    )


def _span_rows(plan: PracticePlan):
    """The plan's entries as (skill, technique, named_skill_id, day), its items'
    ticks as ("", "", item_id, day) and its missed days as (reason, "", None, day),
    each with its kind, in one query."""
    kind = CharField()
    entries = (
        Entry.objects.filter(
            owner_id=plan.owner_id,
            practiced_on__gte=plan.starts_on,
            practiced_on__lte=plan.ends_on,
        )
        .order_by()
        .annotate(kind=Value("entry", output_field=kind))
        .values_list("skill", "technique", "named_skill_id", "practiced_on", "kind")
    )
    ticks = (
        PracticeTick.objects.filter(item__plan=plan)
        .order_by()
        .annotate(
            no_skill=Value("", output_field=CharField()),
            no_technique=Value("", output_field=CharField()),
            kind=Value("tick", output_field=kind),
        )
        .values_list("no_skill", "no_technique", "item_id", "day", "kind")
    )
    misses = (
        PracticeMiss.objects.filter(plan=plan)
        .order_by()
        .annotate(
            no_technique=Value("", output_field=CharField()),
            no_number=Value(None, output_field=IntegerField()),
            kind=Value("miss", output_field=kind),
        )
        .values_list("reason", "no_technique", "no_number", "day", "kind")
    )
    return entries.union(ticks, misses, all=True)
