"""The card's days and figures are drawn in Python (journal/card/cells.py): every
name and sentence the person wrote arrives escaped, on their week, its PDF's HTML
and a shared page, and the days read as they did when they were a template."""

import datetime

import pytest
import time_machine
from django.test import Client

from journal.models import CardRow
from tests.factories import make_share_link
from tests.journal.card.helpers import check_in, make_row

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
WEEK = "/journal/week/2026-11-16/"
MARKUP = '<b data-x="1">Urge</b>'
SENTENCE = "<script>alert(1)</script> & more"


@pytest.fixture(autouse=True)
def fixed_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def marked_up(owner):
    urge = make_row(owner, name=MARKUP)
    sleep = make_row(owner, name="Hours <i>slept</i>", kind=CardRow.Kind.NUMBER)
    check_in(owner, D(2026, 11, 17), {urge: (3, True), sleep: 7.5}, 4, SENTENCE)
    return urge


def _assert_escaped(page: str) -> None:
    assert MARKUP not in page
    assert "<i>slept</i>" not in page
    assert "<script>alert(1)" not in page
    assert "&lt;b data-x=&quot;1&quot;&gt;Urge&lt;/b&gt;" in page
    assert "Hours &lt;i&gt;slept&lt;/i&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_the_week_escapes_every_row_name_and_the_sentence(owner_client, marked_up):
    page = owner_client.get(WEEK).content.decode()

    _assert_escaped(page)


def test_a_shared_page_escapes_them_too(owner, marked_up):
    _, url = make_share_link(owner, NOW, include_card=True, include_urges=True)

    page = Client().get(url).content.decode()

    _assert_escaped(page)


def test_a_day_reads_its_values_acted_on_and_figures_in_words(owner_client, marked_up):
    page = owner_client.get(WEEK).content.decode()
    tuesday = page.split('<li class="week-day">')[1].split("</li>")[0]

    assert '<span class="card-value">3</span>' in tuesday
    assert '<span class="visually-hidden"> of 5</span>' in tuesday
    assert "acted on it" in tuesday
    assert '<span class="card-value">7.5</span>' in tuesday
    assert '<a class="small no-print" href="/journal/check-in/2026-11-17/">Edit' in page
    assert "average 3 · acted on it on 1 day" in page
    assert "No check-in" in page


def test_the_days_speak_spanish_on_a_spanish_page(owner_client, owner, marked_up):
    owner.profile.language = "es"
    owner.profile.save()

    page = owner_client.get(WEEK, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "actué" in page
    assert "Sin registro" in page
    assert "acted on it" not in page


def test_the_averages_table_escapes_every_row_name(owner, marked_up):
    _, url = make_share_link(owner, NOW, include_card=True, include_urges=True)

    page = Client().get(url).content.decode()

    assert '<th scope="row">&lt;b data-x=&quot;1&quot;&gt;Urge&lt;/b&gt;</th>' in page
    assert '<th scope="row">Hours &lt;i&gt;slept&lt;/i&gt;</th>' in page
