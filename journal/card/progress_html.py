"""My diary card on progress, written in Python: each row's heading, sentence,
chart and table of weeks (as a template's loop, nine rows cost progress a tenth
of its time; the section around them stays in the template).

The person's own words and values: drawn on every visit, never kept. Every piece
is made by journal.html.html(), which escapes every value (a row's name is the
person's own): tests/journal/test_card_escaping.py checks it. No streak, score or
warning colour on any row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import translation
from django.utils.safestring import SafeString

from journal.html import _, html, html_join

if TYPE_CHECKING:
    from journal.card.progress import CardProgress, RowProgress

# A row answered in these weeks: its chart, then its weeks as a table.
ANSWERED = (
    "\n      {}\n"
    '      <details class="mt-1">\n'
    "        <summary>{}</summary>\n"
    '        <div class="table-scroll" tabindex="0" role="region" '
    'aria-labelledby="card-progress-caption-{}">\n'
    '          <table class="table table-sm">\n'
    '            <caption id="card-progress-caption-{}">{}</caption>\n'
    '            <thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr>'
    "</thead>\n"
    "            <tbody>\n"
    "              {}\n"
    "            </tbody>\n"
    "          </table>\n"
    "        </div>\n"
    "      </details>\n      "
)


def _row(line: RowProgress, language: str) -> SafeString:
    row = line.row
    paused = (
        html(
            ' <span class="badge text-bg-light fw-normal">{}</span>',
            _("paused", language),
        )
        if row.is_paused
        else html("")
    )
    answered = html("")
    if line.summary.answered_days:
        answered = html(
            ANSWERED,
            line.svg,
            _("Show these weeks as a table", language),
            row.pk,
            row.pk,
            _("%(name)s, week by week", language) % {"name": row.name},
            _("Week of", language),
            _("That week", language),
            line.table_rows,
        )
    return html(
        '\n    <li class="card-progress-row">\n'
        '      <h3 class="h6 mb-1" id="card-progress-{}">{}{}</h3>\n'
        '      <p class="mb-1">{}</p>\n      {}\n    </li>\n    ',
        row.pk,
        row.name,
        paused,
        line.sentence,
        answered,
    )


def render_rows(card: CardProgress) -> SafeString:
    """Each row of the card, one list item each, as the template's loop drew them."""
    language = translation.get_language()
    return html_join(_row(line, language) for line in card.rows)
