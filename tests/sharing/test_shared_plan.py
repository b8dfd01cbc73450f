"""A share link shows the practice plan only when the person ticks it."""

import datetime
import pickle
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from journal.practice import services
from journal.practice.goals import PlanSpan
from sharing.models import ShareLink
from tests.factories import make_entry, make_share_link
from tests.journal.practice.helpers import item, make_practice_plan

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


@pytest.fixture
def plan(owner):
    made = make_practice_plan(
        owner,
        item(obstacle="Rushing out", then="Breathe on the stairs"),
        span=PlanSpan(D(2026, 11, 16), D(2026, 11, 22)),
    )
    make_entry(
        owner,
        practiced_on=D(2026, 11, 17),
        skill="distress-tolerance",
        technique="paced-breathing",
    )
    services.set_missed_reason(made, D(2026, 11, 18), "forgot")
    return made


def _shared(owner, **fields) -> str:
    _, url = make_share_link(owner, FIXED_NOW, **fields)
    return Client().get(url).content.decode()


def test_a_link_leaves_the_plan_out_by_default(owner_client, owner):
    owner_client.post("/journal/sharing/", {"weeks": "4", "expires_in_days": "30"})

    assert ShareLink.objects.get(owner=owner).include_plan is False


def test_the_tick_on_the_link_form_includes_the_plan(owner_client, owner):
    owner_client.post(
        "/journal/sharing/",
        {"weeks": "4", "expires_in_days": "30", "include_plan": "on"},
    )

    assert ShareLink.objects.get(owner=owner).include_plan is True


def test_the_link_form_offers_the_tick(owner_client):
    page = owner_client.get("/journal/sharing/").content.decode()

    assert 'name="include_plan"' in page and "Include my practice plan" in page


def test_a_shared_page_without_the_tick_shows_no_plan(owner, plan):
    page = _shared(owner)

    assert "The practice plan" not in page
    assert "Rushing out" not in page and "Paced breathing: 1 of 4" not in page


def test_a_shared_page_with_the_tick_shows_the_plan_against_what_happened(owner, plan):
    page = _shared(owner, include_plan=True)

    assert "Paced breathing: 1 of 4 times" in page
    assert "Forgot: 1 day" in page
    assert "Rushing out" in page and "Breathe on the stairs" in page


def test_a_since_last_session_link_with_the_tick_shows_the_plan(owner, plan):
    page = _shared(owner, include_plan=True, weeks=None, is_since_last_session=True)

    assert "Paced breathing: 1 of 4 times" in page


def test_the_shared_plan_is_never_cached(owner, plan):
    _shared(owner, include_plan=True)

    stored = caches["default"]._cache.values()
    kept = " ".join(str(pickle.loads(value)) for value in stored)  # noqa: S301 - our own cache
    assert "Rushing out" not in kept and "Paced breathing" not in kept
