"""Each item counts what the journal already knows: no new form."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journal.practice import queries, services
from tests.factories import make_entry, make_named_skill
from tests.journal.practice.helpers import MONDAY, item, make_practice_plan

pytestmark = pytest.mark.django_db

TUESDAY = MONDAY + datetime.timedelta(days=1)


def counts(owner):
    progress = queries.plan_for_day(owner, TUESDAY)
    return [(line.done, line.goal) for line in progress.items]


def test_a_named_skill_counts_the_entries_that_name_it(owner):
    make_practice_plan(owner, item())
    make_entry(
        owner,
        practiced_on=MONDAY,
        skill="distress-tolerance",
        technique="paced-breathing",
    )
    make_entry(
        owner,
        practiced_on=TUESDAY,
        skill="distress-tolerance",
        technique="paced-breathing",
    )
    make_entry(
        owner, practiced_on=TUESDAY, skill="distress-tolerance", technique="tipp"
    )

    assert counts(owner) == [(2, 4)]


def test_a_family_counts_every_entry_of_it(owner):
    make_practice_plan(owner, item(technique="", family="distress-tolerance"))
    make_entry(owner, practiced_on=MONDAY, skill="distress-tolerance")
    make_entry(
        owner, practiced_on=TUESDAY, skill="distress-tolerance", technique="tipp"
    )
    make_entry(owner, practiced_on=TUESDAY, skill="communication")

    assert counts(owner) == [(2, 4)]


def test_the_persons_own_named_skill_counts_its_entries(owner):
    own = make_named_skill(owner)
    make_practice_plan(owner, item(technique="", named_skill=own))
    make_entry(owner, practiced_on=MONDAY, skill="distress-tolerance", named_skill=own)
    make_entry(owner, practiced_on=MONDAY, skill="distress-tolerance")

    assert counts(owner) == [(1, 4)]


def test_entries_outside_the_span_or_of_someone_else_are_not_counted(owner, other_user):
    make_practice_plan(owner, item(technique="", family="communication"))
    make_entry(
        owner, practiced_on=MONDAY - datetime.timedelta(days=1), skill="communication"
    )
    make_entry(other_user, practiced_on=MONDAY, skill="communication")

    assert counts(owner) == [(0, 4)]


def test_each_day_counts_days_not_entries(owner):
    make_practice_plan(owner, item(times=None, each_day=True))
    for day in (MONDAY, MONDAY, TUESDAY):
        make_entry(
            owner,
            practiced_on=day,
            skill="distress-tolerance",
            technique="paced-breathing",
        )

    assert counts(owner) == [(2, 7)]


def test_a_free_text_item_counts_its_ticks(owner):
    plan = make_practice_plan(
        owner, item(family="", technique="", text="Walk", times=3)
    )
    walk = plan.items.get()
    services.tick(walk, MONDAY)
    services.tick(walk, TUESDAY)

    assert counts(owner) == [(2, 3)]


def test_a_free_text_each_day_item_takes_one_tick_a_day(owner):
    plan = make_practice_plan(
        owner, item(family="", technique="", text="Walk", times=None, each_day=True)
    )
    walk = plan.items.get()

    assert services.tick(walk, MONDAY) is True
    assert services.tick(walk, MONDAY) is False
    assert counts(owner) == [(1, 7)]


def test_a_plan_of_five_items_is_read_in_two_queries(owner):
    make_practice_plan(
        owner,
        item(),
        item(technique="", family="communication"),
        item(technique="", named_skill=make_named_skill(owner)),
        item(family="", technique="", text="Walk"),
        item(times=None, each_day=True),
    )
    for _ in range(10):
        make_entry(owner, practiced_on=MONDAY, skill="communication")

    with CaptureQueriesContext(connection) as queried:
        progress = queries.plan_for_day(owner, TUESDAY)
        labels = [line.label for line in progress.items]

    # The items, then the span's entries and ticks together (however many).
    assert len(queried.captured_queries) == 2
    assert labels == [
        "Paced breathing",
        "Communication skills",
        "Ice cube in hand",
        "Walk",
        "Paced breathing",
    ]
    assert progress.items[1].done == 10
