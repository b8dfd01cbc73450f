"""What pages read of practice plans: the plan of a day with its items counted,
the plan brought to a session, and the days of a plan.

A constant number of queries whatever the plan or the history: the items and
their counts come in one (counting.item_logs()), or, for the plan of a day, in
two (the span's rows counted here: counting.count_read()).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef

from core import fragments
from core.prepared import PreparedRead
from core.skills import Skill
from journal.models import (
    PracticeItem,
    PracticeMiss,
    PracticePlan,
)
from journal.models.entries import technique_label
from journal.practice import counting, goals
from journal.practice.span_rows import span_rows
from journal.reads import TODAY_UNREAD
from journal.reads import plan_items as read_plan_items

# How a span is named beside its count: "2 of 4 times this week".
THIS_WEEK, SINCE_SESSION, IN_THIS_PLAN = "week", "since-session", "plan"


def item_label(item: PracticeItem) -> str:
    """What the item is called: the person's words, else the named skill, else
    the family."""
    if item.text:
        return item.text
    if item.named_skill_id is not None:
        return item.named_skill.name
    if item.technique:
        return technique_label(item.technique) or Skill(item.family).label
    if item.family:
        return str(Skill(item.family).label)
    return ""


@dataclass(frozen=True)
class ItemProgress:
    item: PracticeItem
    label: str
    done: int
    goal: int
    ticked_today: bool = False

    @property
    def counts_days(self) -> bool:
        return self.item.each_day

    @property
    def is_free_text(self) -> bool:
        return self.item.is_free_text

    @property
    def can_tick(self) -> bool:
        """A free-text item takes a tick; "each day" one a day."""
        return self.is_free_text and not (self.item.each_day and self.ticked_today)

    @property
    def is_met(self) -> bool:
        return self.done >= self.goal


@dataclass(frozen=True)
class PlanProgress:
    plan: PracticePlan
    items: list[ItemProgress]
    # The days of the span when any item happened (plan_for_day reads them with
    # the counts; Today, which never shows them, leaves them empty).
    practised_days: frozenset = frozenset()
    # The plan page's too (plan_for_day(with_days=True)): the span's rest days and
    # {day: reason} of the days without practice the person answered.
    rest_days: frozenset = frozenset()
    misses: dict = field(default_factory=dict)

    @property
    def span_words(self) -> str:
        """THIS_WEEK, SINCE_SESSION or IN_THIS_PLAN: how the count is named."""
        if self.plan.days == goals.WEEK_DAYS:
            return THIS_WEEK
        if self.plan.is_from_session:
            return SINCE_SESSION
        return IN_THIS_PLAN


def progress_of(
    plan: PracticePlan, items, practised_days=frozenset(), **days
) -> PlanProgress:
    """The plan's items, each counted (``done``, ``ticked_today`` set), in words;
    ``days``: the plan page's ``rest_days`` and ``misses``."""
    return PlanProgress(
        plan,
        [
            ItemProgress(
                item,
                item_label(item),
                item.done,
                goals.goal_for(item.times, item.each_day, plan.days),
                getattr(item, "ticked_today", False),
            )
            for item in items
        ],
        practised_days,
        **days,
    )


def _counted_items():
    return (
        PracticeItem.objects.select_related("plan", "named_skill")
        .annotate(done=counting.item_logs())
        .order_by("-plan__starts_on", "position", "pk")
    )


def plan_for_day(
    user, day: datetime.date, *, with_days: bool = False
) -> PlanProgress | None:
    """The plan covering ``day``, its items counted; None without one.
    ``with_days``: with the span's rest days and missed days' reasons too.

    Two queries: the items, then the span's entries and ticks (and days) together,
    counted here (counting.count_read). Today asks on every visit, and the one
    query of _counted_items, eight subqueries in a CASE, cost more to build and run
    than both of these; its few dozen rows are counted in no time.
    """
    items = _items_of_day(user, day)
    if not items:
        return None
    practised, days = _count(items, day, with_days)
    return progress_of(items[0].plan, items, practised, **days)


def _items_of_day(
    user, day: datetime.date, unread: tuple[str, ...] = ()
) -> list[PracticeItem]:
    """The items of the plan covering ``day`` (the latest, if two do), without
    the fields ``unread``: one query."""
    items = _ITEMS_OF_DAY[unread](user.pk, day)
    return [item for item in items if item.plan_id == items[0].plan_id] if items else []


def _items_of_day_read(unread: tuple[str, ...]) -> PreparedRead:
    return PreparedRead(
        lambda owner_id, day: (
            PracticeItem.objects.defer(*unread)
            .select_related("plan", "named_skill")
            .filter(
                plan__owner_id=owner_id,
                plan__starts_on__lte=day,
                plan__ends_on__gte=day,
            )
            .order_by("-plan__starts_on", "position", "pk")
        ),
        1,
        datetime.date(2000, 1, 1),
    )


# Today's and the plan page's: every page a person opens asks one or the other.
_ITEMS_OF_DAY = {unread: _items_of_day_read(unread) for unread in ((), TODAY_UNREAD)}


