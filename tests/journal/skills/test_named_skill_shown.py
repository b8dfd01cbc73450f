"""The named skill an entry used shows wherever the entry does: the week, the
PDF, the therapist's shared page, history (escaped, like the note)."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from journal import pdf
from tests.factories import make_entry, make_named_skill
from tests.journal.test_pdf import pdf_text
from tests.sharing.test_sharing import create_link

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
MARKUP = "<b>Ice</b> & co"


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


@pytest.fixture
def entries(owner):
    mine = make_named_skill(owner, name=MARKUP)
    make_entry(
        owner,
        practiced_on=D(2026, 11, 17),
        skill="distress-tolerance",
        technique="tipp",
        note="Cold water on my face",
    )
    make_entry(
        owner,
        practiced_on=D(2026, 11, 18),
        skill="distress-tolerance",
        named_skill=mine,
        note="Held the ice",
    )
    return mine


def test_the_week_names_them_escaped(owner_client, entries):
    html = owner_client.get("/journal/week/2026-11-16/").content.decode()

    assert '· <a href="/journal/entries/?technique=tipp">TIPP</a>' in html
    assert "&lt;b&gt;Ice&lt;/b&gt; &amp; co" in html and MARKUP not in html


def test_the_shared_page_names_them(owner_client, entries):
    _, url = create_link(owner_client, include_notes="on")

    html = Client().get(url).content.decode()

    assert "· TIPP" in html and "&lt;b&gt;Ice&lt;/b&gt; &amp; co" in html


def test_the_shared_page_without_notes_names_no_skill_of_ones_own(
    owner_client, entries
):
    _, url = create_link(owner_client)

    html = Client().get(url).content.decode()

    assert "Ice" not in html


@pytest.mark.skipif(pdf.missing_reason() is not None, reason="needs Pango")
def test_the_week_pdf_names_them(owner_client, entries):
    text = pdf_text(owner_client.get("/journal/week/2026-11-16/pdf/"))

    assert "TIPP" in text and "<b>Ice</b> & co" in text
