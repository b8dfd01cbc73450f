"""An entry's ``technique``: the named skill it used, on every form that logs one."""

import datetime
import re
import uuid
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal.models import Entry
from tests.factories import make_entry, make_named_skill, make_user, sign_in

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def entry_data(**overrides):
    data = {
        "uuid": str(uuid.uuid4()),
        "skill": "distress-tolerance",
        "note": "Cold water on my face, then slow breaths.",
        "distress_before": "8",
        "distress_after": "5",
        "practiced_on": "2026-11-21",
        "return_to": "today",
    }
    data.update(overrides)
    return data


def chips(html: str, family: str) -> list[str]:
    """The values of the chips offered under one family, in order."""
    start = html.index(f'data-technique-family="{family}"')
    end = html.index("</fieldset>", start)
    group = html[start:end].split("data-technique-family=")[1]
    return re.findall(r'name="technique" id="[^"]+" value="([^"]+)"', group)


def test_the_quick_log_saves_a_built_in_named_skill(owner_client, owner):
    response = owner_client.post("/journal/entries/new/", entry_data(technique="tipp"))

    assert response.status_code == 302
    entry = Entry.objects.get(owner=owner)
    assert (entry.technique, entry.named_skill, entry.technique_key) == (
        "tipp",
        None,
        "tipp",
    )
    assert "TIPP" in owner_client.get("/journal/").content.decode()


def test_a_named_skill_of_ones_own_is_saved_as_that_row(owner_client, owner):
    mine = make_named_skill(owner)

    owner_client.post("/journal/entries/new/", entry_data(technique=str(mine.uuid)))

    entry = Entry.objects.get(owner=owner)
    assert (entry.technique, entry.named_skill) == ("", mine)
    assert entry.technique_key == str(mine.uuid)


