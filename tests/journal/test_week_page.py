"""The week page's pieces drawn in Python (journal/week_page.py): the same HTML as
the template they replace, in each of its cases and both languages."""

import datetime

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from journal.reports import DayNotes
from tests.factories import make_entry, make_exercise_entry, make_named_skill
from tests.journal.test_card_escaping import assert_shown_as_text, markup

pytestmark = pytest.mark.django_db

D = datetime.date
WRITTEN = datetime.datetime(2026, 11, 20, 18, 5, tzinfo=datetime.UTC)

# week.html's loop over the notes as it was, before journal/week_page.py drew it.
NOTES_TEMPLATE = """{% load entry_cards i18n %}{% for group in report.notes_by_day %}
    <h3 class="h6 mt-3">{{ group.day|day_as:_("l j F") }}</h3>
    <div class="entry-list">
      {% entry_cards group.entries next=request.path %}
    </div>
    {% if group.more %}<p class="small">{% url 'journal:entry-list' as history_url %}{% with day=group.day|date:"Y-m-d" %}{% blocktranslate count counter=group.more trimmed %}And {{ counter }} more that day: <a href="{{ history_url }}?from={{ day }}&amp;to={{ day }}">see them all in your history</a>.{% plural %}And {{ counter }} more that day: <a href="{{ history_url }}?from={{ day }}&amp;to={{ day }}">see them all in your history</a>.{% endblocktranslate %}{% endwith %}</p>{% endif %}
    {% empty %}
    <p>{% translate "No notes this week yet." %}{% if is_current_week %} <a class="no-print" href="{% url 'journal:today' %}">{% translate "Log a skill on Today." %}</a>{% endif %}</p>
    {% endfor %}"""  # noqa: E501
NOTES_TAG = (
    "{% load entry_cards %}"
    "{% week_notes report.notes_by_day is_current_week next=request.path %}"
)


def _both_ways(groups, *, is_current_week=False, language="en", starred=()):
    context = {
        "report": {"notes_by_day": groups},
        "is_current_week": is_current_week,
        "request": RequestFactory().get("/journal/week/2026-11-16/"),
        "csrf_token": "token-for-the-test",
        "starred_ids": frozenset(starred),
        "person_time_zone": "Europe/Madrid",
    }
    engine = engines["django"]
    with translation.override(language):
        drawn = engine.from_string(NOTES_TAG).render(context)
        from_template = engine.from_string(NOTES_TEMPLATE).render(context)
    return drawn, from_template


def _days(owner):
    plain = make_entry(owner, created_at=WRITTEN)
    rated = make_entry(
        owner,
        practiced_on=D(2026, 11, 18),
        created_at=WRITTEN,
        note="Line one\nLine two",
        situation="At the bus stop",
        distress_before=7,
        distress_after=3,
        helpfulness=4,
        technique="tipp",
    )
    own = make_entry(
        owner,
        practiced_on=D(2026, 11, 18),
        created_at=WRITTEN,
        named_skill=make_named_skill(owner),
        skill="distress-tolerance",
    )
    exercise = make_exercise_entry(owner, created_at=WRITTEN)
    return [
        DayNotes(D(2026, 11, 18), [rated, own], more=1),
        DayNotes(D(2026, 11, 20), [plain, exercise], more=0),
        DayNotes(D(2026, 11, 21), [plain], more=3),
    ], {own.pk}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_notes_are_the_same_html_as_the_template(owner, language):
    groups, starred = _days(owner)

    drawn, from_template = _both_ways(groups, language=language, starred=starred)

    assert drawn == from_template


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("is_current_week", [True, False])
def test_a_week_without_notes_is_the_same_html_as_the_template(
    is_current_week, language
):
    drawn, from_template = _both_ways(
        [], is_current_week=is_current_week, language=language
    )

    assert drawn == from_template


@pytest.mark.parametrize("field", ["note", "situation"])
def test_markup_in_a_note_is_shown_as_text(owner, field):
    typed = markup(field)
    entry = make_entry(owner, created_at=WRITTEN, **{field: typed})

    drawn, from_template = _both_ways([DayNotes(D(2026, 11, 20), [entry], more=2)])

    assert_shown_as_text(drawn, typed)
    assert drawn == from_template
