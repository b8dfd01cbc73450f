"""A weekly share link's plan: its words read on every view, its counts kept
(figures only) under the owner's key, so a write counts at once."""

import datetime
import pickle
from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts import freshness
from core import fragments
from journal.practice import queries, services, shared_review
from journal.practice.goals import PlanSpan
from tests.factories import make_entry, make_named_skill, make_share_link
from tests.journal.practice.helpers import item, make_practice_plan

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
FIRST, LAST = D(2026, 10, 26), D(2026, 11, 22)  # make_share_link's four weeks


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def _every_kind_of_item(owner):
    """A plan of every kind of item, with entries, ticks and missed days."""
    own = make_named_skill(owner)
    plan = make_practice_plan(
        owner,
        item(obstacle="Rushing out", then="Breathe on the stairs"),
        item(technique="", family="communication", times=None, each_day=True),
        item(technique="", named_skill=own, times=2),
        item(family="", technique="", text="Evening walk", times=3),
        item(family="", technique="", text="Call my sister", each_day=True),
        span=PlanSpan(D(2026, 11, 16), D(2026, 11, 29)),
    )
    for day in (D(2026, 11, 16), D(2026, 11, 17), D(2026, 11, 17), D(2026, 11, 25)):
        make_entry(
            owner,
            practiced_on=day,
            skill="distress-tolerance",
            technique="paced-breathing",
        )
        make_entry(owner, practiced_on=day, skill="communication")
    make_entry(owner, practiced_on=D(2026, 11, 18), named_skill=own)
    make_entry(owner, practiced_on=D(2026, 11, 15), skill="communication")  # before
    walk, call = plan.items.order_by("position")[3:]
    for day in (D(2026, 11, 16), D(2026, 11, 19)):
        services.tick(walk, day)
        services.tick(call, day)
    services.set_missed_reason(plan, D(2026, 11, 20), "forgot")
    services.set_missed_reason(plan, D(2026, 11, 21), "forgot")
    services.set_missed_reason(plan, D(2026, 11, 22), "no-time")
    return plan


def _shared(owner, url) -> str:
    return Client().get(url).content.decode()


def _lines(review) -> list:
    return [(line.item.pk, line.label, line.done, line.goal) for line in review.items]


def _review_twice(owner):
    """The review drawn and kept, then drawn again from what was kept."""
    key = fragments.key(*shared_review.piece("owner-key", FIRST, LAST))
    drawn = shared_review.shared_review(owner, FIRST, LAST, kept_key=key, read_ahead={})
    kept = fragments.read_ahead(shared_review.piece("owner-key", FIRST, LAST))
    assert list(kept) == [key]
    again = shared_review.shared_review(
        owner, FIRST, LAST, kept_key=key, read_ahead=kept
    )
    return drawn, again


def test_the_kept_counts_draw_the_session_pages_review(owner):
    _every_kind_of_item(owner)

    drawn, again = _review_twice(owner)

    reviewed = queries.plan_brought_to(owner, FIRST, LAST, latest=True)
    assert _lines(drawn) == _lines(again) == _lines(reviewed)
    assert drawn.reasons == again.reasons == reviewed.reasons
    assert [line.done for line in again.items] == [4, 3, 1, 2, 2]
    assert [reason.count for reason in again.reasons] == [1, 2]


def test_the_review_is_of_the_latest_plan_the_weeks_overlap(owner):
    make_practice_plan(owner, item(), span=PlanSpan(D(2026, 11, 2), D(2026, 11, 15)))
    _every_kind_of_item(owner)

    drawn, again = _review_twice(owner)

    assert drawn.plan.starts_on == again.plan.starts_on == D(2026, 11, 16)


def test_weeks_without_a_plan_read_no_plan_once_known(owner):
    key = fragments.key(*shared_review.piece("owner-key", FIRST, LAST))
    assert (
        shared_review.shared_review(owner, FIRST, LAST, kept_key=key, read_ahead={})
        is None
    )
    kept = fragments.read_ahead(shared_review.piece("owner-key", FIRST, LAST))

    with CaptureQueriesContext(connection) as again:
        review = shared_review.shared_review(
            owner, FIRST, LAST, kept_key=key, read_ahead=kept
        )

    assert review is None and len(again) == 0


def test_a_reload_reads_the_plan_in_one_query_less(owner):
    _every_kind_of_item(owner)
    _, url = make_share_link(owner, FIXED_NOW, include_plan=True)
    with CaptureQueriesContext(connection) as first:
        first_page = _shared(owner, url)

    with CaptureQueriesContext(connection) as again:
        page = _shared(owner, url)

    assert page == first_page
    assert "Paced breathing: 4 of 8 times" in page and "Forgot: 2 days" in page
    plan_reads = [q["sql"] for q in again if "journal_practice" in q["sql"]]
    assert len(plan_reads) == 1 and "journal_practicetick" not in plan_reads[0]
    assert len(again) < len(first)


def test_a_new_entry_counts_on_the_next_view(owner):
    _every_kind_of_item(owner)
    _, url = make_share_link(owner, FIXED_NOW, include_plan=True)
    assert "Paced breathing: 4 of 8 times" in _shared(owner, url)

    make_entry(
        owner,
        practiced_on=D(2026, 11, 20),
        skill="distress-tolerance",
        technique="paced-breathing",
    )
    freshness.bump(owner.pk)  # as any write through a page does

    assert "Paced breathing: 5 of 8 times" in _shared(owner, url)


def test_the_kept_counts_hold_no_words_of_the_plan(owner):
    plan = _every_kind_of_item(owner)
    _, url = make_share_link(owner, FIXED_NOW, include_plan=True)

    _shared(owner, url)

    stored = caches["default"]._cache
    (kept,) = [
        pickle.loads(value)  # noqa: S301 - our own cache
        for key, value in stored.items()
        if "shared-plan-counts.v" in key
    ]
    assert kept.plan_id == plan.pk
    assert set(kept.done) == set(plan.items.values_list("pk", flat=True))
    assert kept.missed == {"forgot": 2, "no-time": 1}
    words = str(kept)
    assert "Evening walk" not in words and "Rushing out" not in words
