"""My diary card on progress: each row over the last 12 weeks, week by week.

Read on every visit, outside the kept page: the names and values are the person's
own words. One query however long the history (the rows and the digest of the
newest check-ins together: digest.rows_and_recent_days); every figure is worked
out here, since the values are encrypted.

Rows hidden from progress never show. A paused row shows while it has answers in
these weeks (its history is kept), marked as paused; with none it is left out.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from itertools import chain
from math import fsum

from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from journal import charts, stats
from journal.addresses import day_url
from journal.card.cells import one_decimal, render_figures
from journal.card.digest import rows_and_recent_days
from journal.card.progress_html import render_rows
from journal.card.queries import RowSummary, average, shown_rows
from journal.html import _, html, html_join, local_date
from journal.models import CardRow

WEEKS = charts.MOST_WEEKS
# The top of a yes-or-no row's chart: every day of a week answered yes.
DAYS_IN_WEEK = 7
SCALE_TOP = 5

# A chart's pieces, filled in by html() (every value escaped). One call a chart
# and one a table: nine rows of twelve weeks were 250 calls a visit.
SVG_START = (
    '<svg class="card-progress-chart" viewBox="0 0 {} {}" width="{}" '
    'height="{}" aria-hidden="true" focusable="false">'
)
SVG_LINE = '<line class="gridline" x1="0" x2="{}" y1="{}" y2="{}"></line>'
# What every row's chart has the same (its size, its two gridlines) is drawn
# once, and so are its bars' class and width: only where each bar is is filled in.
SVG_HEAD = html(
    SVG_START + SVG_LINE * len(charts.ROW_CHART_GRIDLINES),
    charts.ROW_CHART_WIDTH,
    charts.ROW_CHART_FULL_HEIGHT,
    charts.ROW_CHART_WIDTH,
    charts.ROW_CHART_FULL_HEIGHT,
    *chain.from_iterable(
        (charts.ROW_CHART_WIDTH, y, y) for y in charts.ROW_CHART_GRIDLINES
    ),
)
SVG_BAR = (
    f'<rect class="card-bar" x="{{}}" y="{{}}" width="{charts.ROW_BAR_WIDTH}" '
    'height="{}"></rect>'
)
TABLE_LINE = '<tr><th scope="row">{}</th><td>{}</td></tr>\n'


@functools.lru_cache(maxsize=2048, typed=True)
def _bar(slot: int, value: float, top: float) -> SafeString:
    """One week's bar of a row's chart, in its place and at its height: numbers
    only, drawn once per process (nine rows of twelve bars a visit)."""
    return html(SVG_BAR, *charts.row_week_bar(slot, value, top))


def tally_weeks(
    days: list[list], row_of_key: list[int | None], start: int, rows: int
) -> tuple[list[list], set[int]]:
    """Each shown row's tally in each of the twelve weeks, and the weeks with a
    check-in, in one pass over the packed days (pure; digest.py packs them).

    ``row_of_key`` gives each packed key's row (None: a row not shown); ``start``
    is the first day's ordinal. A tally is ``[numbers, answered days, yes days,
    acted days]`` (the numbers never a yes or a no), None for a week the row was
    not answered. A day counts as a check-in with the skills rating or any answer
    of a row shown. Counted here rather than collected and counted again: progress
    counts several hundred answers a visit.
    """
    tallies: list[list] = [[None] * WEEKS for _row in range(rows)]
    checked = set()
    for ordinal, is_checked, flat in days:
        week = (ordinal - start) // DAYS_IN_WEEK
        for place in range(0, len(flat), 3):
            index = row_of_key[flat[place]]
            if index is None:
                continue
            value, acted = flat[place + 1], flat[place + 2]
            if value is None and acted is None:
                continue
            is_checked = True
            tally = tallies[index][week]
            if tally is None:
                tally = tallies[index][week] = [[], 0, 0, 0]
            tally[1] += 1
            if value is True:
                tally[2] += 1
            elif value is not None and value is not False:
                tally[0].append(value)
            if acted is True:
                tally[3] += 1
        if is_checked:
            checked.add(week)
    return tallies, checked


def _summary(
    row: CardRow, numbers: list, answered_days: int, yes_days: int, acted_days: int
) -> RowSummary:
    return RowSummary(
        row,
        round(average(numbers), 1) if numbers else None,
        answered_days,
        yes_days,
        acted_days,
    )


def weekly_figures(row: CardRow, tallies: list[list | None]) -> tuple[RowSummary, list]:
    """A row's figures over all the weeks given, and in each of them, from its
    weeks' tallies (pure). Each week's average is worked out here, not by
    _summary: a hundred weeks a visit."""
    every_number = []
    answered_days = yes_days = acted_days = 0
    not_answered = RowSummary(row, None, 0, 0, 0)
    each_week = []
    for tally in tallies:
        if tally is None:
            each_week.append(not_answered)
            continue
        numbers, answered, yes, acted = tally
        each_week.append(
            RowSummary(
                row,
                round(fsum(numbers) / len(numbers), 1) if numbers else None,
                answered,
                yes,
                acted,
            )
        )
        every_number += numbers
        answered_days += answered
        yes_days += yes
        acted_days += acted
    if not answered_days:
        return not_answered, each_week
    total = _summary(row, every_number, answered_days, yes_days, acted_days)
    return total, each_week


@dataclass(frozen=True)
class RowProgress:
    """One row over the twelve weeks: in words, week by week, and as a chart."""

    summary: RowSummary
    # Each week shown, oldest first: the row's figures that week.
    weeks: list[RowSummary]
    # Each week's "Week of" cell: a link to that week, made once for every row.
    heads: list[SafeString]

    @property
    def row(self) -> CardRow:
        return self.summary.row

    @property
    def bars(self) -> list[float | None]:
        """Each week's bar: the days answered yes, or the average (None: not rated)."""
        if self.row.kind == CardRow.Kind.YES_NO:
            return [
                week.yes_days if week.answered_days else None for week in self.weeks
            ]
        return [week.average if week.answered_days else None for week in self.weeks]

    @property
    def top(self) -> float:
        """The top of the chart's scale: a week of yeses, 5, or the largest bar."""
        if self.row.kind == CardRow.Kind.YES_NO:
            return DAYS_IN_WEEK
        if self.row.is_scale:
            return SCALE_TOP
        return max((bar for bar in self.bars if bar is not None), default=1)

    @property
    def svg(self) -> SafeString:
        """The chart, hidden from screen readers (the words and the table say the
        same). Drawn here, not in a template: nine rows of a dozen bars each cost a
        template a quarter of the page. Numbers as str() writes them ("4.0")."""
        top = self.top
        first_slot = WEEKS - len(self.weeks)
        return html(
            "{}{}</svg>",
            SVG_HEAD,
            html_join(
                _bar(first_slot + position, value, top)
                for position, value in enumerate(self.bars)
                if value is not None
            ),
        )

    @property
    def table_rows(self) -> SafeString:
        """The table's weeks, a line each: the week, then the row that week in
        words (drawn here: twelve lines of nine rows cost a template a third of
        the page)."""
        language = translation.get_language()
        return html(
            TABLE_LINE * len(self.weeks),
            *chain.from_iterable(
                (head, render_figures(week, language))
                for head, week in zip(self.heads, self.weeks, strict=True)
            ),
        )

    @property
    def sentence(self) -> str:
        """The twelve weeks in words: "Average 2.5 over the 30 days you rated it"."""
        summary = self.summary
        days = summary.answered_days
        if not days:
            return gettext("Not rated in these weeks.")
        if self.row.kind == CardRow.Kind.YES_NO:
            return ngettext(
                "Yes on %(yes)d of the %(count)d day you answered.",
                "Yes on %(yes)d of the %(count)d days you answered.",
                days,
            ) % {"yes": summary.yes_days, "count": days}
        parts = []
        if summary.average is not None:
            parts.append(
                ngettext(
                    "Average %(average)s on the %(count)d day you rated it.",
                    "Average %(average)s over the %(count)d days you rated it.",
                    days,
                )
                % {"average": one_decimal(summary.average), "count": days}
            )
        if self.row.is_urge:
            parts.append(
                ngettext(
                    "Acted on it on %(count)d day.",
                    "Acted on it on %(count)d days.",
                    summary.acted_days,
                )
                % {"count": summary.acted_days}
            )
        return " ".join(parts)


