"""The entry card (journal/cards.py) as a person reads it, in both languages.

The card is drawn in Python for speed; these tests read what it says (skill, day,
note, situation, ratings, exercise answers, star button, edit and delete links)
rather than its markup. tests/journal/test_card_escaping.py puts markup in every
field, on every page that shows one.
"""

import datetime
import uuid
from html import escape

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from journal.cards import render_entry_card
from journal.html import local_date
from journal.models import Entry
from journal.reports import DayNotes
from journal.shared_notes import render_shared_note, render_shared_notes
from tests.factories import make_entry, make_exercise_entry, make_user
from tests.html_reading import read, said

pytestmark = pytest.mark.django_db

# Friday 20 November 2026, 18:05 in UTC: the day the factories' entries are for.
WRITTEN = datetime.datetime(2026, 11, 20, 18, 5, 7, 123456, tzinfo=datetime.UTC)
TOKEN = "token-for-the-test"


def card(entry, language="en", **options):
    options = {"zone": "UTC", "request_path": "/journal/entries/", **options}
    with translation.override(language):
        return read(render_entry_card(entry, csrf_token=TOKEN, **options))


def shared(entry, language="en"):
    with translation.override(language):
        return read(render_shared_note(entry))


def entries(owner):
    yield make_entry(owner, created_at=WRITTEN)
    yield make_entry(
        owner,
        created_at=WRITTEN,
        note="Line one\nLine two",
        situation="At the bus stop",
        distress_before=7,
        distress_after=3,
        helpfulness=4,
    )
    yield make_entry(
        owner, created_at=WRITTEN + datetime.timedelta(days=2), skill="communication"
    )
    yield make_exercise_entry(owner, created_at=WRITTEN)
    yield make_exercise_entry(
        owner,
        key="conversation-plan",
        answers={"want": "An afternoon off", "words": "I would like Fridays"},
        created_at=WRITTEN,
    )


# --- what happened ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "skill", "situation"),
    [
        ("en", "Emotional regulation", "Situation: At the bus stop"),
        ("es", "Regulación emocional", "Situación: At the bus stop"),
    ],
)
def test_a_card_shows_its_skill_situation_and_note(language, skill, situation):
    entry = make_entry(
        make_user(), situation="At the bus stop", note="Named the anger first."
    )

    page = card(entry, language)

    assert page.text(css="skill-tag") == skill
    assert page.text(css="entry-situation") == situation
    assert page.text(css="entry-note") == "Named the anger first."


def test_a_card_without_a_situation_has_no_situation_line():
    page = card(make_entry(make_user(), situation=""))

    assert page.all(css="entry-situation") == []


def test_the_notes_line_breaks_stay_line_breaks():
    entry = make_entry(make_user(), note="One\r\nTwo\rThree\nFour")

    note = card(entry).all(css="entry-note")[0]

    assert note.text == "One\nTwo\nThree\nFour"
    assert len(card(entry).all("br")) == 3


# --- when ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "zone", "when"),
    [
        ("en", "UTC", "Fri 20 Nov 2026 · 18:05"),
        ("en", "America/Los_Angeles", "Fri 20 Nov 2026 · 10:05"),
        ("es", "UTC", "vie 20 nov 2026 · 18:05"),
    ],
)
def test_history_shows_the_day_and_the_time_it_was_written_where_the_person_lives(
    language, zone, when
):
    entry = make_entry(make_user(), created_at=WRITTEN)

    page = card(entry, language, zone=zone, show_day=True)

    assert page.text(css="entry-when") == when


def test_today_shows_only_the_time():
    entry = make_entry(make_user(), created_at=WRITTEN)

    assert card(entry).text(css="entry-when") == "18:05"


def test_no_time_is_shown_when_it_was_written_on_another_day():
    # 03:05 on the 21st in Tokyo: written the day after the day it is for.
    entry = make_entry(make_user(), created_at=WRITTEN)

    page = card(entry, zone="Asia/Tokyo", show_day=True)

    assert page.text(css="entry-when") == "Fri 20 Nov 2026"
    assert page.all("time") == []


