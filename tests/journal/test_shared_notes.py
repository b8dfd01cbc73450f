"""The weekly share page reads its notes as plain values (journal/shared_notes.py
SharedNote), not as Entry models: each draws the same card as the model would."""

import datetime

import pytest
from django.utils import translation

from journal.models import Entry
from journal.shared_notes import read_shared_notes, render_shared_note
from tests.factories import make_entry, make_exercise_entry, make_named_skill, make_user

pytestmark = pytest.mark.django_db

D = datetime.date
DAY = D(2026, 11, 20)


def _own_skill(owner):
    skill = make_named_skill(owner, name='<b>Ice</b> & "cold"')
    return make_entry(owner, named_skill=skill, skill="distress-tolerance")


@pytest.mark.parametrize(
    "make",
    [
        lambda owner: make_entry(owner),
        lambda owner: make_entry(
            owner,
            note="<i>First</i> line\nSecond & last",
            situation="<u>At work</u>",
            distress_before=7,
            distress_after=3,
        ),
        lambda owner: make_entry(owner, distress_after=2),
        lambda owner: make_entry(owner, technique="tipp", skill="distress-tolerance"),
        _own_skill,
        lambda owner: make_exercise_entry(owner),
    ],
    ids=[
        "plain",
        "situation-and-distress",
        "one-rating",
        "built-in",
        "own",
        "exercise",
    ],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_shared_note_read_as_values_draws_the_models_card(make, language):
    owner = make_user()
    entry = make(owner)
    model = Entry.objects.for_display().get(pk=entry.pk)

    (note,) = read_shared_notes(owner.pk, DAY, DAY)

    with translation.override(language):
        assert render_shared_note(note) == render_shared_note(model)


def test_shared_notes_are_the_owners_of_the_span_oldest_first(
    django_assert_num_queries,
):
    owner = make_user()
    make_entry(owner, practiced_on=D(2026, 11, 18), note="later")
    make_entry(owner, practiced_on=D(2026, 11, 16), note="earlier")
    make_entry(owner, practiced_on=D(2026, 11, 23), note="after the span")
    make_entry(make_user(), practiced_on=D(2026, 11, 17), note="someone else's")

    with django_assert_num_queries(1):
        notes = read_shared_notes(owner.pk, D(2026, 11, 16), D(2026, 11, 22))

    assert [note.note for note in notes] == ["earlier", "later"]


def test_an_own_named_skill_is_named_as_on_the_model():
    owner = make_user()
    entry = _own_skill(owner)

    (note,) = read_shared_notes(owner.pk, DAY, DAY)

    assert note.technique_name == entry.technique_name == '<b>Ice</b> & "cold"'
