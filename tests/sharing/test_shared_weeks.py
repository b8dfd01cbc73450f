"""The weekly share page draws its weeks in Python (sharing/weeks.py): the card's
rows the same HTML as the week's template, and every word a person wrote escaped."""

import datetime
from html import escape

import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from journal.card.queries import CardSpan
from journal.models import WeeklyReflection
from sharing.weeks import render_card_rows
from tests.factories import make_share_link
from tests.journal.card.helpers import check_in, make_paper_card, make_row
from tests.journal.test_card_escaping import assert_shown_as_text, markup

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
WEEK = D(2026, 11, 16)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _shared_page(owner, **link_fields) -> str:
    _link, address = make_share_link(owner, NOW, **link_fields)
    response = Client().get(address)
    assert response.status_code == 200
    return response.content.decode()


def _card_week(owner):
    return CardSpan(owner, WEEK, WEEK + datetime.timedelta(days=6)).week(WEEK)


def _with_check_ins(owner):
    rows = {row.name: row for row in make_paper_card(owner)}
    check_in(
        owner,
        D(2026, 11, 17),
        {
            rows["Urge to drink"]: (3, True),
            rows["Sadness"]: 4,
            rows["Hours slept"]: 7.5,
        },
        skills=5,
        sentence="Rang my sister",
    )
    check_in(owner, D(2026, 11, 19), {rows["Took medication"]: True}, skills=2)


def _rows_only(owner):
    make_paper_card(owner)


def _nothing(owner):
    pass


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "card",
    [_with_check_ins, _rows_only, _nothing],
    ids=["rows with check-ins", "rows, no check-ins", "no rows"],
)
def test_the_card_rows_are_the_same_html_as_the_weeks_template(owner, card, language):
    card(owner)
    week = _card_week(owner)

    with translation.override(language):
        drawn = render_card_rows(week, language)
        from_template = render_to_string(
            "journal/card/includes/week_rows.html",
            {"card": week, "shared": True, "today": None},
        )

    assert drawn == from_template


@pytest.mark.parametrize("field", ["what_helped", "what_was_hard", "for_next_session"])
def test_markup_in_a_reflection_is_shown_as_text_on_the_shared_page(owner, field):
    typed = markup(field)
    WeeklyReflection.objects.create(owner=owner, week_of=WEEK, **{field: typed})

    page = _shared_page(owner, include_notes=True)

    assert_shown_as_text(page, typed)


def test_a_reflection_keeps_its_line_breaks_on_the_shared_page(owner):
    WeeklyReflection.objects.create(
        owner=owner, week_of=WEEK, what_helped="Walks\nand <tea>"
    )

    page = _shared_page(owner, include_notes=True)

    assert "<dt>What helped</dt><dd>Walks<br>and &lt;tea&gt;</dd>" in page


def test_markup_in_a_card_row_and_the_days_sentence_is_shown_as_text_on_the_shared_page(
    owner,
):
    named, sentence = markup("row name"), markup("sentence")
    row = make_row(owner, named)
    check_in(owner, D(2026, 11, 17), {row: (2, True)}, skills=1, sentence=sentence)

    page = _shared_page(owner, include_card=True, include_urges=True)

    assert_shown_as_text(page, named)
    assert_shown_as_text(page, sentence)
    # Its day and its line in the week's averages.
    assert page.count(escape(named)) == 2