# --- ratings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "before", "after", "shown", "spoken"),
    [
        ("en", 7, 3, "Distress 7 → 3", "Distress went from 7 to 3 out of 10."),
        ("en", 0, None, "Distress 0 → –", "Distress before: 0 out of 10."),
        ("en", None, 5, "Distress – → 5", "Distress after: 5 out of 10."),
        ("es", 7, 3, "Malestar 7 → 3", "El malestar pasó de 7 a 3 sobre 10."),
    ],
)
def test_distress_is_shown_before_to_after_and_said_in_words(
    language, before, after, shown, spoken
):
    entry = make_entry(make_user(), distress_before=before, distress_after=after)

    page = card(entry, language)

    assert page.text(css="entry-distress") == f"{shown}{spoken}"
    assert spoken in [said(span.text) for span in page.all(css="visually-hidden")]


@pytest.mark.parametrize(
    ("language", "helped"), [("en", "helped 4/5"), ("es", "ayudó 4/5")]
)
def test_how_much_it_helped_is_shown(language, helped):
    entry = make_entry(make_user(), helpfulness=4)

    page = card(entry, language)

    assert page.text(css="entry-helped") == helped
    assert page.all(css="entry-distress") == []


def test_a_card_without_ratings_has_no_ratings_line():
    page = card(make_entry(make_user()))

    assert page.all(css="entry-ratings") == []


# --- guided exercises ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "row", "compare"),
    [
        (
            "en",
            "Thought record",
            ("Situation", "Team meeting"),
            ["How strong 8/10", "How strong now 4/10"],
        ),
        (
            "es",
            "Registro de pensamientos",
            ("Situación", "Team meeting"),
            ["Intensidad 8/10", "Intensidad ahora 4/10"],
        ),
    ],
)
def test_an_exercise_shows_its_answers_as_labelled_rows(language, title, row, compare):
    entry = make_exercise_entry(make_user())

    page = card(entry, language)

    assert page.text(css="exercise-title") == title
    labels = [said(dt.text) for dt in page.all("dt")]
    values = [said(dd.text) for dd in page.all("dd")]
    assert (labels[0], values[0]) == row
    assert "One frown is not a verdict on me" in values
    assert [said(item.text) for item in page.all(css="answer-compare-item")] == compare
    assert page.all(css="entry-note") == []  # the note says what the rows say


def test_an_exercise_shows_the_note_when_the_person_wrote_their_own():
    entry = make_exercise_entry(make_user(), note="My own words")

    assert card(entry).text(css="entry-note") == "Note: My own words"


def test_a_choice_of_something_else_shows_the_persons_own_words():
    entry = make_exercise_entry(
        make_user(),
        key="ride-the-wave",
        answers={
            "urge": "Leave the party",
            "strength_before": 6,
            "coping": ["cold", "other"],
            "coping_other": "Counted the lamps",
        },
    )

    values = [said(dd.text) for dd in card(entry).all("dd")]

    assert "Cold water or something cold, Counted the lamps" in values


@pytest.mark.parametrize(
    ("language", "offer"),
    [("en", "Add “How it went”"), ("es", "Añadir «Cómo me fue»")],
)
def test_a_question_for_afterwards_is_offered_until_it_is_answered(language, offer):
    owner = make_user()
    open_plan = make_exercise_entry(
        owner, key="conversation-plan", answers={"want": "Time", "words": "Please"}
    )
    answered = make_exercise_entry(
        owner,
        key="conversation-plan",
        answers={"want": "Time", "words": "Please", "how_it_went": "Well"},
    )

    def offers(entry):
        links = card(entry, language).all("a")
        return [
            (said(link.text), link.attrs["href"])
            for link in links
            if "entry-menu-item" not in link.attrs.get("class", "")
            and "?technique=" not in link.attrs["href"]
        ]

    assert offers(open_plan) == [(offer, f"/journal/entries/{open_plan.pk}/edit/")]
    assert offers(answered) == []


# --- star, edit, delete ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "is_starred", "button"),
    [
        ("en", False, "☆ Bring this up: Emotional regulation, 20 Nov"),
        ("en", True, "★ Starred to bring up: Emotional regulation, 20 Nov"),
        ("es", False, "☆ Hablarlo en sesión: Regulación emocional, 20 nov"),
        ("es", True, "★ Con estrella para hablarlo: Regulación emocional, 20 nov"),
    ],
)
def test_the_star_button_says_whether_the_entry_is_starred(
    language, is_starred, button
):
    entry = make_entry(make_user())
    starred = frozenset({entry.pk}) if is_starred else frozenset()

    page = card(entry, language, starred=starred)

    (shown,) = page.all("button")
    assert said(shown.text) == button
    assert shown.attrs["aria-pressed"] == ("true" if is_starred else "false")