@dataclass(frozen=True)
class CardProgress:
    rows: list[RowProgress]
    # The first week shown: the first with a check-in, at most twelve weeks back.
    first_day: datetime.date | None

    @property
    def has_check_ins(self) -> bool:
        return self.first_day is not None

    @property
    def rows_html(self) -> SafeString:
        """Each row as the page shows it (drawn in Python: progress_html)."""
        return render_rows(self)


def card_progress(
    user, today: datetime.date, week_start: str | int
) -> CardProgress | None:
    """The person's rows over the last 12 weeks; None without a card to show."""
    first_day = stats.first_day_of_week(today, week_start) - datetime.timedelta(
        weeks=WEEKS - 1
    )
    # One query: the rows and the digest of the newest check-ins (digest.py), which
    # holds only what is read here. Of each day only the answers it holds are
    # looked at: each row's, week by week.
    found, keys, days = rows_and_recent_days(user, first_day, today)
    # A paused row shows while it has an answer in these weeks.
    answered = {keys[index] for _day, _skills, flat in days for index in flat[::3]}
    rows = shown_rows(found, [dict.fromkeys(answered, True)])
    if not rows:
        return None
    positions = {str(row.uuid): index for index, row in enumerate(rows)}
    tallies, checked = tally_weeks(
        days,
        [positions.get(key) for key in keys],
        first_day.toordinal(),
        len(rows),
    )
    # Weeks before the first check-in are left out: a new card is not twelve blanks.
    if not checked:
        return CardProgress([], None)
    first_week = min(checked)
    starts = [
        first_day + datetime.timedelta(weeks=number)
        for number in range(first_week, WEEKS)
    ]
    heads = _week_heads(starts)
    return CardProgress(
        [
            RowProgress(*weekly_figures(row, weeks[first_week:]), heads)
            for row, weeks in zip(rows, tallies, strict=True)
        ],
        starts[0],
    )


def _week_heads(starts: list[datetime.date]) -> list[SafeString]:
    """Each week's link, in the language's date format."""
    language, prefix = translation.get_language(), get_script_prefix()
    return [_week_head(start, language, prefix) for start in starts]


@functools.lru_cache(maxsize=512)
def _week_head(start: datetime.date, language: str, prefix: str) -> SafeString:
    # ``language`` and ``prefix`` key the memo: the date is written in the active
    # language, the address under the active script prefix. A week's first day
    # and its address only: every row's table has the same twelve.
    return html(
        '<a href="{}">{}</a>',
        day_url("journal:week", start),
        local_date(start, _("j M Y", language), language),
    )
