"""The five exercises' definitions and the note built from answers: no database."""

import pytest
from django.utils import translation

from core.skills import Skill
from journal.exercises import definitions
from journal.exercises.answers import (
    NOTE_MAX_LENGTH,
    build_note,
    is_generated_note,
    shown_answers,
)
from journal.exercises.definitions import OTHER, Kind

EXERCISES = list(definitions.EXERCISES.values())
IDS = [exercise.key for exercise in EXERCISES]


class Stored:
    """What an entry holds, without the database."""

    def __init__(self, exercise, answers, note=None):
        self.exercise = exercise.key
        self.exercise_version = exercise.version
        self.answers = answers
        self.note = build_note(exercise, answers) if note is None else note


def longest_answers(exercise) -> dict:
    """The longest answers the form accepts: every cap full, every choice picked."""
    answers = {}
    for question in exercise.questions:
        match question.kind:
            case Kind.TEXT | Kind.LONG_TEXT:
                answers[question.key] = "W" * question.max_length
            case Kind.SCALE:
                answers[question.key] = 10
            case Kind.CHOICE:
                answers[question.key] = max(
                    (c.key for c in question.choices),
                    key=lambda key: len(question.choice_label(key)),
                )
            case Kind.CHOICES:
                answers[question.key] = [c.key for c in question.choices]
            case Kind.DATE:
                answers[question.key] = "2026-12-31"
            case Kind.TIME:
                answers[question.key] = "23:59"
    return answers


def test_every_skill_has_exactly_one_exercise():
    assert {exercise.skill for exercise in EXERCISES} == set(Skill)


def test_exercise_keys_are_unique_and_every_version_is_findable():
    assert len(set(IDS)) == len(IDS)
    for exercise in EXERCISES:
        assert definitions.find(exercise.key, exercise.version) is exercise


def test_an_unknown_version_or_key_is_not_found():
    assert definitions.find("thought-record", 99) is None
    assert definitions.find("no-such-exercise", 1) is None


def test_a_skill_slug_finds_its_exercise_and_anything_else_finds_nothing():
    assert definitions.for_skill("cognitive-restructuring").key == "thought-record"
    assert definitions.for_skill("thought-record") is None
    assert definitions.for_skill("") is None


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_question_keys_are_unique_and_named_fields_are_real_questions(exercise):
    keys = [question.key for question in exercise.questions]

    assert len(set(keys)) == len(keys)
    for key in (exercise.before, exercise.after, *(exercise.compare or ())):
        if key is not None:
            assert exercise.question(key).kind == Kind.SCALE
    if exercise.situation:
        assert exercise.question(exercise.situation).max_length <= 280


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_every_question_is_in_exactly_one_step_in_the_questions_order(exercise):
    in_steps = [key for step in exercise.steps for key in step.keys]

    assert in_steps == [question.key for question in exercise.questions]


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_a_something_else_box_shares_the_step_of_its_choice(exercise):
    for step in exercise.steps:
        for key in step.keys:
            if exercise.question(key).other_key:
                assert exercise.question(key).other_key in step.keys


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_every_text_answer_has_a_length_cap(exercise):
    for question in exercise.questions:
        if question.kind in (Kind.TEXT, Kind.LONG_TEXT):
            assert question.max_length


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_an_other_choice_always_has_its_text_question(exercise):
    for question in exercise.questions:
        if OTHER in question.choice_keys:
            assert question.other_key
            assert exercise.question(question.other_key).completes == question.key


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_longest_answers_still_make_a_note_that_fits(exercise, language):
    with translation.override(language):
        note = build_note(exercise, longest_answers(exercise))

    assert len(note) <= NOTE_MAX_LENGTH


def test_the_note_shows_labels_while_the_answers_keep_keys():
    exercise = definitions.NAME_THE_FEELING
    answers = {"feeling": "anxious", "strength_before": 7, "action": "Slow breaths"}

    note = build_note(exercise, answers)

    assert "Anxious or afraid" in note
    assert "7/10" in note
    assert "anxious" not in note.split("\n")[0].split(": ")[0]


