"""The entry card written in Python (journal/cards.py) says what the template said.

The card and the shared page's note were templates (``reference/*.html`` beside
this file); they became Python for speed. Every kind of card, in both languages,
with and without its actions, must read the same to a person (whitespace between
tags aside).
"""

import datetime
import re
import uuid
from pathlib import Path

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from journal.cards import render_entry_card
from journal.models import Entry
from tests.factories import make_entry, make_exercise_entry, make_user

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).parent / "reference" / "entry_card.html"
WRITTEN = datetime.datetime(2026, 11, 20, 18, 5, 7, 123456, tzinfo=datetime.UTC)
TOKEN = "token-for-the-test"


def same_html(html: str) -> str:
    html = re.sub(r">\s+<", "><", str(html).strip())
    return re.sub(r"\s+", " ", html)


def reference_card(entry, **context) -> str:
    template = engines["django"].from_string(REFERENCE.read_text())
    request = RequestFactory().get("/journal/entries/?q=a&b=c")
    return template.render(
        {"entry": entry, "request": request, "csrf_token": TOKEN, **context}
    )


def entries(owner):
    yield make_entry(owner, created_at=WRITTEN)
    yield make_entry(
        owner,
        created_at=WRITTEN,
        note="Line one <b>bold?</b>\nLine two & more",
        situation='At the bus stop "late" & cold',
        distress_before=7,
        distress_after=3,
        helpfulness=4,
    )
    yield make_entry(owner, created_at=WRITTEN, distress_before=0)
    yield make_entry(owner, created_at=WRITTEN, distress_after=5, helpfulness=1)
    # Written on a later day than the day it is for: no time is shown.
    yield make_entry(
        owner, created_at=WRITTEN + datetime.timedelta(days=2), skill="communication"
    )
    yield make_exercise_entry(owner, created_at=WRITTEN)
    yield make_exercise_entry(owner, created_at=WRITTEN, note="My own words")
    yield make_exercise_entry(
        owner,
        key="conversation-plan",
        answers={"want": "An afternoon off", "words": "I would like Fridays"},
        created_at=WRITTEN,
    )


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Asia/Tokyo"])
@pytest.mark.parametrize(
    "options",
    [
        {},
        {"show_day": True, "next": "/journal/entries/?q=a&b=c"},
        {"show_day": True, "hide_actions": True},
        {"next": "/journal/week/2026-11-16/", "starred": True},
    ],
    ids=["today", "history", "shared", "week-starred"],
)
def test_every_card_reads_as_the_template_wrote_it(language, zone, options):
    owner = make_user()
    options = dict(options)
    starred = options.pop("starred", False)
    with translation.override(language):
        for entry in entries(owner):
            starred_ids = frozenset({entry.pk}) if starred else frozenset()
            expected = reference_card(
                entry,
                person_time_zone=zone,
                starred_ids=starred_ids,
                **options,
            )
            made = render_entry_card(
                entry,
                zone=zone,
                show_day=options.get("show_day", False),
                hide_actions=options.get("hide_actions", False),
                next_url=options.get("next", ""),
                request_path="/journal/entries/",
                starred=starred_ids,
                csrf_token=TOKEN,
            )

            assert "entry-card" in made
            assert same_html(made) == same_html(expected)


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

    assert html.count("<article") == len(made) == 8
    assert html == expected


def test_the_page_tag_takes_what_it_is_not_given_from_the_page(client):
    owner = make_user()
    entry = make_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    client.force_login(owner)

    html = client.get("/journal/entries/?q=").content.decode()

    assert f'action="/journal/entries/{entry.pk}/star/"' in html
    assert 'name="csrfmiddlewaretoken" value="' in html
    assert f'href="/journal/entries/{entry.pk}/edit/?next=/journal/entries/' in html


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_shared_note_reads_as_the_template_wrote_it(language):
    from journal.cards import render_shared_note

    template = engines["django"].from_string(
        (Path(__file__).parent / "reference" / "shared_note.html").read_text()
    )
    owner = make_user()
    with translation.override(language):
        for entry in entries(owner):
            expected = template.render({"entry": entry})

            made = render_shared_note(entry)

            assert "entry-card" in made
            assert same_html(made) == same_html(expected)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_weeks_shared_notes_read_as_the_template_wrote_them(language):
    from journal.cards import render_shared_notes
    from journal.reports import DayNotes

    template = engines["django"].from_string(
        (Path(__file__).parent / "reference" / "shared_notes.html").read_text()
    )
    owner = make_user()
    notes = list(entries(owner))
    weeks = [
        [],
        [DayNotes(datetime.date(2026, 11, 16), notes[:1])],
        [
            DayNotes(datetime.date(2026, 11, 17), notes[1:4], more=1),
            DayNotes(datetime.date(2026, 11, 19), notes[4:], more=12),
        ],
    ]
    with translation.override(language):
        for groups in weeks:
            expected = template.render({"groups": groups})

            made = render_shared_notes(groups)

            assert same_html(made) == same_html(expected)


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
