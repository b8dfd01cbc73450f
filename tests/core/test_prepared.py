"""A prepared read (core/prepared.py) gives the rows its QuerySet gives, for any
values, with the SQL built once; it refuses what it cannot run faithfully."""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.prepared import PreparedRead
from journal.models import ActivityPlan, Entry
from tests.factories import make_entry, make_named_skill, make_plan, make_user

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 23)
TUESDAY_BEFORE = datetime.date(2026, 11, 17)


def days_entries(owner_id, day):
    return (
        Entry.objects.filter(owner_id=owner_id, practiced_on=day)
        .defer("uuid", "updated_at")
        .order_by("-created_at")[:3]
    )


def due(owner_id, day):
    return ActivityPlan.objects.filter(owner_id=owner_id).due(day)


def fields(rows, names):
    return [tuple(getattr(row, name) for name in names) for row in rows]


def test_it_gives_the_rows_the_queryset_gives_for_any_values():
    alex, blair = make_user("alex"), make_user("blair")
    for day in (MONDAY, MONDAY + datetime.timedelta(days=1)):
        for number in range(4):
            make_entry(alex, practiced_on=day, note=f"Alex {day} {number}")
        make_entry(blair, practiced_on=day, note=f"Blair {day}")
    read = PreparedRead(days_entries, 1, datetime.date(2000, 1, 1))
    names = ("pk", "note", "skill", "practiced_on", "created_at")

    for person in (alex, blair):
        for day in (MONDAY, MONDAY + datetime.timedelta(days=1), TUESDAY_BEFORE):
            assert fields(read(person.pk, day), names) == fields(
                days_entries(person.pk, day), names
            )


def test_the_notes_come_decrypted_and_unread_columns_deferred():
    alex = make_user("alex")
    make_entry(alex, practiced_on=MONDAY, note="Breathed out slowly.")
    read = PreparedRead(days_entries, 1, datetime.date(2000, 1, 1))

    (entry,) = read(alex.pk, MONDAY)

    assert entry.note == "Breathed out slowly."
    assert entry.get_deferred_fields() == {"uuid", "updated_at"}


def test_a_moment_is_passed_as_the_database_takes_it():
    alex = make_user("alex")
    noon = datetime.datetime(2026, 11, 23, 12, tzinfo=datetime.UTC)
    for hours in (-2, -1, 1):
        make_entry(alex, created_at=noon + datetime.timedelta(hours=hours))
    read = PreparedRead(
        lambda owner_id, moment: Entry.objects.filter(
            owner_id=owner_id, created_at__lte=moment
        ).order_by("created_at"),
        1,
        datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC),
    )

    for moment in (noon, noon - datetime.timedelta(hours=1, seconds=30)):
        assert [e.pk for e in read(alex.pk, moment)] == [
            e.pk
            for e in Entry.objects.filter(
                owner_id=alex.pk, created_at__lte=moment
            ).order_by("created_at")
        ]


def test_the_querys_own_constants_are_kept():
    alex = make_user("alex")
    make_plan(alex, planned_on=MONDAY, activity="Walk")
    make_plan(alex, planned_on=MONDAY, activity="Done", status=ActivityPlan.Status.DONE)
    make_plan(alex, planned_on=MONDAY + datetime.timedelta(days=1), activity="Later")
    read = PreparedRead(due, 1, datetime.date(2000, 1, 1))

    assert [plan.activity for plan in read(alex.pk, MONDAY)] == ["Walk"]


def test_the_sql_is_built_once_and_each_call_is_one_query():
    alex = make_user("alex")
    built = []

    def counted(owner_id, day):
        built.append((owner_id, day))
        return days_entries(owner_id, day)

    read = PreparedRead(counted, 1, datetime.date(2000, 1, 1))
    read(alex.pk, MONDAY)
    with CaptureQueriesContext(connection) as queries:
        read(alex.pk, MONDAY)
        read(alex.pk + 1, MONDAY)

    assert len(built) == 2  # the samples and their probes, once
    assert len(queries) == 2


def test_a_value_the_query_transforms_is_refused():
    read = PreparedRead(
        lambda owner_id, day: Entry.objects.filter(
            owner_id=owner_id, practiced_on=day - datetime.timedelta(days=1)
        ),
        1,
        datetime.date(2000, 1, 1),
    )

    with pytest.raises(ImproperlyConfigured):
        read(1, MONDAY)


def test_a_join_values_and_a_union_come_as_the_queryset_gives_them():
    alex, blair = make_user("alex"), make_user("blair")
    mine = make_named_skill(alex, name="Cold water, my way")
    make_entry(alex, practiced_on=MONDAY, named_skill=mine, skill="distress-tolerance")
    make_entry(alex, practiced_on=MONDAY, note="No named skill")
    make_entry(blair, practiced_on=MONDAY, note="Blair's")
    joined = PreparedRead(
        lambda owner_id: (
            Entry.objects.filter(owner_id=owner_id)
            .select_related("named_skill")
            .order_by("pk")
        ),
        1,
    )
    values = PreparedRead(
        lambda owner_id, day: (
            Entry.objects.filter(owner_id=owner_id, practiced_on=day)
            .order_by("pk")
            .values_list("note", "practiced_on")
        ),
        1,
        datetime.date(2000, 1, 1),
    )
    union = PreparedRead(
        lambda first, second: (
            Entry.objects.filter(owner_id=first)
            .order_by()
            .values_list("note")
            .union(
                Entry.objects.filter(owner_id=second).order_by().values_list("note"),
                all=True,
            )
            .order_by("note")
        ),
        1,
        2,
    )

    rows = joined(alex.pk)
    with CaptureQueriesContext(connection) as named:
        names = [row.named_skill and row.named_skill.name for row in rows]

    assert names == ["Cold water, my way", None] and len(named) == 0
    assert values(alex.pk, MONDAY) == [
        ("I noticed the anger rising and named it before replying.", MONDAY),
        ("No named skill", MONDAY),
    ]
    assert union(alex.pk, blair.pk) == list(
        Entry.objects.filter(owner_id=alex.pk)
        .order_by()
        .values_list("note")
        .union(
            Entry.objects.filter(owner_id=blair.pk).order_by().values_list("note"),
            all=True,
        )
        .order_by("note")
    )


def test_a_second_query_is_refused():
    with pytest.raises(ImproperlyConfigured):
        PreparedRead(
            lambda owner_id: Entry.objects.filter(owner_id=owner_id).prefetch_related(
                "stars"
            ),
            1,
        )(1)


def test_samples_must_all_differ():
    with pytest.raises(ImproperlyConfigured):
        PreparedRead(lambda *values: Entry.objects.none(), 1, 1)


@pytest.mark.parametrize("sample", [True, datetime.datetime(2026, 1, 1), 1.5])
def test_a_value_of_a_kind_it_cannot_vary_is_refused(sample):
    with pytest.raises(ImproperlyConfigured):
        PreparedRead(lambda value: Entry.objects.filter(pk=value), sample)