def test_the_star_button_posts_to_the_entry_and_comes_back_to_the_page():
    entry = make_entry(make_user())

    page = card(entry, next_url="/journal/week/2026-11-16/")

    (form,) = page.all("form")
    assert form.attrs == {
        "method": "post",
        "action": f"/journal/entries/{entry.pk}/star/",
        "data-star-form": "",
    }
    inputs = {
        element.attrs["name"]: element.attrs["value"] for element in page.all("input")
    }
    # Without JavaScript the page comes back at this card, not at its top.
    assert inputs == {
        "csrfmiddlewaretoken": TOKEN,
        "next": f"/journal/week/2026-11-16/#entry-{entry.pk}-title",
    }


def test_without_a_next_address_the_star_comes_back_to_this_page():
    entry = make_entry(make_user())

    page = card(entry, request_path="/journal/")

    assert (
        page.all("input", name="next")[0].attrs["value"]
        == f"/journal/#entry-{entry.pk}-title"
    )


@pytest.mark.parametrize(
    ("language", "edit", "delete", "menu"),
    [
        ("en", "Edit", "Delete", "⋯More for Emotional regulation, 20 Nov"),
        ("es", "Editar", "Borrar", "⋯Más opciones para Regulación emocional, 20 nov"),
    ],
)
def test_edit_and_delete_links_name_the_entry_and_keep_the_way_back(
    language, edit, delete, menu
):
    entry = make_entry(make_user())
    back = "?next=/journal/entries/%3Fq%3Da%26b%3Dc"

    page = card(entry, language, next_url="/journal/entries/?q=a&b=c")

    links = {said(link.text): link.attrs for link in page.all(css="entry-menu-item")}
    day = (
        "Regulación emocional, 20 nov"
        if language == "es"
        else "Emotional regulation, 20 Nov"
    )
    assert links[f"{edit} {day}"]["href"] == f"/journal/entries/{entry.pk}/edit/{back}"
    assert (
        links[f"{delete} {day}"]["href"] == f"/journal/entries/{entry.pk}/delete/{back}"
    )
    assert (
        links[f"{delete} {day}"]["data-delete-entry"]
        == f"/journal/entries/{entry.pk}/delete/"
    )
    assert page.text("summary") == menu


def test_a_card_without_actions_has_no_star_and_no_menu():
    page = card(make_entry(make_user()), hide_actions=True)

    assert page.all("button") == page.all("form") == page.all("a") == []


# --- the shared page -------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "skill", "distress"),
    [
        ("en", "Emotional regulation", "Distress: 7 → –"),
        ("es", "Regulación emocional", "Malestar: 7 → –"),
    ],
)
def test_a_shared_note_shows_skill_situation_note_and_distress_without_actions(
    language, skill, distress
):
    entry = make_entry(
        make_user(),
        created_at=WRITTEN,
        situation="At work",
        note="Took a walk\nafter lunch",
        distress_before=7,
    )

    page = shared(entry, language)

    assert [said(line.text) for line in page.all("p")] == [
        skill,
        "At work",
        "Took a walk after lunch",
        distress,
    ]
    assert page.all("time") == page.all("a") == page.all("button") == []


@pytest.mark.parametrize("break_", ["\n", "\r\n", "\r"])
def test_a_shared_note_of_one_line_is_drawn_as_a_note_of_several(break_):
    """render_shared_note() hands a note of one line to html() as it is, and a
    note of several lines through _lines(): both escaped, only the <br> apart."""
    typed = '<b>Left</b> "early" & <i>walked</i>'
    owner = make_user()
    one_line = make_entry(owner, note=typed, situation="<u>Work</u>")
    two_lines = make_entry(owner, note=typed + break_ + typed, situation="<u>Work</u>")

    drawn_once, drawn_twice = (
        render_shared_note(one_line),
        render_shared_note(two_lines),
    )

    assert "<b>" not in drawn_once and "<u>" not in drawn_once
    assert drawn_twice == drawn_once.replace(
        escape(typed), f"{escape(typed)}<br>{escape(typed)}"
    )


