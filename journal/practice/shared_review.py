"""The plan a shared page reviews: its counts kept, its words read on every view.

queries.plan_brought_to() reads the items with their counts in one query of
thirteen subqueries, which cost more to build and run than the rest of a shared
page together. The counts are figures only (how often each item happened, how
many days went without practice for each reason), so the shared page keeps them
under the owner's fragment key (accounts/freshness.py), which any write of theirs
makes new: a reload reads the items alone, in one plain query (their words are
read on every view, never kept), and a link without a plan reads nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core import fragments
from core.prepared import PreparedRead
from journal.models import PracticeItem, PracticeMiss
from journal.practice.queries import (
    MissedReason,
    PlanReview,
    plan_brought_to,
    progress_of,
)

PIECE = "shared-plan-counts"
# Kept for a span with no plan to review.
NO_PLAN = False


@dataclass(frozen=True)
class PlanCounts:
    """What is kept of a reviewed plan: ids and numbers, never a word of it."""

    plan_id: int
    done: dict[int, int]  # item id: how often it happened
    missed: dict[str, int]  # reason (a fixed choice): days missed for it

    @classmethod
    def of(cls, review: PlanReview) -> PlanCounts:
        return cls(
            review.plan.pk,
            {line.item.pk: line.done for line in review.items},
            {reason.reason: reason.count for reason in review.reasons},
        )


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
    """plan_brought_to(latest=True) for a shared page. Kept (``kept_key`` in
    ``read_ahead``): one plain query, none without a plan. Not kept: that one
    query of plan_brought_to, its counts kept for the next view."""
    kept = read_ahead.get(kept_key)
    if kept is NO_PLAN:
        return None
    review = None
    if isinstance(kept, PlanCounts):
        review = _from_kept(user, first_day, last_day, kept)
    if review is None:
        review = plan_brought_to(user, first_day, last_day, latest=True)
        fragments.store(PIECE).set(
            kept_key,
            PlanCounts.of(review) if review else NO_PLAN,
            fragments.piece(PIECE).seconds,
        )
    return review


# The items of the plans overlapping a span, their plan and own named skill with them.
_ITEMS_OVERLAPPING = PreparedRead(
    lambda owner_id, first_day, last_day: (
        PracticeItem.objects.select_related("plan", "named_skill")
        .filter(
            plan__owner_id=owner_id,
            plan__starts_on__lte=last_day,
            plan__ends_on__gte=first_day,
        )
        .order_by()  # sorted by _from_kept: a few rows
    ),
    1,
    datetime.date(2000, 1, 1),
    datetime.date(2000, 1, 8),
)


def _from_kept(user, first_day, last_day, kept: PlanCounts) -> PlanReview | None:
    """The latest plan overlapping the span, with the counts kept for it; None if
    they are not its own (never expected: the key changes with any write)."""
    items = _ITEMS_OVERLAPPING(user.pk, first_day, last_day)
    items.sort(
        key=lambda item: (-item.plan.starts_on.toordinal(), item.position, item.pk)
    )
    if not items or items[0].plan_id != kept.plan_id:
        return None
    plan = items[0].plan  # the latest: plans of one person never share a start
    items = [item for item in items if item.plan_id == plan.pk]
    if any(item.pk not in kept.done for item in items):
        return None
    for item in items:
        item.done = kept.done[item.pk]
    reasons = [
        MissedReason(reason.value, str(reason.label), kept.missed[reason.value])
        for reason in PracticeMiss.Reason
        if kept.missed.get(reason.value)
    ]
    return PlanReview(progress_of(plan, items), reasons)
