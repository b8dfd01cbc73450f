"""The week page's pieces drawn in Python (journal/week_page.py): the same HTML as
the template they replace, in each of its cases and both languages."""

import datetime
from types import SimpleNamespace

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from journal.forms import ReflectionForm
from journal.models import WeeklyReflection
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


# week.html's title and heading as they were, before journal/week_page.py drew them.
HEAD_TEMPLATE = """{% load entry_cards i18n %}{% blocktranslate with start=report.first_day|day_as:_("j M Y") %}Week of {{ start }}{% endblocktranslate %}
  <header class="mb-3">
    <h1 class="mb-1">{% if is_current_week %}{% translate "This week" %}{% else %}{% translate "Your week" %}{% endif %}</h1>
    <p class="lead mb-1">{{ report.first_day|day_as:_("l j F") }} – {{ report.last_day|day_as:_("l j F Y") }}</p>
    {% if display_name %}<p class="print-only mb-0">{% blocktranslate %}Weekly summary for {{ display_name }}{% endblocktranslate %}</p>{% endif %}
  </header>
  <div class="week-actions no-print d-flex flex-wrap gap-2 mb-4">
    <nav class="d-flex flex-wrap gap-2" aria-label="{% translate 'Other weeks' %}">
      <a class="btn btn-outline-secondary" href="{% url 'journal:week' previous_week %}">{% translate "← Previous week" %}</a>
      {% if next_week %}
      <a class="btn btn-outline-secondary" href="{% url 'journal:week' next_week %}">{% translate "Next week →" %}</a>
      <a class="btn btn-outline-secondary" href="{% url 'journal:week-current' %}">{% translate "This week" %}</a>
      {% endif %}
    </nav>
    {% if not pdf_missing_reason %}<a class="btn btn-outline-primary" href="{% url 'journal:week-pdf' report.first_day %}">{% translate "PDF of this week" %}</a>{% endif %}
  </div>
  {% if pdf_missing_reason %}<p class="no-print">{% blocktranslate with reason=pdf_missing_reason trimmed %}A PDF of this week is not available on this server right now ({{ reason }}). You can print this page instead.{% endblocktranslate %}</p>{% endif %}"""  # noqa: E501
HEAD_TAGS = """{% load entry_cards %}{% week_title report.first_day %}
  {% week_head report is_current_week display_name previous_week next_week pdf_missing_reason %}"""  # noqa: E501


def _head_both_ways(language="en", **overrides):
    first_day = D(2026, 11, 16)
    context = {
        "report": SimpleNamespace(first_day=first_day, last_day=D(2026, 11, 22)),
        "is_current_week": False,
        "display_name": "",
        "previous_week": D(2026, 11, 9),
        "next_week": D(2026, 11, 23),
        "pdf_missing_reason": None,
        **overrides,
    }
    engine = engines["django"]
    with translation.override(language):
        drawn = engine.from_string(HEAD_TAGS).render(context)
        from_template = engine.from_string(HEAD_TEMPLATE).render(context)
    return drawn, from_template


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"is_current_week": True, "next_week": None},
        {"display_name": "Sam"},
        {"pdf_missing_reason": "the WeasyPrint package is not installed"},
    ],
    ids=["a past week", "this week", "a name to print", "no PDF"],
)
def test_the_heading_is_the_same_html_as_the_template(overrides, language):
    drawn, from_template = _head_both_ways(language, **overrides)

    assert drawn == from_template


def test_markup_in_a_display_name_is_shown_as_text():
    typed = markup("display_name")

    drawn, from_template = _head_both_ways(display_name=typed)

    assert_shown_as_text(drawn, typed)
    assert drawn == from_template


# week.html's reflection section as it was, before journal/week_page.py drew it.
REFLECTION_TEMPLATE = """{% load fragments i18n %}<section aria-labelledby="reflection-heading" class="mb-4 reflection">
    <h2 id="reflection-heading" class="h4">{% translate "Your reflection for this week" %}</h2>
    <p class="no-print">{% translate "A few words to bring to your next session. All three are optional." %}</p>
    {% if report.reflection and not report.reflection.is_empty %}
    <dl class="print-only">
      {% if report.reflection.what_helped %}<dt>{% translate "What helped" %}</dt><dd>{{ report.reflection.what_helped|linebreaksbr }}</dd>{% endif %}
      {% if report.reflection.what_was_hard %}<dt>{% translate "What was hard" %}</dt><dd>{{ report.reflection.what_was_hard|linebreaksbr }}</dd>{% endif %}
      {% if report.reflection.for_next_session %}<dt>{% translate "For my next session" %}</dt><dd>{{ report.reflection.for_next_session|linebreaksbr }}</dd>{% endif %}
    </dl>
    {% endif %}
    <form method="post" action="{% url 'journal:week-reflection' report.first_day %}" novalidate data-once-submit>
      {% csrf_token %}
      {% text_form form %}
      <button type="submit" class="btn btn-primary">{% translate "Save reflection" %}</button>
    </form>
  </section>"""  # noqa: E501
REFLECTION_TAG = "{% load entry_cards %}{% week_reflection report form %}"


def _reflection_both_ways(reflection, language="en", csrf_token="token-for-the-test"):
    context = {
        "report": SimpleNamespace(first_day=D(2026, 11, 16), reflection=reflection),
        "form": ReflectionForm(instance=reflection),
        "csrf_token": csrf_token,
    }
    engine = engines["django"]
    with translation.override(language):
        drawn = engine.from_string(REFLECTION_TAG).render(context)
        from_template = engine.from_string(REFLECTION_TEMPLATE).render(context)
    return drawn, from_template


REFLECTIONS = {
    "none": None,
    "empty": WeeklyReflection(week_of=D(2026, 11, 16)),
    "one answer": WeeklyReflection(week_of=D(2026, 11, 16), what_was_hard="Monday"),
    "all three": WeeklyReflection(
        week_of=D(2026, 11, 16),
        what_helped="Walking\r\nand tea",
        what_was_hard="Monday\nand\rTuesday",
        for_next_session="Sleep",
    ),
}


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("reflection", REFLECTIONS.values(), ids=REFLECTIONS.keys())
def test_the_reflection_is_the_same_html_as_the_template(reflection, language):
    drawn, from_template = _reflection_both_ways(reflection, language)

    assert drawn == from_template


@pytest.mark.parametrize("csrf_token", ["NOTPROVIDED", ""])
def test_a_page_without_a_csrf_token_draws_no_token_field(csrf_token):
    drawn, from_template = _reflection_both_ways(None, csrf_token=csrf_token)

    assert "csrfmiddlewaretoken" not in drawn.split("<form")[1].split("<textarea")[0]
    assert drawn == from_template


@pytest.mark.parametrize("field", ["what_helped", "what_was_hard", "for_next_session"])
def test_markup_in_a_reflection_is_shown_as_text(field):
    typed = markup(field)
    reflection = WeeklyReflection(week_of=D(2026, 11, 16), **{field: typed})

    drawn, from_template = _reflection_both_ways(reflection)

    assert_shown_as_text(drawn, typed)
    assert drawn == from_template