def test_a_shared_exercise_shows_its_answers():
    page = shared(make_exercise_entry(make_user()))

    assert page.text(css="exercise-title") == "Thought record"
    assert "Team meeting" in [said(dd.text) for dd in page.all("dd")]


@pytest.mark.parametrize(
    ("language", "days", "more"),
    [
        (
            "en",
            ["Tuesday 17 November", "Thursday 19 November"],
            ["And 1 more entry that day, not shown here."],
        ),
        ("es", ["martes 17 de noviembre", "jueves 19 de noviembre"], None),
    ],
)
def test_a_weeks_shared_notes_are_grouped_by_day(language, days, more):
    owner = make_user()
    notes = list(entries(owner))
    groups = [
        DayNotes(datetime.date(2026, 11, 17), notes[:2], more=1),
        DayNotes(datetime.date(2026, 11, 19), notes[2:]),
    ]

    with translation.override(language):
        page = read(render_shared_notes(groups))

    assert [said(heading.text) for heading in page.all("h4")] == days
    assert len(page.all("div", css="entry-card")) == len(notes)
    if more is not None:
        assert [said(line.text) for line in page.all("p", **{"class": "small"})] == more


@pytest.mark.parametrize(
    ("language", "none"),
    [("en", "No notes this week."), ("es", "No hay notas esta semana.")],
)
def test_a_week_without_shared_notes_says_so(language, none):
    with translation.override(language):
        page = read(render_shared_notes([]))

    assert page.text("p") == none


# --- lists of cards --------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_list_of_cards_reads_as_one_card_after_another(
    language, django_assert_num_queries
):
    """{% entry_cards %} draws what the loop of {% entry_card %} drew, and the
    entries pages read for cards (for_display: without uuid, owner and last change)
    draw them without reading anything more."""
    owner = make_user()
    made = sorted(entries(owner), key=lambda entry: entry.pk)
    one_by_one = engines["django"].from_string(
        "{% load entry_cards %}{% for entry in entries %}"
        "{% entry_card entry show_day=True next=next %}{% endfor %}"
    )
    together = engines["django"].from_string(
        "{% load entry_cards %}{% entry_cards entries show_day=True next=next %}"
    )
    context = {
        "request": RequestFactory().get("/journal/entries/"),
        "csrf_token": TOKEN,
        "person_time_zone": "Asia/Tokyo",
        "next": "/journal/entries/?q=a&b=c",
        "starred_ids": frozenset({made[1].pk}),
    }
    with translation.override(language):
        expected = one_by_one.render({**context, "entries": made})
        listed = list(Entry.objects.for_user(owner).for_display().order_by("pk"))
        with django_assert_num_queries(0):
            html = together.render({**context, "entries": listed})

    assert html.count("<article") == len(made) == 5
    assert html == expected


def test_the_page_tag_takes_what_it_is_not_given_from_the_page(client):
    owner = make_user()
    entry = make_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    client.force_login(owner)

    html = client.get("/journal/entries/?q=").content.decode()

    assert f'action="/journal/entries/{entry.pk}/star/"' in html
    assert 'name="csrfmiddlewaretoken" value="' in html
    assert f'href="/journal/entries/{entry.pk}/edit/?next=/journal/entries/' in html


@pytest.mark.parametrize(
    "data",
    [None, {"uuid": "nope<>"}, {"uuid": ""}, {"uuid": str(uuid.uuid4()), "note": "x"}],
    ids=["new", "broken", "missing", "sent"],
)
def test_the_entry_forms_identity_field_reads_as_django_draws_it(data):
    from journal.forms import NewEntryForm

    form = NewEntryForm(data, today=datetime.date(2026, 11, 20))
    if data is not None:
        form.is_valid()
    django_drew = (
        engines["django"].from_string("{{ form.uuid }}").render({"form": form})
    )
    fields = engines["django"].get_template("journal/includes/entry_fields.html")

    assert fields.render({"form": form}).startswith(django_drew)


@pytest.mark.parametrize(
    ("fmt", "written"),
    [
        ("l j F", "viernes 20 de noviembre"),
        ("j M", "20 nov"),
        ("D j M Y", "vie 20 nov 2026"),
    ],
)
def test_spanish_days_and_months_are_written_in_lower_case(fmt, written):
    with translation.override("es"):
        shown = local_date(WRITTEN.date(), translation.gettext(fmt), "es")

    assert shown == written
