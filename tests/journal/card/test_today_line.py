"""Today shows the day's card beside the quick log: "Today's card: 1 of 2 rows"."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.journal.card.helpers import check_in, make_row

pytestmark = pytest.mark.django_db


def test_today_shows_how_much_of_the_card_is_filled_in(owner_client, owner):
    urge = make_row(owner, "Urge to drink")
    make_row(owner, "Sadness", kind="emotion")
    check_in(owner, owner.profile.today(), {urge: (0, None)})

    page = owner_client.get("/journal/").content.decode()

    assert "Today’s card: 1 of 2 rows" in page
    assert 'href="/journal/check-in/"' in page
    assert "Urge to drink" not in page


def test_today_without_a_card_says_nothing_of_it(owner_client):
    page = owner_client.get("/journal/").content.decode()

    assert "Today’s card" not in page


def test_a_paused_row_is_not_counted_on_today(owner_client, owner):
    make_row(owner, "Sadness", kind="emotion")
    paused = make_row(owner, "Anger", kind="emotion")
    paused.is_paused = True
    paused.save()

    page = owner_client.get("/journal/").content.decode()

    assert "Today’s card: 0 of 1 row" in page


def test_a_card_costs_today_one_query_more_whatever_its_size(owner_client, owner):
    owner_client.get("/journal/")
    with CaptureQueriesContext(connection) as without_card:
        owner_client.get("/journal/")
    rows = [make_row(owner, f"Row {n}", kind="emotion") for n in range(20)]
    check_in(owner, owner.profile.today(), dict.fromkeys(rows, 1))
    owner_client.get("/journal/")

    with CaptureQueriesContext(connection) as with_card:
        owner_client.get("/journal/")

    assert len(with_card.captured_queries) == len(without_card.captured_queries) + 1
