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
from journal.practice import services
from journal.practice.goals import PlanSpan
from journal.practice.queries import plan_brought_to
from sharing.weeks import render_card_rows, render_plan_review
from tests.factories import make_entry, make_named_skill, make_share_link
from tests.journal.card.helpers import check_in, make_paper_card, make_row
from tests.journal.practice.helpers import item, make_practice_plan
from tests.journal.test_card_escaping import assert_shown_as_text, markup

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
WEEK = D(2026, 11, 16)
SHARED = (D(2026, 10, 26), D(2026, 11, 22))  # make_share_link's four weeks


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


def _plan(owner, words="Evening walk", why="It calms me", obstacle="Rain", then="Go"):
    plan = make_practice_plan(
        owner,
        item(why=why, obstacle=obstacle, then=then),
        item(technique="", family="communication", times=None, each_day=True),
        item(family="", technique="", text=words, times=3),
        span=PlanSpan(D(2026, 11, 16), D(2026, 11, 22)),
    )
    services.set_missed_reason(plan, D(2026, 11, 17), "forgot")
    services.set_missed_reason(plan, D(2026, 11, 18), "forgot")
    services.set_missed_reason(plan, D(2026, 11, 19), "no-time")
    return plan


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_plan_is_the_same_html_as_the_review_template(owner, language):
    _plan(owner)
    review = plan_brought_to(owner, *SHARED, latest=True)

    with translation.override(language):
        drawn = render_plan_review(review)
        from_template = render_to_string(
            "journal/practice/includes/review.html", {"review": review}
        )

    assert drawn == from_template
    assert "practice-review-reasons" in drawn


@pytest.mark.parametrize("field", ["words", "why", "obstacle", "then"])
def test_markup_in_the_plan_is_shown_as_text_on_the_shared_page(owner, field):
    typed = markup(field)
    _plan(owner, **{field: typed})

    page = _shared_page(owner, include_plan=True)

    assert_shown_as_text(page, typed)


def test_a_built_in_named_skill_is_named_in_each_readers_language(owner):
    make_entry(
        owner,
        practiced_on=D(2026, 11, 17),
        skill="distress-tolerance",
        technique="paced-breathing",
    )
    _link, address = make_share_link(owner, NOW, include_notes=True)

    english = Client().get(address).content.decode()
    spanish = Client().get(address + "?lang=es").content.decode()

    assert '<span class="entry-technique">· Paced breathing</span>' in english
    assert '<span class="entry-technique">· Respiración pausada</span>' in spanish


def test_markup_in_ones_own_named_skill_is_shown_as_text_on_the_shared_page(owner):
    typed = markup("named skill")
    own = make_named_skill(owner, name=typed)
    make_entry(owner, practiced_on=D(2026, 11, 17), named_skill=own)

    page = _shared_page(owner, include_notes=True)

    assert_shown_as_text(page, typed)
