"""The diary card's days drawn in Python: the card repeats a row's answer for every
row of every day (a shared page of four weeks and nine rows draws 252), and as
templates the days cost twice as much as the rest of the shared page together.

Every piece is made by journal.html.html(), which escapes every value.
"""

import datetime
import functools

from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.formats import get_format
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from journal.addresses import day_url
from journal.html import _, html, html_join, local_date
from journal.models import CardRow

DOT = html(" · ")


def one_decimal(number: float) -> str:
    """A figure already rounded to one decimal (an average), as floatformat(number,
    "-1") writes it in the page's language ("2.5", "2,5"; "3", never "3.0"), at a
    tenth of its cost: progress writes a hundred a visit."""
    text = f"{number:.1f}"
    if text.endswith(".0"):
        return text[:-2]
    return text.replace(".", get_format("DECIMAL_SEPARATOR"))


def _not_rated(language: str) -> SafeString:
    return html(
        '<span aria-hidden="true">–</span><span class="visually-hidden">{}</span>',
        _("not rated", language),
    )


def render_cell(cell) -> SafeString:
    """The value in words a screen reader reads whole; acted-on in words and a
    shape, never colour alone."""
    return _cell(cell.row.is_scale, cell.value, cell.acted, translation.get_language())


# A card's answers are a handful of small numbers and flags, repeated on every row
# of every day: each drawing is made once per process and language (figures and
# our own words only, never a row's name). ``typed``: True is not 1, 2.0 not 2.
@functools.lru_cache(maxsize=1024, typed=True)
def _cell(is_scale: bool, value, acted, language: str) -> SafeString:
    parts = []
    if value is None:
        if acted is None:
            parts.append(_not_rated(language))
    elif value is True:
        parts.append(html("{}", _("yes", language)))
    elif value is False:
        parts.append(html("{}", _("no", language)))
    elif is_scale:
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


def render_summary(summary) -> SafeString:
    """A row over a span in words: "average 2.5 · acted on it on 1 day"."""
    return render_figures(summary, translation.get_language())


def render_figures(summary, language: str) -> SafeString:
    """render_summary() in a language already looked up (progress draws a
    hundred a visit)."""
    return _summary(
        summary.row.kind,
        summary.average,
        summary.answered_days,
        summary.yes_days,
        summary.acted_days,
        language,
    )


@functools.lru_cache(maxsize=1024, typed=True)
def _summary(
    kind: str, average, answered_days: int, yes_days: int, acted_days: int, language
) -> SafeString:
    # ``language`` keys the memo: the words are translated in the active one.
    if not answered_days:
        return _not_rated(language)
    if kind == CardRow.Kind.YES_NO:
        return html(
            "{}",
            ngettext(
                "yes on %(yes)s of %(counter)s day",
                "yes on %(yes)s of %(counter)s days",
                answered_days,
            )
            % {"yes": yes_days, "counter": answered_days},
        )
    parts = []
    if average is not None:
        parts.append(
            _("average %(average)s", language) % {"average": one_decimal(average)}
        )
    if kind == CardRow.Kind.URGE:
        parts.append(
            ngettext(
                "acted on it on %(counter)s day",
                "acted on it on %(counter)s days",
                acted_days,
            )
            % {"counter": acted_days}
        )
    return html("{}", " · ".join(parts))


SUMMARY_LINE = '\n    <tr><th scope="row">{}</th><td>{}</td></tr>\n    '


def render_summaries(card, language: str | None = None) -> SafeString:
    """The averages table's rows, one for each of the person's rows: what the
    template's loop drew, line for line, in one html() call."""
    language = language or translation.get_language()
    values = []
    for summary in card.summaries:
        values += (summary.row.name, render_figures(summary, language))
    return html(SUMMARY_LINE * len(card.summaries), *values)


