"""Markup typed into a journal is shown as text, on every page that shows it.

The entry card and the shared note are drawn in Python (journal/cards.py), and so
are the rows of My diary card (journal/card/setup_rows.py), where Django's template
escaping does not reach: every field a person types, on every page
that shows a card or a note, is checked here. Removing any one escape fails a test.
"""

import datetime
from html import escape

import pytest
import time_machine

from journal.models import SessionStar, TherapySession
from tests.factories import (
    make_entry,
    make_exercise_entry,
    make_named_skill,
    make_plan,
    make_share_link,
)
from tests.journal.card.helpers import check_in, make_row

pytestmark = pytest.mark.django_db

# Saturday 21 November 2026, noon in UTC (the owner's zone); a session at 11:00.
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()
SESSION_AT = NOW - datetime.timedelta(hours=1)


def markup(field: str) -> str:
    """What someone might type, or paste, into ``field``: named, so a page that
    shows another field's words cannot pass for this one."""
    return f'<script>alert("{field}")</script>"><img src=x onerror=alert(1)>&amp;'


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _entry(owner, **fields):
    return make_entry(owner, practiced_on=TODAY, created_at=NOW, **fields)


def _exercise(owner, key, answers, **fields):
    return make_exercise_entry(
        owner, key=key, answers=answers, practiced_on=TODAY, created_at=NOW, **fields
    )


# Every field of an entry that a card or a shared note shows, filled with markup.
ENTRY_FIELDS = {
    "note": lambda owner, text: _entry(owner, note=text),
    "note of a few lines": lambda owner, text: _entry(owner, note=f"{text}\n{text}"),
    "situation": lambda owner, text: _entry(owner, situation=text),
    "one-line answer": lambda owner, text: _exercise(
        owner, "thought-record", {"feeling": text}
    ),
    "answer of a few lines": lambda owner, text: _exercise(
        owner, "thought-record", {"balanced_thought": text}
    ),
    "exercise note the person rewrote": lambda owner, text: _exercise(
        owner, "thought-record", {}, note=text
    ),
    "something else, as the one choice": lambda owner, text: _exercise(
        owner,
        "name-the-feeling",
        {
            "feeling": "other",
            "feeling_other": text,
            "strength_before": 6,
            "action": "Breathed",
        },
    ),
    "something else, among several choices": lambda owner, text: _exercise(
        owner,
        "ride-the-wave",
        {
            "urge": "Leave",
            "strength_before": 7,
            "coping": ["cold", "other"],
            "coping_other": text,
        },
    ),
    "answer added afterwards": lambda owner, text: _exercise(
        owner,
        "conversation-plan",
        {"want": "Time", "words": "Please", "how_it_went": text},
    ),
    "activity planned": lambda owner, text: _exercise(
        owner,
        "activity-plan",
        {"activity": text, "planned_on": "2026-11-21", "expected": 3, "actual": 6},
    ),
}


def _past_session(owner, entry=None):
    session = TherapySession.objects.create(
        owner=owner, starts_at=SESSION_AT, time_zone="UTC", label="Dr. R."
    )
    if entry is not None:
        SessionStar.objects.create(entry=entry, session=session)
    return session


def _shared(owner, **link_fields):
    _link, address = make_share_link(
        owner, NOW, include_notes=True, display_name="Sam", **link_fields
    )
    return address


# Every page that shows a card or a shared note: (owner, the entry) -> address.
PAGES = {
    "today": lambda owner, entry: "/journal/",
    "history": lambda owner, entry: "/journal/entries/",
    "the week": lambda owner, entry: "/journal/week/2026-11-16/",
    "since the last session": lambda owner, entry: "/journal/sessions/next/",
    "a past session": lambda owner, entry: (
        f"/journal/sessions/{_past_session(owner, entry).pk}/"
    ),
    "deleting an entry": lambda owner, entry: f"/journal/entries/{entry.pk}/delete/",
    "shared weeks": lambda owner, entry: _shared(owner),
    "shared since the last session": lambda owner, entry: _shared(
        owner, weeks=None, is_since_last_session=True
    ),
}


def assert_shown_as_text(html: str, typed: str) -> None:
    assert typed not in html
    assert "<script>alert(" not in html
    assert escape(typed) in html


@pytest.mark.parametrize("shown_on", PAGES)
@pytest.mark.parametrize("field", ENTRY_FIELDS)
def test_markup_in_an_entry_is_shown_as_text_on_every_page(
    client, owner, shown_on, field
):
    typed = markup(field)
    entry = ENTRY_FIELDS[field](owner, typed)
    address = PAGES[shown_on](owner, entry)
    client.force_login(owner)

    response = client.get(address)

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


@pytest.mark.parametrize(
    "address", ["/journal/", "/journal/exercises/behavioral-activation/"]
)
def test_markup_in_an_activity_plan_is_shown_as_text_where_it_is_due(
    client, owner, address
):
    """Today and the plan exercise's page draw open plans in Python
    (journal/exercises/plan_items.py)."""
    typed = markup("activity")
    make_plan(owner, activity=typed, planned_on=TODAY)
    client.force_login(owner)

    response = client.get(address)

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


@pytest.mark.parametrize("field", ["note", "situation", "answer of a few lines"])
def test_markup_in_an_entry_is_shown_as_text_in_its_edit_form(client, owner, field):
    typed = markup(field)
    entry = ENTRY_FIELDS[field](owner, typed)
    client.force_login(owner)

    response = client.get(f"/journal/entries/{entry.pk}/edit/")

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


