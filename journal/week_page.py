"""The week page's own loops, drawn in Python: its notes day by day.

As a template the seven days of notes cost the page more than the cards in them:
each day's heading, its "and more" line and a fresh look-up of the cards' options
(the zone, the stars, the CSRF token). Here the options are worked out once and
our words once per language. Every value goes through journal.html.html(), which
escapes it; tests/journal/test_week_page.py draws each piece both ways (the old
template and this) and compares them.
"""

from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from journal.addresses import fixed_url
from journal.cards import render_entry_card_lists
from journal.html import EMPTY, _, html, html_join, local_date, sentence

DAY = (
    '\n    <h3 class="h6 mt-3">{}</h3>\n    <div class="entry-list">\n      {}\n'
    "    </div>\n    {}\n    "
)


def render_week_notes(
    notes_by_day, *, is_current_week: bool, language: str, **options
) -> SafeString:
    """Each day's heading and cards, and a line for the notes not shown
    (``options``: the cards', as journal.cards.render_entry_cards takes them)."""
    if not notes_by_day:
        return _no_notes(is_current_week, language)
    day_format = _("l j F", language)
    cards = render_entry_card_lists(
        [group.entries for group in notes_by_day], **options
    )
    return html_join(
        html(
            DAY,
            local_date(group.day, day_format, language),
            cards[index],
            _more(group) if group.more else EMPTY,
        )
        for index, group in enumerate(notes_by_day)
    )


def _more(group) -> SafeString:
    said = ngettext(
        'And %(counter)s more that day: <a href="%(history_url)s?from=%(day)s&amp;'
        'to=%(day)s">see them all in your history</a>.',
        'And %(counter)s more that day: <a href="%(history_url)s?from=%(day)s&amp;'
        'to=%(day)s">see them all in your history</a>.',
        group.more,
    )
    return html(
        '<p class="small">{}</p>',
        sentence(
            said,
            counter=group.more,
            history_url=fixed_url("journal:entry-list"),
            day=group.day.isoformat(),
        ),
    )


def _no_notes(is_current_week: bool, language: str) -> SafeString:
    log = EMPTY
    if is_current_week:
        log = html(
            ' <a class="no-print" href="{}">{}</a>',
            fixed_url("journal:today"),
            _("Log a skill on Today.", language),
        )
    return html("\n    <p>{}{}</p>\n    ", _("No notes this week yet.", language), log)
