"""Today shows the day's card beside the quick log: "Today's card: 1 of 2 rows"."""

import datetime
import pickle

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.freshness import bump
from journal.card.today import TodaysCard
from journal.card.today_line import render_today_line
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


def test_a_card_costs_today_no_query_once_counted(owner_client, owner):
    owner_client.get("/journal/")
    with CaptureQueriesContext(connection) as without_card:
        owner_client.get("/journal/")
    rows = [make_row(owner, f"Row {n}", kind="emotion") for n in range(20)]
    check_in(owner, owner.profile.today(), dict.fromkeys(rows, 1))
    bump(owner.pk)  # as every write through the pages does
    owner_client.get("/journal/")

    with CaptureQueriesContext(connection) as with_card:
        page = owner_client.get("/journal/").content.decode()

    assert "Today’s card: 20 of 20 rows" in page
    # Its two figures are kept under the person's key (renewed by any write).
    assert len(with_card.captured_queries) == len(without_card.captured_queries)


def test_a_check_in_moves_the_count_on_today_at_once(owner_client, owner):
    urge = make_row(owner, "Urge to drink")
    make_row(owner, "Sadness", kind="emotion")
    assert "Today’s card: 0 of 2 rows" in owner_client.get("/journal/").content.decode()

    owner_client.post("/journal/check-in/", {f"row-{urge.pk}": "2"})

    assert "Today’s card: 1 of 2 rows" in owner_client.get("/journal/").content.decode()


def test_the_kept_figures_hold_no_name_of_a_row(owner_client, owner):
    make_row(owner, "Private row name")
    owner_client.get("/journal/")

    kept = [
        pickle.loads(value)  # noqa: S301 - our own cache
        for key, value in caches["default"]._cache.items()
        if "todays-card.v" in key
    ]
    assert kept == [(0, 1)]
    assert "Private row name" not in " ".join(
        str(pickle.loads(value))  # noqa: S301 - our own cache
        for value in caches["default"]._cache.values()
    )


@pytest.mark.parametrize(
    ("rated", "total", "heading", "action"),
    [
        (0, 1, "Today’s card: 0 of 1 row", "Check in for today"),
        (2, 5, "Today’s card: 2 of 5 rows", "Open today’s check-in"),
    ],
)
def test_the_line_is_drawn_as_the_template_drew_it(rated, total, heading, action):
    drawn = render_today_line(TodaysCard(datetime.date(2026, 11, 21), rated, total))

    assert drawn == (
        '\n<section class="today-card mt-3" aria-labelledby="today-card-heading">\n'
        f'  <h2 id="today-card-heading" class="h5 mb-1">{heading}</h2>\n'
        f'  <a class="btn btn-outline-primary" href="/journal/check-in/">{action}</a>\n'
        "</section>\n"
    )


def test_a_spanish_reader_reads_the_line_in_spanish(owner_client, owner):
    owner.profile.language = "es"
    owner.profile.save()
    make_row(owner, "Tristeza", kind="emotion")

    page = owner_client.get("/journal/").content.decode()

    assert "La tarjeta de hoy: 0 de 1 fila" in page
    assert "Haz el registro de hoy" in page
