"""The week page's own rows drawn in Python (journal/card/week_rows.py): the same
HTML as journal/card/includes/week_rows.html in each of its cases, both languages."""

import datetime
from html import escape

import pytest
import time_machine
from django.template.loader import render_to_string
from django.utils import translation

from journal.card.queries import CardSpan
from journal.card.week_rows import render_week_rows
from tests.journal.card.helpers import check_in, make_paper_card, make_row
from tests.journal.test_card_escaping import assert_shown_as_text, markup

pytestmark = pytest.mark.django_db

D = datetime.date
WEEK = D(2026, 11, 16)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(datetime.datetime(2026, 11, 21, 12, tzinfo=datetime.UTC)):
        yield


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


def _without_skills_rating(owner):
    row = make_row(owner)
    check_in(owner, D(2026, 11, 18), {row: (2, False)})


def _rows_only(owner):
    make_paper_card(owner)


def _nothing(owner):
    pass


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    ("shared", "linked", "today"),
    [(False, True, D(2026, 11, 19)), (False, False, None), (True, False, None)],
    ids=["the week page", "not linked", "shared"],
)
@pytest.mark.parametrize(
    "card",
    [_with_check_ins, _without_skills_rating, _rows_only, _nothing],
    ids=["rows with check-ins", "no skills rating", "rows, no check-ins", "no rows"],
)
def test_the_rows_are_the_same_html_as_the_template(
    owner, card, shared, linked, today, language
):
    card(owner)
    week = _card_week(owner)
    options = {"shared": shared, "linked": linked, "today": today}

    with translation.override(language):
        drawn = render_week_rows(week, language=language, **options)
        from_template = render_to_string(
            "journal/card/includes/week_rows.html", {"card": week, **options}
        )

    assert drawn == from_template


def test_markup_in_a_rows_name_is_shown_as_text(owner):
    typed = markup("row")
    row = make_row(owner, name=typed)
    check_in(owner, D(2026, 11, 18), {row: (2, False)})

    drawn = render_week_rows(_card_week(owner), language="en", linked=True)

    assert_shown_as_text(drawn, typed)
    assert drawn.count(escape(typed)) == 2  # the day's line and the averages' row
