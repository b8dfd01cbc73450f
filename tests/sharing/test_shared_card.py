"""A share link chooses whether the therapist sees the diary card's rows: off by
default, urges only with their own tick, hidden rows never."""

import datetime
import re
from unittest import mock

import pytest
from django.core.cache import caches
from django.test import Client
from django.utils import timezone

from sharing.models import ShareLink
from tests.factories import make_share_link
from tests.journal.card.helpers import check_in, make_paper_card

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


@pytest.fixture
def card(owner):
    rows = {row.name: row for row in make_paper_card(owner)}
    rows["Urge to self-harm"].marks = {"risk": True, "hidden": True}
    rows["Urge to self-harm"].save()
    check_in(
        owner,
        D(2026, 11, 17),
        {
            rows["Urge to self-harm"]: (5, True),
            rows["Urge to drink"]: (3, False),
            rows["Sadness"]: 4,
            rows["Took medication"]: True,
        },
        skills=6,
        sentence="Rang my sister",
    )
    return rows


def _shared(owner, **fields) -> str:
    _, url = make_share_link(owner, FIXED_NOW, **fields)
    return Client().get(url).content.decode()


def test_a_link_leaves_the_card_out_by_default(owner_client, owner):
    owner_client.post("/journal/sharing/", {"weeks": "4", "expires_in_days": "30"})

    link = ShareLink.objects.get(owner=owner)
    assert (link.include_card, link.include_urges) == (False, False)


def test_a_link_made_with_the_card_and_its_urges(owner_client, owner):
    owner_client.post(
        "/journal/sharing/",
        {
            "weeks": "4",
            "expires_in_days": "30",
            "include_card": "on",
            "include_urges": "on",
        },
    )

    link = ShareLink.objects.get(owner=owner)
    assert (link.include_card, link.include_urges) == (True, True)


def test_urges_without_the_card_are_explained_and_nothing_is_made(owner_client, owner):
    response = owner_client.post(
        "/journal/sharing/",
        {"weeks": "4", "expires_in_days": "30", "include_urges": "on"},
    )

    assert "to share your urges" in response.content.decode()
    assert not ShareLink.objects.filter(owner=owner).exists()


def test_without_the_card_the_shared_page_shows_no_row(owner, card):
    page = _shared(owner)

    assert "Sadness" not in page
    assert "Urge to drink" not in page


def test_with_the_card_but_not_urges_only_other_rows_show(owner, card):
    page = _shared(owner, include_card=True)

    assert "Sadness" in page
    assert "Took medication" in page
    assert "Rang my sister" in page
    assert "Urge to drink" not in page


def test_with_urges_they_show_the_way_the_week_does(owner, card):
    page = _shared(owner, include_card=True, include_urges=True)

    assert "Urge to drink" in page
    assert "not acted on" in page
    assert "Their diary card rows" in page


def test_a_hidden_row_is_never_shared(owner, card):
    page = _shared(owner, include_card=True, include_urges=True)

    assert "self-harm" not in page


def test_the_shared_weeks_cache_holds_no_card_row(owner, card):
    import pickle

    _shared(owner, include_card=True, include_urges=True)

    kept = " ".join(
        str(pickle.loads(value))  # noqa: S301 - our own cache
        for value in caches["default"]._cache.values()
    )
    assert "Sadness" not in kept and "Rang my sister" not in kept


def test_the_shared_page_has_unique_ids_across_weeks(owner, card):
    page = _shared(owner, include_card=True)

    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("check_ins", [1, 80])
def test_the_shared_card_costs_the_same_queries_whatever_the_history(
    owner, django_assert_max_num_queries, check_ins
):
    rows = make_paper_card(owner)
    for n in range(check_ins):
        check_in(owner, D(2026, 11, 21) - datetime.timedelta(days=n), {rows[3]: 2})
    _, url = make_share_link(owner, FIXED_NOW, include_card=True)
    reader = Client()
    reader.get(url)

    with django_assert_max_num_queries(8):
        assert reader.get(url).status_code == 200
