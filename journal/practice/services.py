"""Every write to a practice plan: writing it, changing it, starting again from the
last one, ticking a free-text item, and a missed day's reason."""

import datetime

from django.db import transaction

from journal.models import (
    PracticeItem,
    PracticeMiss,
    PracticePlan,
    PracticeTick,
    TherapySession,
)
from journal.models.practice_plans import MAX_ITEMS
from journal.practice.goals import PlanSpan

# An item as forms, the import and "start from my last plan" hand it over.
ITEM_DEFAULTS = {
    "family": "",
    "technique": "",
    "named_skill": None,
    "text": "",
    "times": None,
    "each_day": False,
    "why": "",
    "obstacle": "",
    "then": "",
}
ITEM_FIELDS = tuple(ITEM_DEFAULTS)


class PlanExists(Exception):
    """A plan already covers the span's first day."""


def _item(plan: PracticePlan, position: int, data: dict) -> PracticeItem:
    item = PracticeItem(plan=plan, position=position)
    _fill(item, data)
    return item


def _fill(item: PracticeItem, data: dict) -> None:
    for name, default in ITEM_DEFAULTS.items():
        value = data.get(name)
        setattr(item, name, default if value is None else value)
    if item.each_day:
        item.times = None


@transaction.atomic
def create_plan(
    user,
    span: PlanSpan,
    items: list[dict],
    session: TherapySession | None = None,
) -> PracticePlan:
    """A new plan for ``span`` with one to five items (dicts of ITEM_FIELDS)."""
    if not 1 <= len(items) <= MAX_ITEMS:
        raise ValueError("a plan has one to five items")
    if PracticePlan.objects.for_user(user).filter(starts_on=span.starts_on).exists():
        raise PlanExists
    plan = PracticePlan.objects.create(
        owner=user,
        starts_on=span.starts_on,
        ends_on=span.ends_on,
        is_from_session=span.is_from_session,
        session=session,
    )
    for position, data in enumerate(items):
        _item(plan, position, data).save()
    return plan


@transaction.atomic
def change_items(plan: PracticePlan, items: list[dict | None]) -> None:
    """The plan's items as the form has them, by position: a dict changes (or
    adds) the item there, None removes it. Ticks stay with the items kept."""
    existing = list(plan.items.all())
    if not any(items):
        raise ValueError("a plan keeps at least one item")
    kept = []
    for position, data in enumerate(items[:MAX_ITEMS]):
        item = existing[position] if position < len(existing) else None
        if data is None:
            if item is not None:
                item.delete()
            continue
        if item is None:
            item = _item(plan, 0, data)
        else:
            _fill(item, data)
        kept.append(item)
    for item in existing[len(items) :]:
        item.delete()
    for position, item in enumerate(kept):
        item.position = position
        item.save()
    plan.save(update_fields=["updated_at"])


def copy_items(previous: PracticePlan) -> list[dict]:
    """A plan's items as create_plan takes them: the next plan starts from it."""
    return [
        {name: getattr(item, name) for name in ITEM_FIELDS}
        for item in previous.items.select_related("named_skill")
    ]


def tick(item: PracticeItem, day: datetime.date) -> bool:
    """A free-text item done once more on ``day`` ("each day": once a day).
    Returns whether a tick was added."""
    if item.each_day and item.ticks.filter(day=day).exists():
        return False
    PracticeTick.objects.create(item=item, day=day)
    return True


def set_missed_reason(plan: PracticePlan, day: datetime.date, reason: str) -> None:
    """Why ``day`` went without practice ("" takes the reason back)."""
    if not reason:
        PracticeMiss.objects.filter(plan=plan, day=day).delete()
        return
    PracticeMiss.objects.update_or_create(
        plan=plan, day=day, defaults={"reason": reason}
    )
