"""How an item of a plan is counted: one seam, ``item_logs()``.

An item naming a skill family counts the person's entries of that family in the
plan's span (``Entry.skill``), one naming a named skill the entries that name it
(``Entry.technique`` for a built-in one, ``Entry.named_skill`` for their own), and
a free-text item its ticks. "Each day" counts days, not entries: two breathing
practices on Tuesday are one day of it.

Everything is a subquery of the item's row, so a page reads any number of items
with their counts in one query.
"""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from journal.models import Entry, PracticeTick


def count_of(rows, group: str, field: str = "pk", distinct: bool = False):
    """How many of ``rows`` (a subquery, all sharing ``group``), or how many
    distinct values of ``field`` they have: a number, never NULL."""
    counted = (
        rows.order_by()
        .values(group)
        .annotate(n=Count(field, distinct=distinct))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _entries_in_span():
    return Entry.objects.filter(
        owner=OuterRef("plan__owner"),
        practiced_on__gte=OuterRef("plan__starts_on"),
        practiced_on__lte=OuterRef("plan__ends_on"),
    )


def item_logs():
    """An expression for a PracticeItem queryset: how often the item happened in
    its plan's span (entries, days with one, or ticks)."""
    entries = _entries_in_span()
    ticks = PracticeTick.objects.filter(item=OuterRef("pk"))
    kinds = [
        (
            Q(named_skill__isnull=False),
            entries.filter(named_skill=OuterRef("named_skill")),
        ),
        (~Q(technique=""), entries.filter(technique=OuterRef("technique"))),
        (~Q(family=""), entries.filter(skill=OuterRef("family"))),
    ]
    whens = []
    for condition, rows in kinds:
        days = count_of(rows, "owner", "practiced_on", distinct=True)
        whens.append(When(condition & Q(each_day=True), then=days))
        whens.append(When(condition, then=count_of(rows, "owner")))
    days_ticked = count_of(ticks, "item", "day", distinct=True)
    whens.append(When(each_day=True, then=days_ticked))
    return Case(*whens, default=count_of(ticks, "item"), output_field=IntegerField())


def matches(item, entry_skill: str, entry_technique: str, entry_named_skill_id) -> bool:
    """Whether an entry (its skill, built-in technique, own named skill id) counts
    for ``item``: the same rule as item_logs(), for rows already read."""
    if item.named_skill_id is not None:
        return entry_named_skill_id == item.named_skill_id
    if item.technique:
        return entry_technique == item.technique
    if item.family:
        return entry_skill == item.family
    return False


def is_free_text(item) -> bool:
    """An item naming no skill: ticked by hand."""
    return item.named_skill_id is None and not item.technique and not item.family


def count_read(item, entries: list[tuple], ticks: list[tuple]) -> int:
    """item_logs() for rows already read: ``entries`` as (skill, technique,
    named_skill_id, day), ``ticks`` as (item_id, day), all of the plan's span."""
    if is_free_text(item):
        days = [day for item_id, day in ticks if item_id == item.pk]
    else:
        days = [
            day
            for skill, technique, named_skill_id, day in entries
            if matches(item, skill, technique, named_skill_id)
        ]
    return len(set(days)) if item.each_day else len(days)
