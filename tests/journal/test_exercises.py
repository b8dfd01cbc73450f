"""Guided exercises as a person uses them: saved as entries, shown, edited, carried."""

import csv
import datetime
import io
import json
import re
import uuid

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from pypdf import PdfReader

from journal import reports, week_reports
from journal.exercises import definitions
from journal.exercises.definitions import Kind, Stage
from journal.models import Entry
from tests.factories import make_exercise_entry, make_share_link

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 11, 20, 18, 0, tzinfo=datetime.UTC)
TODAY = "2026-11-20"

# A whole, valid answer sheet for each exercise saved in one go.
VALID = {
    "cognitive-restructuring": {
        "situation": "Team meeting",
        "thought": "They think I am useless",
        "feeling": "ashamed",
        "feeling_before": "8",
        "evidence_for": "My manager frowned",
        "evidence_against": "I was thanked last week",
        "balanced_thought": "One frown is not a verdict on me",
        "feeling_after": "4",
    },
    "emotional-regulation": {
        "feeling": "anxious",
        "body": "Tight chest",
        "strength_before": "7",
        "action": "Named it and slowed my breathing",
        "strength_after": "3",
    },
    "distress-tolerance": {
        "urge": "Wanted to send an angry text",
        "strength_before": "9",
        "coping": ["breathing", "cold"],
        "strength_after": "5",
    },
    "communication": {
        "want": "One evening a week to myself",
        "words": "I feel worn out when every evening is planned. I would like Fridays.",
    },
}
KEYS = {
    "cognitive-restructuring": "thought-record",
    "emotional-regulation": "name-the-feeling",
    "distress-tolerance": "ride-the-wave",
    "communication": "conversation-plan",
}
BEFORE_AFTER = {
    "cognitive-restructuring": (8, 4),
    "emotional-regulation": (7, 3),
    "distress-tolerance": (9, 5),
    "communication": (None, None),
}
SKILLS = list(VALID)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def url(skill: str) -> str:
    return f"/journal/exercises/{skill}/"


def form_uuid(html: str) -> str:
    return re.search(r'name="uuid" value="([0-9a-f-]+)"', html).group(1)


def post_exercise(client, skill, **changes):
    data = {
        **VALID[skill],
        "practiced_on": TODAY,
        "uuid": form_uuid(client.get(url(skill)).content.decode()),
    }
    data.update(changes)
    return client.post(url(skill), {k: v for k, v in data.items() if v is not None})


def error_of(response, field: str) -> str:
    """The message beside a field: crispy's for a text box, a group's for options."""
    html = response.content.decode()
    found = re.search(
        rf'id="error_\d+_id_{field}"[^>]*>\s*<strong>(.*?)</strong>', html
    ) or re.search(rf'id="id_{field}_error"[^>]*>\s*<p[^>]*>(.*?)</p>', html)
    return found.group(1) if found else ""


def group_of(html: str, field: str) -> str:
    """The HTML of the fieldset that asks one scale or choice question."""
    start = html.index(f'name="{field}"')
    opening = html.rindex("<fieldset", 0, start)
    return html[opening : html.index("</fieldset>", start)]


def radio_values(html: str, field: str) -> list[str]:
    return re.findall(rf'type="radio"[^>]*name="{field}"[^>]*value="([^"]*)"', html)


# --- the four views: owner, visitor, method, unknown --------------------------------


@pytest.mark.parametrize("skill", [*SKILLS, "behavioral-activation"])
def test_the_owner_sees_the_exercise_questions(owner_client, skill):
    response = owner_client.get(url(skill))

    html = response.content.decode()
    assert response.status_code == 200
    for question in definitions.for_skill(skill).questions_for(Stage.NOW, Stage.PLAN):
        assert f'name="{question.key}"' in html
    assert "In crisis?" in html


NUMBERS = [str(value) for value in range(11)]
SCALES = [
    (skill, question)
    for skill in [*SKILLS, "behavioral-activation"]
    for question in definitions.for_skill(skill).questions_for(Stage.NOW, Stage.PLAN)
    if question.kind == Kind.SCALE
]


