"""The therapist's read-only pages draw entries here: no times, no actions.

Built from the card's pieces (journal/cards.py), with the same escaping: every
value passes through ``html()``. The weekly share page reads its notes here too,
as plain values (SharedNote), not as models.
"""

import datetime
import functools
from dataclasses import dataclass
from functools import cached_property
from types import SimpleNamespace

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop, ngettext

from core.prepared import PreparedRead
from journal.cards import _body, _skill_label, _technique
from journal.exercises.answers import ShownAnswers, shown_answers
from journal.html import EMPTY, NEWLINE, _, _lines, _word, html, html_join, local_date
from journal.models import Entry
from journal.models.entries import technique_label


@dataclass
class SharedNote:
    """An entry as the weekly share page reads it: what its card shows, less the
    times and the "helped" rating, as plain values. A month of notes made as
    Entry models cost more than drawing their cards; render_shared_note() reads
    the same attributes of either."""

    practiced_on: datetime.date
    skill: str
    note: str
    situation: str
    distress_before: int | None
    distress_after: int | None
    technique: str
    named_skill_id: int | None
    named_skill_name: str | None
    exercise: str
    exercise_version: int | None
    answers: dict | None

    @property
    def technique_name(self) -> str:
        """As Entry.technique_name: the own named skill's, or the built-in one's."""
        if self.named_skill_id is not None:
            return self.named_skill_name
        return technique_label(self.technique)

    @cached_property
    def exercise_answers(self) -> ShownAnswers | None:
        """As Entry.exercise_answers (in the language of the page drawing it)."""
        return shown_answers(self)


# A span's entries for the weekly share page, oldest first, in SharedNote's order
# (the named skill's name through the join, decrypted as the model would).
_SHARED_NOTES = PreparedRead(
    lambda owner_id, first, last: (
        Entry.objects.for_user(owner_id)
        .filter(practiced_on__range=(first, last))
        .order_by("practiced_on", "created_at")
        .values_list(
            "practiced_on",
            "skill",
            "note",
            "situation",
            "distress_before",
            "distress_after",
            "technique",
            "named_skill_id",
            "named_skill__name",
            "exercise",
            "exercise_version",
            "answers",
        )
    ),
    1,
    datetime.date(2000, 1, 1),
    datetime.date(2000, 1, 8),
)


def read_shared_notes(owner_id: int, first, last) -> list[SharedNote]:
    """The owner's entries between two days, oldest first, as the weekly share page
    shows them: one query."""
    return [SharedNote(*row) for row in _SHARED_NOTES(owner_id, first, last)]


# A note's card: an exercise's, a note's without and with its situation.
CARD_START = (
    '<div class="entry-card mb-2">\n    <p class="fw-semibold mb-1">{}</p>\n    '
)
NOTE_END = '<p class="mb-0">{}</p>{}\n  </div>'
EXERCISE_CARD = CARD_START + "{}\n  </div>"
NOTE_CARDS = {
    False: CARD_START + NOTE_END,
    True: CARD_START + '<p class="entry-situation mb-1">{}</p>\n    ' + NOTE_END,
}


def render_shared_note(
    entry: Entry | SharedNote, language: str | None = None
) -> SafeString:
    """An entry as the therapist's read-only page shows it: no times, no actions."""
    language = language or translation.get_language()
    if entry.named_skill_id is not None:
        # The person's own named skill: their words, drawn on every view.
        heading = html("{}{}", _skill_label(entry.skill, language), _technique(entry))
    else:
        heading = _heading(entry.skill, entry.technique, language)
    if entry.exercise_answers:
        return html(EXERCISE_CARD, heading, _body(entry, language))
    # One html() for the card and its note (a page shows dozens): the situation
    # in the card's template when there is one, the distress as a piece, a note of
    # one line as the plain value.
    distress = EMPTY
    before, after = entry.distress_before, entry.distress_after
    if before is not None or after is not None:
        distress = _distress(before, after, language)
    note = str(entry.note)
    if "\n" in note or "\r" in note:
        note = _lines(note)
    if entry.situation:
        return html(NOTE_CARDS[True], heading, entry.situation, note, distress)
    return html(NOTE_CARDS[False], heading, note, distress)


@functools.lru_cache(maxsize=512)
def _distress(before: int | None, after: int | None, language: str) -> SafeString:
    """The ratings' line, drawn once per process and language: two numbers and
    our own word, never a word of the entry."""
    return html(
        '\n    <p class="small text-body-secondary mb-0">{}: {} → {}</p>',
        _word(gettext_noop("Distress"), language),
        "–" if before is None else before,
        "–" if after is None else after,
    )


@functools.lru_cache(maxsize=512)
def _day_heading(day: datetime.date, level: int, language: str) -> SafeString:
    # A date in our own words, drawn once per process and language.
    return html(
        '<h{} class="h6 mt-2">{}</h{}>\n',
        level,
        local_date(day, _("l j F", language), language),
        level,
    )


@functools.lru_cache(maxsize=256)
def _heading(skill: str, technique: str, language: str) -> SafeString:
    """The skill and a built-in named skill after it, drawn once per process and
    language: our own words (journal/skills/builtin.py), never a person's (their
    own named skills are drawn on every view). ``language`` only keys the memo."""
    built_in = SimpleNamespace(technique_name=technique_label(technique))
    return html("{}{}", _skill_label(skill, language), _technique(built_in))


def render_shared_notes(
    groups, *, level: int = 4, language: str | None = None
) -> SafeString:
    """Notes on either kind of share page, by day (reports.DayNotes), or "none";
    each day a heading of ``level``."""
    language = language or translation.get_language()
    if not groups:
        return html("<p>{}</p>", _("No notes this week.", language))
    parts = []
    for group in groups:
        parts.append(_day_heading(group.day, level, language))
        for entry in group.entries:
            parts += (render_shared_note(entry, language), NEWLINE)
        if group.more:
            more = ngettext(
                "And %(counter)s more entry that day, not shown here.",
                "And %(counter)s more entries that day, not shown here.",
                group.more,
            ) % {"counter": group.more}
            parts.append(html('<p class="small">{}</p>\n', more))
    return html_join(parts)