def _count(
    items: list[PracticeItem], day: datetime.date, with_days: bool = False
) -> tuple[frozenset, dict]:
    """Each item's ``done`` and ``ticked_today``, from its plan's span; the days
    when any of them happened; and, ``with_days``, ``rest_days`` and ``misses``
    for progress_of(): one query."""
    entries, ticks, days = span_rows(items[0].plan, with_days)
    for item in items:
        item.done = counting.count_read(item, entries, ticks)
        item.ticked_today = (item.pk, day) in ticks
    practised = {
        entry_day
        for skill, technique, named_skill_id, entry_day in entries
        if any(counting.matches(i, skill, technique, named_skill_id) for i in items)
    }
    practised.update(tick_day for _item_id, tick_day in ticks)
    return frozenset(practised), days


def plan_for_today(
    user,
    day: datetime.date,
    person_key: str | None,
    read_ahead: dict | None,
    catalogue=None,
) -> PlanProgress | None:
    """plan_for_day for Today, its counts kept under the person's fragment key
    (any write, a log or a tick too, and midnight renew it) with the plan's id
    and dates: ids, dates and numbers, never a word of the plan. Without a plan,
    once that is known, no query; with one, one (the items by the plan's id:
    their words are the person's, read each visit). The items' own named skills
    come from ``catalogue`` (journal/skills/catalogue.py), the one Today read."""
    items = None

    def counted() -> dict | bool:
        nonlocal items
        items = _items_of_day(user, day, TODAY_UNREAD)
        if not items:
            return False
        _count(items, day)
        plan = items[0].plan
        return {
            "plan": (plan.pk, plan.starts_on, plan.ends_on, plan.is_from_session),
            "items": {item.pk: (item.done, item.ticked_today) for item in items},
        }

    kept = fragments.kept_for_person("practice-counts", person_key, counted, read_ahead)
    if not kept:
        return None
    if items is None:
        pk, starts_on, ends_on, is_from_session = kept["plan"]
        plan = PracticePlan(
            pk=pk,
            owner_id=user.pk,
            starts_on=starts_on,
            ends_on=ends_on,
            is_from_session=is_from_session,
        )
        items = read_plan_items(pk)
        if catalogue is not None:
            catalogue.name_own_skills(items)
        counts = kept["items"]
        if {item.pk for item in items} != counts.keys():
            # Kept before a change no write announced: counted afresh.
            return plan_for_day(user, day)
        for item in items:
            item.plan = plan
            item.done, item.ticked_today = counts[item.pk]
    return progress_of(items[0].plan, items)


def current_plan(user, day: datetime.date) -> PracticePlan | None:
    """The plan covering ``day``, without its items: one query."""
    return (
        PracticePlan.objects.for_user(user)
        .filter(starts_on__lte=day, ends_on__gte=day)
        .first()
    )


def previous_plan(user, day: datetime.date) -> PracticePlan | None:
    """The latest plan that ended before ``day``: one query."""
    return PracticePlan.objects.for_user(user).filter(ends_on__lt=day).first()


@dataclass(frozen=True)
class MissedReason:
    reason: str
    label: str
    count: int


@dataclass(frozen=True)
class PlanReview:
    """A plan as its session reviews it: each item against its goal, the
    reasons given for missed days in counts, and the obstacle plans."""

    progress: PlanProgress
    reasons: list[MissedReason]

    @property
    def plan(self) -> PracticePlan:
        return self.progress.plan

    @property
    def items(self) -> list[ItemProgress]:
        return self.progress.items


def _with_reasons(items):
    """Items with their plan's missed days counted per reason (subqueries)."""
    return items.annotate(
        **{
            f"missed_{n}": counting.count_of(
                PracticeMiss.objects.filter(plan=OuterRef("plan"), reason=reason),
                "plan",
            )
            for n, reason in enumerate(PracticeMiss.Reason)
        }
    )


def _review(plan: PracticePlan, items: list[PracticeItem]) -> PlanReview:
    first = items[0]
    reasons = [
        MissedReason(reason.value, str(reason.label), getattr(first, f"missed_{n}"))
        for n, reason in enumerate(PracticeMiss.Reason)
        if getattr(first, f"missed_{n}")
    ]
    return PlanReview(progress_of(plan, items), reasons)


def review_of(plan: PracticePlan) -> PlanReview | None:
    """One plan counted, with its reasons: one query."""
    items = list(_with_reasons(_counted_items().filter(plan=plan)))
    return _review(plan, items) if items else None


def plan_brought_to(
    user, first_day: datetime.date, last_day: datetime.date, *, latest=False
):
    """The plan a span of days (a session's, a shared page's) reviews: of the
    plans it overlaps, the one sharing the most days with it (``latest``: the
    latest of them); None without one. One query."""
    items = list(
        _with_reasons(
            _counted_items().filter(
                plan__owner=user,
                plan__starts_on__lte=last_day,
                plan__ends_on__gte=first_day,
            )
        )
    )
    if not items:
        return None
    plans = {item.plan_id: item.plan for item in items}

    def shared_days(plan):
        return (min(plan.ends_on, last_day) - max(plan.starts_on, first_day)).days

    if latest:
        plan = max(plans.values(), key=lambda plan: plan.starts_on)
    else:
        plan = max(plans.values(), key=lambda plan: (shared_days(plan), plan.starts_on))
    return _review(plan, [item for item in items if item.plan_id == plan.pk])


def span_for_new_plan(user, today: datetime.date, session_days) -> goals.PlanSpan:
    """The span a plan written today covers, after any earlier plan: one query."""
    latest = PracticePlan.objects.for_user(user).filter(starts_on__lte=today).first()
    not_before = latest.ends_on + datetime.timedelta(days=1) if latest else None
    return goals.plan_span(today, session_days, not_before)