@pytest.mark.parametrize(
    ("skill", "question"), SCALES, ids=[f"{s}-{q.key}" for s, q in SCALES]
)
def test_every_exercise_scale_is_a_row_of_taps_from_0_to_10(
    owner_client, skill, question
):
    html = owner_client.get(url(skill)).content.decode()

    expected = NUMBERS if question.is_required else ["", *NUMBERS]
    assert radio_values(html, question.key) == expected
    assert "aria-describedby" in group_of(html, question.key)


@pytest.mark.parametrize("skill", [*SKILLS, "behavioral-activation"])
def test_no_exercise_asks_for_a_typed_number(owner_client, skill):
    html = owner_client.get(url(skill)).content.decode()

    assert 'type="number"' not in html


def test_a_tapped_zero_is_kept_as_the_number_zero(owner_client, owner):
    post_exercise(owner_client, "emotional-regulation", strength_after="0")

    entry = Entry.objects.get(owner=owner)
    assert entry.answers["strength_after"] == 0
    assert entry.distress_after == 0


def test_an_optional_scale_left_on_not_rated_is_not_an_answer(owner_client, owner):
    post_exercise(owner_client, "emotional-regulation", strength_after="")

    entry = Entry.objects.get(owner=owner)
    assert "strength_after" not in entry.answers
    assert entry.distress_after is None


@pytest.mark.parametrize("skill", SKILLS)
def test_a_visitor_is_sent_to_log_in(client, skill):
    response = client.get(url(skill))

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url(skill)}"


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused(owner_client, method):
    response = getattr(owner_client, method)(url("cognitive-restructuring"))

    assert response.status_code == 405


def test_an_unknown_skill_has_no_exercise(owner_client):
    assert owner_client.get(url("thought-record")).status_code == 404


def test_the_exercise_list_links_to_all_five(owner_client):
    html = owner_client.get("/journal/exercises/").content.decode()

    for skill in [*SKILLS, "behavioral-activation"]:
        assert f'href="{url(skill)}"' in html


# --- saving -------------------------------------------------------------------------


@pytest.mark.parametrize("skill", SKILLS)
def test_an_exercise_is_saved_as_an_entry_of_its_skill(owner_client, owner, skill):
    response = post_exercise(owner_client, skill)

    assert response.status_code == 302
    entry = Entry.objects.get(owner=owner)
    assert entry.skill == skill
    assert entry.exercise == KEYS[skill]
    assert entry.exercise_version == 1
    assert (entry.distress_before, entry.distress_after) == BEFORE_AFTER[skill]
    assert entry.note.strip()
    assert len(entry.note) <= 2000


def test_answers_keep_choice_keys_and_numbers(owner_client, owner):
    post_exercise(owner_client, "distress-tolerance", coping=["cold", "breathing"])

    answers = Entry.objects.get(owner=owner).answers

    assert answers["coping"] == ["breathing", "cold"]
    assert answers["strength_before"] == 9
    assert "Cold water" in Entry.objects.get(owner=owner).note


def test_the_thought_records_situation_fills_the_entrys_situation(owner_client, owner):
    post_exercise(owner_client, "cognitive-restructuring")

    assert Entry.objects.get(owner=owner).situation == "Team meeting"


def test_the_same_form_sent_twice_is_one_entry(owner_client, owner):
    data = {
        **VALID["emotional-regulation"],
        "practiced_on": TODAY,
        "uuid": str(uuid.uuid4()),
    }

    owner_client.post(url("emotional-regulation"), data)
    owner_client.post(url("emotional-regulation"), data)

    assert Entry.objects.filter(owner=owner).count() == 1


@pytest.mark.parametrize("skill", SKILLS)
def test_an_exercise_counts_on_the_week_and_in_progress(owner_client, owner, skill):
    post_exercise(owner_client, skill)

    week = week_reports.load_week_reports(owner, [D(2026, 11, 16)])[0]
    progress = reports.load_progress(owner, D(2026, 11, 20), "monday")

    assert week.card.total == 1
    assert week.days_practised == 1
    assert {row.skill: row.total for row in week.card.rows}[skill] == 1
    strength = {line.skill.slug: line for line in progress.strengths}[skill]
    assert strength.entries == 1
    assert strength.strength > 0


def test_a_distress_exercise_counts_in_the_weeks_distress_figures(owner_client, owner):
    post_exercise(owner_client, "distress-tolerance")

    week = week_reports.load_week_reports(owner, [D(2026, 11, 16)])[0]

    figures = dict(week.distress_by_skill)["Distress tolerance"]
    assert (figures.average_before, figures.average_after) == (9, 5)


