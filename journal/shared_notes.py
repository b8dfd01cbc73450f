"""The therapist's read-only pages draw entries here: no times, no actions.

Built from the card's pieces (journal/cards.py), with the same escaping: every
value passes through ``html()``.
"""

import functools
from types import SimpleNamespace

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop, ngettext

from journal.cards import _body, _skill_label, _technique
from journal.html import EMPTY, NEWLINE, _, _lines, _word, html, html_join, local_date
from journal.models import Entry
from journal.models.entries import technique_label


def render_shared_note(entry: Entry, language: str | None = None) -> SafeString:
    """An entry as the therapist's read-only page shows it: no times, no actions."""
    language = language or translation.get_language()
    technique = (
        _technique(entry)
        if entry.named_skill_id is not None
        else _built_in_technique(entry.technique, language)
    )
    if entry.exercise_answers:
        return html(
            '<div class="entry-card mb-2">\n'
            '    <p class="fw-semibold mb-1">{}{}</p>\n'
            "    {}\n  </div>",
            _skill_label(entry.skill, language),
            technique,
            _body(entry, language),
        )
    # One html() for the card and its note (a page shows dozens): the situation
    # and the distress come as pieces, a note of one line as the plain value.
    situation = distress = EMPTY
    if entry.situation:
        situation = html(
            '<p class="entry-situation mb-1">{}</p>\n    ', entry.situation
        )
    before, after = entry.distress_before, entry.distress_after
    if before is not None or after is not None:
        distress = _distress(before, after, language)
    note = str(entry.note)
    return html(
        '<div class="entry-card mb-2">\n'
        '    <p class="fw-semibold mb-1">{}{}</p>\n'
        '    {}<p class="mb-0">{}</p>{}\n  </div>',
        _skill_label(entry.skill, language),
        technique,
        situation,
        _lines(note) if "\n" in note or "\r" in note else note,
        distress,
    )


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


@functools.lru_cache(maxsize=256)
def _built_in_technique(slug: str, language: str) -> SafeString:
    """A built-in named skill after the skill, drawn once per process and language:
    our own list's name (journal/skills/builtin.py), never a person's words (their
    own named skills are drawn on every view). ``language`` only keys the memo."""
    return _technique(SimpleNamespace(technique_name=technique_label(slug)))


def render_shared_notes(groups, *, level: int = 4) -> SafeString:
    """Notes on either kind of share page, by day (reports.DayNotes), or "none";
    each day a heading of ``level``."""
    language = translation.get_language()
    if not groups:
        return html("<p>{}</p>", _("No notes this week.", language))
    day_format = _("l j F", language)
    parts = []
    for group in groups:
        parts.append(
            html(
                '<h{} class="h6 mt-2">{}</h{}>\n',
                level,
                local_date(group.day, day_format, language),
                level,
            )
        )
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