@pytest.mark.parametrize(
    ("starts_in", "address"),
    [
        (-datetime.timedelta(hours=1), "/journal/sessions/{pk}/"),
        (datetime.timedelta(days=2), "/journal/sessions/{pk}/"),
        (datetime.timedelta(days=2), "/journal/sessions/"),
    ],
    ids=["a past session", "a coming session", "the list of sessions"],
)
def test_markup_in_a_session_label_is_shown_as_text(client, owner, starts_in, address):
    typed = markup("label")
    session = TherapySession.objects.create(
        owner=owner, starts_at=NOW + starts_in, time_zone="UTC", label=typed
    )
    _entry(owner, note="Walked")
    client.force_login(owner)

    response = client.get(address.format(pk=session.pk))

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


@pytest.mark.parametrize("weeks", [4, None], ids=["shared weeks", "since last session"])
def test_markup_in_the_name_on_a_share_link_is_shown_as_text(client, owner, weeks):
    typed = markup("name")[:60]  # a link's name holds 60 characters
    _entry(owner, note="Walked")
    _link, address = make_share_link(
        owner,
        NOW,
        include_notes=True,
        display_name=typed,
        weeks=weeks,
        is_since_last_session=weeks is None,
    )

    response = client.get(address)

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


# My diary card draws its rows in Python (journal/card/setup_rows.py): a row's name
# is in up to eight places (its heading, each button's spoken name, the rename field).
@pytest.mark.parametrize(
    "is_marked", [False, True], ids=["a plain row", "risk, hidden"]
)
def test_markup_in_a_card_row_name_is_shown_as_text_on_my_diary_card(
    client, owner, is_marked
):
    typed = markup("row name")
    make_row(owner, "First")
    row = make_row(owner, typed, risk=is_marked, hidden=is_marked)
    row.is_paused = is_marked
    row.save()
    make_row(owner, "Last")
    client.force_login(owner)

    response = client.get("/journal/card/")

    page = response.content.decode()
    assert response.status_code == 200
    assert_shown_as_text(page, typed)
    assert page.count(escape(typed)) == (8 if is_marked else 7)


def test_markup_in_a_new_row_name_that_failed_is_shown_as_text(client, owner):
    typed = markup("new name")  # longer than a name may be: the form says so
    row = make_row(owner)
    client.force_login(owner)

    response = client.post(
        f"/journal/card/rows/{row.pk}/rename/", {f"r{row.pk}-name": typed}
    )

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)
    assert f'value="{escape(typed)}"' in response.content.decode()


# The day's check-in draws its fields in Python (journal/card/check_in_fields.py): a
# row's name is the legend of its chips, beside its "acted on it", or a number's label.
@pytest.mark.parametrize(
    ("kind", "times"), [("urge", 2), ("emotion", 1), ("number", 1), ("yes-no", 1)]
)
def test_markup_in_a_card_row_name_is_shown_as_text_on_the_check_in(
    client, owner, kind, times
):
    typed = markup("row name")
    make_row(owner, typed, kind=kind)
    client.force_login(owner)

    response = client.get("/journal/check-in/")

    page = response.content.decode()
    assert response.status_code == 200
    assert_shown_as_text(page, typed)
    assert page.count(escape(typed)) == times


def test_markup_in_the_days_sentence_is_shown_as_text_on_the_check_in(client, owner):
    typed = markup("sentence")
    row = make_row(owner, "Sadness", kind="emotion")
    check_in(owner, TODAY, {row: 2}, sentence=typed)
    client.force_login(owner)

    response = client.get("/journal/check-in/")

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


def test_markup_typed_into_a_number_is_shown_as_text_with_its_mistake(client, owner):
    typed = markup("number")
    row = make_row(owner, "Hours slept", kind="number")
    client.force_login(owner)

    response = client.post("/journal/check-in/", {f"row-{row.pk}": typed})

    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)


# Progress draws "what works for me" (journal/skills/what_works_html.py) and each
# card row's weeks (journal/card/progress_html.py) in Python.
@pytest.mark.parametrize(
    ("practices", "times"), [(5, 2), (1, 1)], ids=["ranked", "not enough yet"]
)
def test_markup_in_a_named_skill_is_shown_as_text_in_what_works_for_me(
    client, owner, practices, times
):
    typed = markup("named skill")
    mine = make_named_skill(owner, name=typed)
    for _ in range(practices):
        _entry(owner, named_skill=mine, distress_before=8, distress_after=5)
    client.force_login(owner)

    response = client.get("/journal/progress/")

    section = response.content.decode().split('id="what-works-heading"')[1]
    assert response.status_code == 200
    assert_shown_as_text(response.content.decode(), typed)
    # In a ranked skill's sentence and its table row; in a sentence while too few.
    assert section.split("</section>")[0].count(escape(typed)) == times


def test_markup_in_a_card_row_name_is_shown_as_text_on_progress(client, owner):
    typed = markup("row name")
    row = make_row(owner, typed)
    check_in(owner, TODAY, {row: (3, True)})
    client.force_login(owner)

    response = client.get("/journal/progress/")

    page = response.content.decode()
    assert response.status_code == 200
    assert_shown_as_text(page, typed)
    # The row's heading and its table's caption.
    assert page.count(escape(typed)) == 2


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (2.5, "2.5"),
        (12.0, "12.0"),
        (-3, "-3"),
        (True, "True"),
        ("<b>4</b>", "&lt;b&gt;4&lt;/b&gt;"),
    ],
)
def test_html_writes_a_number_as_it_is_and_escapes_everything_else(value, written):
    from journal.html import html

    drawn = html("<td>{}</td>", value)

    assert drawn == f"<td>{written}</td>"