# --- bad input: a clear message beside the field, what was typed kept, nothing saved


BAD = [
    ("emotional-regulation", "strength_before", "11", "Use a number from 0 to 10."),
    ("emotional-regulation", "strength_before", "-1", "Use a number from 0 to 10."),
    ("emotional-regulation", "strength_after", "4.5", "Use a whole number, like 4."),
    ("emotional-regulation", "strength_before", "seven", "Use a whole number"),
    ("emotional-regulation", "strength_before", "", "Please answer this one."),
    ("emotional-regulation", "feeling", "furious", "Choose one of the options"),
    ("emotional-regulation", "feeling", "", "Choose one of the options."),
    ("emotional-regulation", "body", "B" * 201, "Please keep this to 200"),
    ("emotional-regulation", "action", "slow\x00breaths", "Something invisible"),
    ("distress-tolerance", "coping", ["breathing", "nap"], "Choose one of the options"),
    ("distress-tolerance", "urge", "U" * 281, "(it has 281 now)"),
    ("distress-tolerance", "urge", "a\x00b", "Something invisible"),
    ("cognitive-restructuring", "thought", "T" * 201, "Please keep this to 200"),
    ("cognitive-restructuring", "feeling_after", "100", "Use a number from 0 to 10."),
    ("cognitive-restructuring", "balanced_thought", "   ", "Please answer this one."),
    ("cognitive-restructuring", "situation", "x\x00", "Something invisible"),
    ("communication", "words", "W" * 501, "Please keep this to 500"),
    ("communication", "want", "", "Please answer this one."),
    ("communication", "practiced_on", "2026-11-21", "hasn&#x27;t happened yet"),
    ("communication", "practiced_on", "1999-12-31", "year 2000 or later"),
    ("communication", "practiced_on", "20/11/2026", "Use a date like"),
]


@pytest.mark.parametrize(("skill", "field", "value", "message"), BAD)
def test_a_bad_answer_is_explained_beside_its_field_and_nothing_is_saved(
    owner_client, owner, skill, field, value, message
):
    response = post_exercise(owner_client, skill, **{field: value})

    assert response.status_code == 200
    assert message in error_of(response, field)
    assert not Entry.objects.exists()


def test_what_was_typed_and_tapped_stays_in_the_form_after_an_error(owner_client):
    response = post_exercise(owner_client, "cognitive-restructuring", situation="")

    html = response.content.decode()
    assert "They think I am useless</textarea>" in html
    assert re.search(r'name="feeling_before"[^>]*value="8" checked', html)


def empty_post(client, skill):
    html = client.get(url(skill)).content.decode()
    return client.post(url(skill), {"uuid": form_uuid(html), "practiced_on": TODAY})


def test_an_empty_coping_group_gets_one_message_and_no_red_options(owner_client):
    response = empty_post(owner_client, "distress-tolerance")

    group = group_of(response.content.decode(), "coping")
    assert group.count("Choose one of the options.") == 1
    assert group.count('class="invalid-feedback') == 1
    assert "is-invalid" not in group


def test_an_empty_required_scale_gets_one_message_and_no_red_numbers(owner_client):
    response = empty_post(owner_client, "distress-tolerance")

    group = group_of(response.content.decode(), "strength_before")
    assert group.count("Please answer this one.") == 1
    assert "is-invalid" not in group


def test_the_something_else_box_is_on_the_page_and_tied_to_its_choice(owner_client):
    html = owner_client.get(url("emotional-regulation")).content.decode()

    # Shown without JavaScript; reveal-other.js hides it until "Something else".
    box = re.search(r'<div id="reveal_id_feeling_other"[^>]*>', html).group(0)
    assert 'data-revealed-by="feeling"' in box
    assert "hidden" not in box
    assert 'data-reveals="feeling_other"' in group_of(html, "feeling")
    assert re.search(r'value="other"[^>]*aria-controls="reveal_id_feeling_other"', html)


