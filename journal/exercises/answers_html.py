"""A guided exercise's answers on an entry card (journal/cards.py), drawn in Python
as journal/includes/exercise_answers.html drew them: each value escaped by html()."""

from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop

from journal.html import EMPTY, _lines, _word, html, html_join


def render_answers(entry, language: str) -> SafeString:
    """A guided exercise's answers, as journal/includes/exercise_answers.html."""
    shown = entry.exercise_answers
    comparison = EMPTY
    if shown.comparison:
        items = html_join(
            html(
                '    <p class="answer-compare-item mb-0"><span class="answer-compare-'
                'label">{}</span> <span class="answer-compare-value">{}</span></p>\n',
                row.label,
                row.value,
            )
            for row in shown.comparison
        )
        comparison = html('<div class="answer-compare">\n{}  </div>\n  ', items)
    rows = html_join(
        html("<dt>{}</dt><dd>{}</dd>", row.label, _lines(row.value))
        for row in shown.rows
    )
    note = EMPTY
    if not shown.note_is_generated:
        note = html(
            '<p class="entry-note mb-1"><span class="fw-semibold">{}</span> {}</p>',
            _word(gettext_noop("Note:"), language),
            _lines(entry.note),
        )
    return html(
        '<div class="exercise-answers">\n  <p class="exercise-title small mb-1">'
        '{}</p>\n  {}<dl class="answer-list mb-1">\n    {}\n  </dl>\n  {}\n</div>\n',
        shown.exercise.title,
        comparison,
        rows,
        note,
    )
