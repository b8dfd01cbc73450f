"""A practice plan's span in one query: its entries, its items' ticks and, for the
plan page, its rest days and the reasons given for days without practice.

One UNION ALL of four small reads, prepared (core/prepared.py): Today and the plan
page count an item from these rows in Python (counting.count_read).
"""

import datetime

from django.db.models import BigIntegerField, CharField, IntegerField, Value

from core.prepared import PreparedRead
from journal.models import Entry, PracticeMiss, PracticePlan, PracticeTick, RestDay

# What a row of span_rows() is.
_ENTRY, _TICK, _REST, _MISS = range(4)


# The columns a row of another kind leaves blank, and a row's kind.
_NO_TEXT = Value("", output_field=CharField())
_NO_ID = Value(0, output_field=BigIntegerField())


def _kind(kind: int) -> Value:
    return Value(kind, output_field=IntegerField())


def _span_rows_query(owner_id, plan_id, starts_on, ends_on, with_days: bool):
    span = {"practiced_on__gte": starts_on, "practiced_on__lte": ends_on}
    arms = [
        Entry.objects.filter(owner_id=owner_id, **span)
        .order_by()
        .annotate(kind=_kind(_ENTRY))
        .values_list("skill", "technique", "named_skill_id", "practiced_on", "kind"),
        PracticeTick.objects.filter(item__plan_id=plan_id)
        .order_by()
        .annotate(a=_NO_TEXT, b=_NO_TEXT, kind=_kind(_TICK))
        .values_list("a", "b", "item_id", "day", "kind"),
    ]
    if with_days:
        arms += [
            RestDay.objects.filter(owner_id=owner_id, day__range=(starts_on, ends_on))
            .order_by()
            .annotate(a=_NO_TEXT, b=_NO_TEXT, c=_NO_ID, kind=_kind(_REST))
            .values_list("a", "b", "c", "day", "kind"),
            PracticeMiss.objects.filter(plan_id=plan_id)
            .order_by()
            .annotate(b=_NO_TEXT, c=_NO_ID, kind=_kind(_MISS))
            .values_list("reason", "b", "c", "day", "kind"),
        ]
    return arms[0].union(*arms[1:], all=True)


_SPAN_ROWS = {
    with_days: PreparedRead(
        lambda owner_id, plan_id, starts_on, ends_on, with_days=with_days: (
            _span_rows_query(owner_id, plan_id, starts_on, ends_on, with_days)
        ),
        1,
        2,
        datetime.date(2000, 1, 1),
        datetime.date(2000, 1, 8),
    )
    for with_days in (False, True)
}


def span_rows(plan: PracticePlan, with_days: bool = False) -> tuple:
    """The plan's span in one query: its entries as (skill, technique,
    named_skill_id, day), its items' ticks as (item_id, day) and, ``with_days``,
    {"rest_days": frozenset, "misses": {day: reason}}."""
    rows = _SPAN_ROWS[with_days](plan.owner_id, plan.pk, plan.starts_on, plan.ends_on)
    found_entries, found_ticks, rest, misses = [], [], set(), {}
    for text, technique, number, day, kind in rows:
        if kind == _ENTRY:
            found_entries.append((text, technique, number, day))
        elif kind == _TICK:
            found_ticks.append((number, day))
        elif kind == _REST:
            rest.add(day)
        else:
            misses[day] = text
    days = {"rest_days": frozenset(rest), "misses": misses} if with_days else {}
    return found_entries, found_ticks, days