@pytest.mark.parametrize("skill", [*SKILLS, "behavioral-activation"])
def test_the_exercise_page_is_in_its_steps_each_under_a_heading(owner_client, skill):
    html = owner_client.get(url(skill)).content.decode()

    steps = definitions.for_skill(skill).steps
    asked = [
        step
        for step in steps
        if any(
            definitions.for_skill(skill).question(k).stage != Stage.AFTER
            for k in step.keys
        )
    ]
    assert html.count("data-step>") == len(asked)
    for number, step in enumerate(asked, start=1):
        assert f"{number} of {len(asked)}</span> {escape(step.title)}</h2>" in html


def test_the_day_is_asked_on_the_last_step(owner_client):
    html = owner_client.get(url("cognitive-restructuring")).content.decode()

    last_step = html[html.rindex("data-step>") :]
    assert 'name="practiced_on"' in last_step
    assert 'name="feeling_after"' in last_step


def test_the_edit_page_shows_the_saved_scales_tapped(owner_client, owner):
    entry = make_exercise_entry(owner)

    html = owner_client.get(f"/journal/entries/{entry.pk}/edit/").content.decode()

    assert radio_values(html, "feeling_before") == NUMBERS
    assert re.search(r'name="feeling_before"[^>]*value="8" checked', html)
    assert 'type="number"' not in html


def test_something_else_needs_a_few_words(owner_client):
    response = post_exercise(owner_client, "emotional-regulation", feeling="other")

    assert "say what" in error_of(response, "feeling_other")
    assert not Entry.objects.exists()


def test_something_else_is_kept_in_the_persons_words(owner_client, owner):
    post_exercise(
        owner_client,
        "emotional-regulation",
        feeling="other",
        feeling_other="Homesick",
    )

    entry = Entry.objects.get(owner=owner)
    assert entry.answers["feeling"] == "other"
    assert entry.answers["feeling_other"] == "Homesick"
    assert "Feeling: Homesick" in entry.note


def test_words_typed_for_something_else_are_dropped_when_it_is_not_chosen(
    owner_client, owner
):
    post_exercise(owner_client, "emotional-regulation", feeling_other="Stray")

    assert "feeling_other" not in Entry.objects.get(owner=owner).answers


def test_a_full_day_is_explained_beside_the_day(owner_client, owner):
    Entry.objects.bulk_create(
        Entry(
            owner=owner, practiced_on=D(2026, 11, 20), skill="communication", note="n"
        )
        for _ in range(100)
    )

    response = post_exercise(owner_client, "communication")

    assert "100 entries" in error_of(response, "practiced_on")
    assert Entry.objects.filter(owner=owner).count() == 100


# --- shown where entries are shown --------------------------------------------------


def test_answers_show_on_todays_card_with_before_and_after(owner_client, owner):
    post_exercise(owner_client, "cognitive-restructuring")

    html = owner_client.get("/journal/").content.decode()

    assert "Thought record" in html
    assert "One frown is not a verdict on me" in html
    assert "8/10" in html and "4/10" in html


def test_the_week_shows_the_answers_in_its_notes(owner_client, owner):
    make_exercise_entry(owner, practiced_on=D(2026, 11, 18))

    html = owner_client.get("/journal/week/2026-11-16/").content.decode()

    assert "A more balanced thought" in html
    assert "One frown is not a verdict on me" in html


def test_the_page_title_never_holds_an_answer(owner_client, owner):
    entry = make_exercise_entry(owner)

    html = owner_client.get(f"/journal/entries/{entry.pk}/edit/").content.decode()

    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert "useless" not in title and "frown" not in title


def test_the_pdf_holds_the_answers(owner_client, owner):
    make_exercise_entry(owner, practiced_on=D(2026, 11, 18))

    response = owner_client.get("/journal/week/2026-11-16/pdf/")

    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Thought record" in text
    assert "One frown is not a verdict on me" in text


def test_the_share_page_shows_answers_only_when_notes_are_shared(client, owner):
    make_exercise_entry(owner, practiced_on=D(2026, 11, 18))
    _link, with_notes = make_share_link(owner, NOW, include_notes=True)
    _link, without_notes = make_share_link(owner, NOW, include_notes=False)

    shared = client.get(with_notes).content.decode()
    figures_only = client.get(without_notes).content.decode()

    assert "One frown is not a verdict on me" in shared
    assert "Thought record" in shared
    assert "One frown" not in figures_only