def test_none_is_fine_and_existing_entries_stay_valid(owner_client, owner):
    old = make_entry(owner)

    owner_client.post("/journal/entries/new/", entry_data(technique=""))

    new = Entry.objects.exclude(pk=old.pk).get(owner=owner)
    assert (new.technique, new.named_skill) == ("", None)
    response = owner_client.post(
        f"/journal/entries/{old.pk}/edit/",
        {**entry_data(skill=old.skill, note="Edited, still without a named skill")},
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("technique", "message"),
    [
        ("dear-man", "DEAR MAN is a named skill of Communication skills"),
        ("juggling", "Choose one of the named skills offered, or none."),
        (
            "0b7c4e1a-5d2f-4c3b-9a8e-1f2d3c4b5a69",
            "Choose one of the named skills offered, or none.",
        ),
    ],
)
def test_a_named_skill_that_does_not_fit_is_explained_and_nothing_saved(
    owner_client, technique, message
):
    response = owner_client.post(
        "/journal/entries/new/", entry_data(technique=technique)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert "Cold water on my face" in html
    assert not Entry.objects.exists()


def test_another_persons_named_skill_cannot_be_named(owner_client, owner, other_user):
    theirs = make_named_skill(other_user, name="Their word")

    response = owner_client.post(
        "/journal/entries/new/", entry_data(technique=str(theirs.uuid))
    )

    assert "Choose one of the named skills offered" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_offline_queue_sends_it_as_json(owner_client, owner):
    response = owner_client.post(
        "/journal/entries/new/",
        entry_data(technique="paced-breathing"),
        HTTP_ACCEPT="application/json",
    )
    bad = owner_client.post(
        "/journal/entries/new/",
        entry_data(technique="fast"),
        HTTP_ACCEPT="application/json",
    )

    assert response.status_code == 201
    assert Entry.objects.get(owner=owner).technique == "paced-breathing"
    assert bad.status_code == 400
    assert "technique" in bad.json()["errors"]


def test_the_chips_come_in_the_order_the_person_uses_them(owner_client, owner):
    mine = make_named_skill(owner, name="Cold can")
    for _ in range(3):
        make_entry(owner, skill="distress-tolerance", named_skill=mine)
    make_entry(owner, skill="distress-tolerance", technique="stop")

    html = owner_client.get("/journal/").content.decode()

    offered = chips(html, "distress-tolerance")
    assert offered[:3] == [str(mine.uuid), "stop", "tipp"]
    assert chips(html, "communication")[:2] == ["dear-man", "give"]


def test_two_people_never_see_each_others_named_skills_on_any_entry_form(
    owner_client, owner, other_user
):
    make_named_skill(owner, name="Owner-only word")
    make_named_skill(other_user, name="Other-only word")
    other = sign_in(Client(), other_user)

    pages = {
        "owner": [
            owner_client.get(url) for url in ("/journal/", "/journal/entries/new/")
        ],
        "other": [other.get(url) for url in ("/journal/", "/journal/entries/new/")],
    }

    for response in pages["owner"]:
        html = response.content.decode()
        assert "Owner-only word" in html and "Other-only word" not in html
    for response in pages["other"]:
        html = response.content.decode()
        assert "Other-only word" in html and "Owner-only word" not in html


def test_the_edit_form_keeps_a_hidden_named_skill_the_entry_has(owner_client, owner):
    mine = make_named_skill(owner, is_hidden=True)
    entry = make_entry(owner, skill="distress-tolerance", named_skill=mine)

    html = owner_client.get(f"/journal/entries/{entry.pk}/edit/").content.decode()

    assert f'value="{mine.uuid}" checked' in html


def test_history_filters_by_named_skill(owner_client, owner, other_user):
    mine = make_named_skill(owner, name="Cold can")
    make_entry(owner, skill="distress-tolerance", technique="tipp", note="Tipp one")
    make_entry(owner, skill="distress-tolerance", named_skill=mine, note="Can one")
    make_entry(owner, skill="distress-tolerance", note="Plain one")
    make_entry(other_user, skill="distress-tolerance", technique="tipp", note="Theirs")

    by_slug = owner_client.get("/journal/entries/?technique=tipp").content.decode()
    by_uuid = owner_client.get(f"/journal/entries/?technique={mine.uuid}").content
    nothing = owner_client.get("/journal/entries/?technique=juggling").content

    assert "Tipp one" in by_slug and "Can one" not in by_slug
    assert "Plain one" not in by_slug and "Theirs" not in by_slug
    assert "Can one" in by_uuid.decode() and "Tipp one" not in by_uuid.decode()
    assert "We couldn't use those filters" in nothing.decode()


def test_history_filtered_by_another_persons_named_skill_shows_nothing(
    owner_client, other_user
):
    theirs = make_named_skill(other_user)
    make_entry(other_user, skill="distress-tolerance", named_skill=theirs, note="Hers")

    html = owner_client.get(f"/journal/entries/?technique={theirs.uuid}").content

    assert b"Hers" not in html and b"Ice cube" not in html


def test_today_adds_one_query_for_the_chips_however_many(
    owner_client, owner, django_assert_max_num_queries
):
    for number in range(20):
        skill = make_named_skill(owner, name=f"Skill {number}")
        make_entry(owner, skill="distress-tolerance", named_skill=skill)
    owner_client.get("/journal/")

    with django_assert_max_num_queries(5):
        owner_client.get("/journal/")


def test_todays_cards_name_the_persons_own_skills_without_reading_more(
    owner_client, owner
):
    today = timezone.localdate()
    make_entry(owner, practiced_on=today, skill="communication", note="Plain")
    owner_client.get("/journal/")
    with CaptureQueriesContext(connection) as plain:
        owner_client.get("/journal/")
    for number in range(3):
        skill = make_named_skill(owner, family="communication", name=f"Mine {number}")
        make_entry(owner, practiced_on=today, skill="communication", named_skill=skill)
    owner_client.get("/journal/")

    with CaptureQueriesContext(connection) as named:
        html = owner_client.get("/journal/").content.decode()

    cards = html[html.index('<div class="entry-list">') :]
    for number in range(3):
        assert f">Mine {number}</a></span></h3>" in cards
    assert len(named) == len(plain)


def test_a_person_new_to_the_app_gets_the_spanish_names(owner):
    person = make_user(language="es")
    client = sign_in(Client(), person)

    html = client.get("/journal/", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Aceptación radical" in html
    assert "Ninguna en concreto" in html


def test_every_guided_exercise_names_a_built_in_skill_of_its_own_family():
    from journal.exercises.definitions import ALL_VERSIONS
    from journal.skills.builtin import BY_SLUG

    for exercise in ALL_VERSIONS.values():
        assert BY_SLUG[exercise.technique].family == exercise.skill


def test_a_thought_record_is_logged_as_a_thought_record(owner):
    from tests.factories import make_exercise_entry

    entry = make_exercise_entry(owner)

    assert entry.technique == "thought-record"
    assert entry.technique_name == "Thought record"


@pytest.mark.parametrize("address", ["/journal/", "/journal/entries/new/"])
def test_markup_in_ones_own_named_skill_is_a_chip_of_text(owner_client, owner, address):
    # The chips are drawn in Python (journal/skills/chips.py): the name is escaped.
    typed = '<script>alert("chip")</script>"><img src=x onerror=alert(1)>&amp;'
    make_named_skill(owner, family="distress-tolerance", name=typed[:40])

    html = owner_client.get(address).content.decode()

    assert typed[:40] not in html
    assert "<script>alert(" not in html
    assert 'for="id_technique_' in html
    assert "&lt;script&gt;alert(&quot;chip&quot;)&lt;/script&gt;" in html


def test_each_family_is_headed_in_the_readers_language_one_after_the_other(owner):
    # The headings are drawn once per process and language (journal/skills/chips.py).
    english = sign_in(Client(), make_user("reads-english", language="en"))
    spanish = sign_in(Client(), make_user("reads-spanish", language="es"))

    first = english.get("/journal/").content.decode()
    second = spanish.get("/journal/").content.decode()

    heading = (
        '<p class="technique-family small mb-1" id="id_technique_distress-tolerance">'
    )
    assert f"{heading}Distress tolerance</p>" in first
    assert f"{heading}Tolerancia al malestar</p>" in second
