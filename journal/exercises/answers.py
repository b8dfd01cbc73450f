"""Stored answers: turned into the entry's note, and into rows a person can read.

Works on anything with ``exercise``, ``exercise_version``, ``answers`` and ``note``
(an Entry, or a row read for a report), so it never imports the models.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from journal.exercises.definitions import OTHER, Exercise, Kind, Question, find

NOTE_MAX_LENGTH = 2000


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class ShownAnswers:
    exercise: Exercise
    rows: tuple[Row, ...]
    # (before, after) scales shown side by side; None when either is missing.
    comparison: tuple[Row, Row] | None
    # The note was built from these answers and never changed by the person, so
    # showing it beside the rows would say everything twice.
    note_is_generated: bool
    # A question meant to be answered later ("How did it go?"), still unanswered.
    follow_up: Question | None = None


@dataclass(frozen=True)
class _Words:
    """An exercise's own words in one language."""

    shorts: dict[str, str]  # each question's short label, by its key
    choices: dict[tuple[str, str], str]  # each choice's label, by (question, choice)
    scale: str  # "%(value)d/10"


# Looked up once per process and language: our own words, never an answer. A page
# of exercises asked gettext for each on every entry, and each lookup cost more
# than the row it labelled.
_WORDS: dict[tuple[str, int, str], _Words] = {}


def _words(exercise: Exercise, language: str) -> _Words:
    """The exercise's words in ``language``, the active one."""
    key = (exercise.key, exercise.version, language)
    words = _WORDS.get(key)
    if words is None:
        questions = exercise.questions
        words = _WORDS[key] = _Words(
            shorts={question.key: str(question.short) for question in questions},
            choices={
                (question.key, choice.key): str(choice.label)
                for question in questions
                for choice in question.choices
            },
            scale=_("%(value)d/10"),
        )
    return words


def _value(question: Question, answers: dict, words: _Words) -> str:
    value = answers.get(question.key)
    if value in (None, "", []):
        return ""
    other = answers.get(question.other_key, "") if question.other_key else ""
    match question.kind:
        case Kind.SCALE:
            return words.scale % {"value": value}
        case Kind.CHOICE:
            if value == OTHER and other:
                return other
            return words.choices.get((question.key, value), value)
        case Kind.CHOICES:
            labels = [
                other
                if key == OTHER and other
                else words.choices.get((question.key, key), key)
                for key in value
            ]
            return ", ".join(labels)
        case Kind.DATE:
            return formats.date_format(datetime.date.fromisoformat(value))
        case _:
            return str(value)


def _rows(exercise: Exercise, answers: dict) -> list[tuple[Question, Row]]:
    words = _words(exercise, translation.get_language())
    rows = []
    for question in exercise.questions:
        if question.completes:
            continue  # shown within the choice it completes
        value = _value(question, answers, words)
        if value:
            rows.append((question, Row(words.shorts[question.key], value)))
    return rows


def _note(rows: list[tuple[Question, Row]]) -> str:
    return "\n".join(f"{row.label}: {row.value}" for _q, row in rows)


def build_note(exercise: Exercise, answers: dict) -> str:
    """The entry's note, written from the answers in the active language."""
    return _note(_rows(exercise, answers))


def is_generated_note(
    exercise: Exercise, answers: dict, note: str, rows: list | None = None
) -> bool:
    """Whether the note is exactly what the answers build, in any of our languages.

    The page's own language first, without switching (and from ``rows``, when the
    caller already has them in it): most notes were written in it, and a page of
    them would otherwise switch language twice for each.
    """
    if rows is None:
        rows = _rows(exercise, answers)
    if _note(rows) == note:
        return True
    current = translation.get_language()
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        with translation.override(code):
            if build_note(exercise, answers) == note:
                return True
    return False


def shown_answers(entry) -> ShownAnswers | None:
    """An entry's answers, ready for a card, the week, the PDF or the share page."""
    if not entry.exercise or not entry.answers:
        return None
    exercise = find(entry.exercise, entry.exercise_version)
    if exercise is None:
        return None
    rows = _rows(exercise, entry.answers)
    comparison = None
    if exercise.compare:
        pair = [row for question, row in rows if question.key in exercise.compare]
        if len(pair) == 2:
            comparison = (pair[0], pair[1])
    return ShownAnswers(
        exercise=exercise,
        rows=tuple(
            row
            for question, row in rows
            if comparison is None or question.key not in exercise.compare
        ),
        comparison=comparison,
        note_is_generated=is_generated_note(exercise, entry.answers, entry.note, rows),
        follow_up=next(
            (
                question
                for question in exercise.questions
                if question.is_follow_up and question.key not in entry.answers
            ),
            None,
        ),
    )