def test_a_conversation_card_offers_to_add_how_it_went(owner_client, owner):
    entry = make_exercise_entry(
        owner,
        key="conversation-plan",
        answers={"want": "Fridays", "words": "I would like Fridays"},
        practiced_on=D(2026, 11, 20),
    )

    html = owner_client.get("/journal/").content.decode()

    assert "Add “How it went”" in html
    assert f"/journal/entries/{entry.pk}/edit/" in html


# --- editing keeps the structure ----------------------------------------------------


def edit_data(entry, **changes):
    data = {
        **{
            key: value if isinstance(value, list) else str(value)
            for key, value in entry.answers.items()
        },
        "practiced_on": entry.practiced_on.isoformat(),
        "note": entry.note,
    }
    data.update(changes)
    return data


def test_the_edit_page_asks_the_exercise_questions_again(owner_client, owner):
    entry = make_exercise_entry(owner)

    html = owner_client.get(f"/journal/entries/{entry.pk}/edit/").content.decode()

    assert "What thought showed up?" in html
    assert "They think I am useless</textarea>" in html
    assert 'name="skill"' not in html


def test_changed_answers_rebuild_a_note_the_person_never_touched(owner_client, owner):
    entry = make_exercise_entry(owner)

    owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        edit_data(entry, balanced_thought="Frowns happen", feeling_after="2"),
    )

    entry.refresh_from_db()
    assert "A more balanced thought: Frowns happen" in entry.note
    assert entry.answers["balanced_thought"] == "Frowns happen"
    assert entry.distress_after == 2


def test_a_note_the_person_rewrote_is_kept_when_answers_change(owner_client, owner):
    entry = make_exercise_entry(owner, note="My own summary of the meeting")

    owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        edit_data(entry, balanced_thought="Frowns happen"),
    )

    entry.refresh_from_db()
    assert entry.note == "My own summary of the meeting"
    assert entry.answers["balanced_thought"] == "Frowns happen"


def test_a_note_rewritten_in_the_same_edit_is_kept(owner_client, owner):
    entry = make_exercise_entry(owner)

    owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        edit_data(entry, balanced_thought="Frowns happen", note="Rewritten now"),
    )

    entry.refresh_from_db()
    assert entry.note == "Rewritten now"


def test_a_bad_edit_changes_nothing(owner_client, owner):
    entry = make_exercise_entry(owner)
    before = (entry.note, entry.answers)

    response = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/", edit_data(entry, feeling_before="11")
    )

    entry.refresh_from_db()
    assert "Use a number from 0 to 10." in error_of(response, "feeling_before")
    assert (entry.note, entry.answers) == before


def test_how_it_went_can_be_added_later(owner_client, owner):
    entry = make_exercise_entry(
        owner,
        key="conversation-plan",
        answers={"want": "Fridays", "words": "I would like Fridays"},
    )

    owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        edit_data(entry, how_it_went="She said yes"),
    )

    entry.refresh_from_db()
    assert entry.answers["how_it_went"] == "She said yes"
    assert "How it went: She said yes" in entry.note


# --- export and import --------------------------------------------------------------


def export(client) -> dict:
    return json.loads(client.get("/accounts/export/json/").content)


def import_document(client, document):
    return client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
    )


@pytest.mark.parametrize("skill", SKILLS)
def test_answers_make_a_json_round_trip(owner_client, owner, skill):
    post_exercise(owner_client, skill)
    before = Entry.objects.get(owner=owner)
    document = export(owner_client)
    Entry.objects.all().delete()

    response = import_document(owner_client, document)

    assert response.status_code == 302
    after = Entry.objects.get(owner=owner)
    assert document["version"] >= 3  # answers arrived in version 3
    assert document["entries"][0]["exercise"]["key"] == KEYS[skill]
    assert (after.exercise, after.exercise_version, after.answers, after.note) == (
        before.exercise,
        before.exercise_version,
        before.answers,
        before.note,
    )
    assert (after.distress_before, after.distress_after) == BEFORE_AFTER[skill]


def test_a_version_2_file_without_exercises_still_imports(owner_client, owner):
    document = {
        "format": "between-sessions-export",
        "version": 2,
        "entries": [
            {
                "uuid": str(uuid.uuid4()),
                "practiced_on": "2026-11-18",
                "skill": "communication",
                "note": "Asked for Fridays",
            }
        ],
        "reflections": [],
        "rest_days": [],
    }

    response = import_document(owner_client, document)

    assert response.status_code == 302
    assert Entry.objects.get(owner=owner).exercise == ""