def test_other_shows_what_the_person_typed():
    exercise = definitions.RIDE_THE_WAVE
    answers = {
        "urge": "To leave",
        "strength_before": 6,
        "coping": ["breathing", OTHER],
        "coping_other": "Stroked the cat",
    }

    note = build_note(exercise, answers)

    assert "Slow breathing, out longer than in, Stroked the cat" in note
    assert "Something else" not in note


def test_a_note_is_recognised_as_built_from_its_answers():
    exercise = definitions.THOUGHT_RECORD
    answers = {"situation": "Bus", "thought": "Late again", "feeling": "Worried"}

    assert is_generated_note(exercise, answers, build_note(exercise, answers))
    assert not is_generated_note(exercise, answers, "My own words")


def test_shown_answers_put_expected_and_actual_side_by_side():
    exercise = definitions.ACTIVITY_PLAN
    answers = {
        "activity": "Walk",
        "planned_on": "2026-11-20",
        "expected": 3,
        "actual": 7,
        "achievement": 6,
    }

    shown = shown_answers(Stored(exercise, answers))

    assert [(row.label, row.value) for row in shown.comparison] == [
        ("Expected to feel", "3/10"),
        ("Actually felt", "7/10"),
    ]
    assert "Expected to feel" not in [row.label for row in shown.rows]
    assert shown.note_is_generated


def test_shown_answers_keep_a_note_the_person_rewrote():
    shown = shown_answers(
        Stored(definitions.THOUGHT_RECORD, {"thought": "Late"}, note="Mine")
    )

    assert not shown.note_is_generated
    assert shown.comparison is None


def test_the_conversation_asks_how_it_went_until_it_is_answered():
    exercise = definitions.CONVERSATION_PLAN
    planned = {"want": "A day off", "words": "I would like Friday off"}

    assert shown_answers(Stored(exercise, planned)).follow_up.key == "how_it_went"
    assert (
        shown_answers(Stored(exercise, {**planned, "how_it_went": "Yes"})).follow_up
        is None
    )


def test_answers_of_an_unknown_version_are_not_shown_as_an_exercise():
    entry = Stored(definitions.THOUGHT_RECORD, {"thought": "x"})
    entry.exercise_version = 99

    assert shown_answers(entry) is None


def test_an_ordinary_entry_has_no_answers_to_show():
    entry = Stored(definitions.THOUGHT_RECORD, {})
    entry.exercise = ""

    assert shown_answers(entry) is None


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "What does not support it"), ("es", "Lo que no lo respalda")],
)
def test_the_thought_records_evidence_against_reads_whole_where_the_therapist_reads_it(
    language, label
):
    exercise = definitions.EXERCISES[Skill.COGNITIVE_RESTRUCTURING]
    question = next(q for q in exercise.questions if q.key == "evidence_against")

    with translation.override(language):
        assert str(question.short) == label


def _labelled_plainly(exercise, answers) -> list[tuple[str, str]]:
    # Each shown question's label and value as the question itself words them.
    rows = []
    for question in exercise.questions:
        value = answers.get(question.key)
        if question.completes or value in (None, "", []):
            continue
        other = answers.get(question.other_key) if question.other_key else ""

        def label(key, question=question, other=other):
            return other if key == OTHER and other else question.choice_label(key)

        match question.kind:
            case Kind.SCALE:
                value = f"{value}/10"
            case Kind.CHOICE:
                value = label(value)
            case Kind.CHOICES:
                value = ", ".join(label(key) for key in value)
            case Kind.DATE | Kind.TIME:
                continue  # formatted by Django, not from the exercise's words
        rows.append((str(question.short), value))
    return rows


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_answers_are_worded_in_each_language_as_the_page_changes_it(exercise):
    """The exercise's words are looked up once per language (answers._words):
    each page still reads its own language's, as the questions word them."""
    answers = longest_answers(exercise)
    worded = {}

    for language in ["es", "en", "es"]:
        with translation.override(language):
            shown = shown_answers(Stored(exercise, answers))
            rows = [*(shown.comparison or ()), *shown.rows]
            worded[language] = {(row.label, row.value) for row in rows}

            assert set(_labelled_plainly(exercise, answers)) <= worded[language]

    assert worded["es"] != worded["en"]