def render_days(
    card,
    *,
    linked: bool,
    today: datetime.date | None,
    openings: dict | None = None,
    language: str | None = None,
) -> SafeString:
    """The week's days, a list of each day's answered rows: the loop the week, the
    shared page's four weeks and nine rows repeat most (``openings``: a dict the
    page keeps for all its weeks, so each row's name is escaped once a page)."""
    language = language or translation.get_language()
    words = {
        "skills": _("Skills used (0–7)", language),
        "sentence": _("A sentence about the day", language),
        "none": _("No check-in", language),
        "edit": _("Edit", language),
        "check in": _("Check in", language),
    }
    spoken_format = _("l j F", language)
    # Each row's name escaped once, not once a day (it is the person's own word, so
    # never kept past this drawing).
    openings = {} if openings is None else openings
    parts = [
        html(
            '<ol class="week-days card-days list-unstyled" '
            'aria-labelledby="card-rows-{}">',
            card.first_day.strftime("%Y%m%d"),
        )
    ]
    for card_day in card.days:
        lines = _lines(card_day, words, openings, language)
        classes = "week-day"
        if card_day.day == today:
            classes += " is-today"
        if not lines:  # nothing answered, rated or written: not checked in
            classes += " is-empty"
        parts.append(_day_name(card_day.day, classes, spoken_format, language))
        if linked:
            parts.append(
                html(
                    ' <a class="small no-print" href="{}">{}'
                    '<span class="visually-hidden"> {}</span></a>',
                    day_url("journal:check-in-day", card_day.day),
                    words["edit"] if lines else words["check in"],
                    local_date(card_day.day, spoken_format, language),
                )
            )
        parts.append(DAY_NAME_END)
        if lines:
            parts += (LINES_START, *lines, LINES_END)
        else:
            parts.append(_no_check_in(words["none"]))
    parts.append(DAYS_END)
    return html_join(parts)


@functools.lru_cache(maxsize=512)
def _day_name(
    day: datetime.date, classes: str, spoken_format: str, language: str
) -> SafeString:
    # A date and our own classes, drawn once per process and language (the link
    # after it, when there is one, and DAY_NAME_END close it).
    return html(
        '<li class="{}"><p class="week-day-name"><span aria-hidden="true">{}'
        '</span><span class="visually-hidden">{}</span>',
        classes,
        local_date(day, "D j", language),
        local_date(day, spoken_format, language),
    )


DAY_NAME_END = html("</p>")
LINE_END = html("</dd></div>")
LINES_START = html('<dl class="week-day-lines">')
LINES_END = html("</dl></li>")
DAYS_END = html("</ol>")


def _lines(card_day, words: dict, openings: dict, language: str) -> list[SafeString]:
    """A day's answered rows as pieces of its list; none when the day has no
    check-in (CardDay.is_checked_in)."""
    lines = []
    for row, value, acted in card_day.cells:
        if value is None and acted is None:  # Cell.is_answered
            continue
        known = openings.get(id(row))
        if known is None:
            opening = html(
                '<div class="week-day-line card-line"><dt>{}</dt><dd>', row.name
            )
            known = openings[id(row)] = (opening, row.is_scale)
        lines += (known[0], _cell(known[1], value, acted, language), LINE_END)
    if card_day.skills_rating is not None:
        lines.append(_skills_line(words["skills"], card_day.skills_rating))
    if card_day.sentence:
        lines.append(
            html(
                '<div class="week-day-line card-line card-sentence">'
                '<dt class="visually-hidden">{}</dt><dd>{}</dd></div>',
                words["sentence"],
                card_day.sentence,
            )
        )
    return lines


@functools.lru_cache(maxsize=64)
def _skills_line(label: str, rating: int) -> SafeString:
    # Our own words and a figure (0–7): drawn once per process and language.
    return html(
        '<div class="week-day-line card-line"><dt>{}</dt><dd>{}</dd></div>',
        label,
        rating,
    )


@functools.lru_cache(maxsize=8)
def _no_check_in(word: str) -> SafeString:
    # Our own words only: drawn once per process and language.
    return html(
        '<p class="mb-0"><span class="week-day-none" aria-hidden="true">–</span>'
        '<span class="visually-hidden">{}</span></p></li>',
        word,
    )