def thought_record_file(**exercise_changes) -> dict:
    exercise = {
        "key": "thought-record",
        "version": 1,
        "answers": {
            "situation": "Bus",
            "thought": "Late again",
            "feeling": "Worried",
            "feeling_before": 6,
            "balanced_thought": "Buses are late for everyone",
        },
    }
    exercise.update(exercise_changes)
    return {
        "format": "between-sessions-export",
        "version": 3,
        "entries": [
            {
                "uuid": str(uuid.uuid4()),
                "practiced_on": "2026-11-18",
                "skill": "cognitive-restructuring",
                "note": "Bus thoughts",
                "exercise": exercise,
            }
        ],
    }


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"key": "no-such-exercise"}, "exercise is not one we know"),
        ({"version": 7}, "exercise is not one we know"),
        ({"version": [1]}, "exercise is not one we know"),
        ({"answers": "a string"}, "answers is not an object"),
        ({"answers": {"thought": "x", "secret": "y"}}, "does not ask: secret"),
        ({"answers": {"feeling_before": 11}}, "feeling_before: Use a number"),
        ({"answers": {"thought": "T" * 201}}, "thought: Please keep this to 200"),
        ({"answers": {"thought": "a\x00b"}}, "thought: Something invisible"),
        ({"answers": {"thought": {"nested": 1}}}, "thought is not text"),
        ({"key": "name-the-feeling"}, "belongs to another skill"),
    ],
)
def test_an_import_with_bad_answers_is_refused_whole(
    owner_client, owner, changes, message
):
    document = thought_record_file(**changes)
    if "answers" in changes and isinstance(changes["answers"], dict):
        base = thought_record_file()["entries"][0]["exercise"]["answers"]
        if "secret" not in changes["answers"]:
            document["entries"][0]["exercise"]["answers"] = {
                **base,
                **changes["answers"],
            }

    response = import_document(owner_client, document)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Entry.objects.exists()


def test_an_emotion_choice_not_on_the_list_is_refused(owner_client):
    document = thought_record_file(
        key="name-the-feeling",
        answers={"feeling": "furious", "strength_before": 5, "action": "Walked"},
    )
    document["entries"][0]["skill"] = "emotional-regulation"

    response = import_document(owner_client, document)

    assert "feeling: Choose one of the options" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_csv_carries_the_answers_as_json(owner_client, owner):
    make_exercise_entry(owner)

    content = b"".join(owner_client.get("/accounts/export/csv/").streaming_content)

    header, row = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    cell = json.loads(row[header.index("exercise")])
    assert cell["key"] == "thought-record"
    assert cell["answers"]["feeling_before"] == 8


def bad_values(question) -> list[tuple[object, str]]:
    """Values a person (or a script) could send that this question must refuse."""
    match question.kind:
        case Kind.TEXT | Kind.LONG_TEXT:
            return [
                ("x" * (question.max_length + 1), "Please keep this to"),
                ("a\x00b", "Something invisible"),
            ]
        case Kind.SCALE:
            return [("11", "from 0 to 10"), ("-1", "from 0 to 10"), ("5.5", "whole")]
        case Kind.CHOICE:
            return [("not-on-the-list", "Choose one of the options")]
        case Kind.CHOICES:
            return [(["not-on-the-list"], "Choose one of the options")]
    return []


EVERY_FIELD = [
    (skill, question.key, value, message)
    for skill in SKILLS
    for question in definitions.for_skill(skill).questions
    for value, message in bad_values(question)
]


@pytest.mark.parametrize(("skill", "field", "value", "message"), EVERY_FIELD)
def test_every_field_of_every_exercise_refuses_a_bad_value(
    owner_client, skill, field, value, message
):
    changes = {field: value}
    question = definitions.for_skill(skill).question(field)
    if question.completes:
        # Its words are only asked for (and checked) with "Something else" chosen.
        parent = definitions.for_skill(skill).question(question.completes)
        changes[parent.key] = ["other"] if parent.kind == Kind.CHOICES else "other"

    response = post_exercise(owner_client, skill, **changes)

    assert response.status_code == 200
    assert message in error_of(response, field)
    assert not Entry.objects.exists()
