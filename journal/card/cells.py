"""One row's answer on a day, drawn in Python: the diary card repeats it for every
row of every day (a shared page of four weeks and nine rows draws 252), and as an
included template each one cost as much as the rest of the page together.

Every piece is made by journal.cards.html(), which escapes every value.
"""

from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.safestring import SafeString

from journal.cards import _, html, html_join

DOT = html(" · ")


def render_cell(cell) -> SafeString:
    """The value in words a screen reader reads whole; acted-on in words and a
    shape, never colour alone."""
    language = translation.get_language()
    value, acted = cell.value, cell.acted
    parts = []
    if value is None:
        if acted is None:
            parts.append(
                html(
                    '<span aria-hidden="true">–</span>'
                    '<span class="visually-hidden">{}</span>',
                    _("not rated", language),
                )
            )
    elif value is True:
        parts.append(html("{}", _("yes", language)))
    elif value is False:
        parts.append(html("{}", _("no", language)))
    elif cell.row.is_scale:
        parts.append(
            html(
                '<span class="card-value">{}</span>'
                '<span class="visually-hidden"> {}</span>',
                value,
                _("of 5", language),
            )
        )
    else:
        parts.append(
            html('<span class="card-value">{}</span>', str(floatformat(value, "-1")))
        )
    if acted is True:
        if value is not None:
            parts.append(DOT)
        parts.append(
            html(
                '<span class="card-acted"><span class="card-acted-shape" '
                'aria-hidden="true">◆</span> {}</span>',
                _("acted on it", language),
            )
        )
    elif acted is False:
        parts.append(html(" · {}", _("not acted on", language)))
    return html_join(parts)
