"""My diary card on progress: each row over the last 12 weeks, week by week.

Read on every visit, outside the kept page: the names and values are the person's
own words. One query however long the history (the rows and the twelve weeks'
check-ins together: queries.rows_and_check_ins); every figure is worked out here,
since the values are encrypted.

Rows hidden from progress never show. A paused row shows while it has answers in
these weeks (its history is kept), marked as paused; with none it is left out.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from journal import charts, stats
from journal.card.cells import one_decimal, render_summary
from journal.card.queries import CardDay, CardSpan, RowSummary
from journal.cards import _, html, html_join, local_date
from journal.models import CardRow

WEEKS = charts.MOST_WEEKS
# The top of a yes-or-no row's chart: every day of a week answered yes.
DAYS_IN_WEEK = 7
SCALE_TOP = 5


@dataclass(frozen=True)
class RowWeek:
    """One row over one week: what its table line and its bar show."""

    first_day: datetime.date
    summary: RowSummary
    # The table's "Week of" cell: a link to that week, drawn once per week for
    # every row (nine rows of twelve weeks were 108 URLs and dates a visit).
    head: SafeString

    @property
    def bar(self) -> float | None:
        """The bar's height: the days answered yes, or the average (None: not rated)."""
        if not self.summary.answered_days:
            return None
        if self.summary.row.kind == CardRow.Kind.YES_NO:
            return self.summary.yes_days
        return self.summary.average


@dataclass(frozen=True)
class RowProgress:
    """One row over the twelve weeks: in words, week by week, and as a chart."""

    summary: RowSummary
    weeks: list[RowWeek]

    @property
    def row(self) -> CardRow:
        return self.summary.row

    @property
    def chart(self) -> charts.Chart:
        bars = [week.bar for week in self.weeks]
        if self.row.kind == CardRow.Kind.YES_NO:
            top = DAYS_IN_WEEK
        elif self.row.is_scale:
            top = SCALE_TOP
        else:
            top = max((bar for bar in bars if bar is not None), default=1)
        return charts.row_weeks_chart(bars, top)

    @property
    def svg(self) -> SafeString:
        """The chart, hidden from screen readers (the words and the table say the
        same). Drawn here, not in a template: nine rows of a dozen bars each cost a
        template a quarter of the page. Numbers as str() writes them ("4.0")."""
        chart = self.chart
        lines = html_join(
            html(
                '<line class="gridline" x1="0" x2="{}" y1="{}" y2="{}"></line>',
                chart.width,
                grid.y,
                grid.y,
            )
            for grid in chart.gridlines
        )
        rects = html_join(
            html(
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
                rect.css_class,
                rect.x,
                rect.y,
                rect.width,
                rect.height,
            )
            for rect in chart.rects
        )
        return html(
            '<svg class="card-progress-chart" viewBox="0 0 {} {}" width="{}" '
            'height="{}" aria-hidden="true" focusable="false">{}{}</svg>',
            chart.width,
            chart.height,
            chart.width,
            chart.height,
            lines,
            rects,
        )

    @property
    def table_rows(self) -> SafeString:
        """The table's weeks, a line each: the week, then the row that week in
        words (drawn here: twelve lines of nine rows cost a template a third of
        the page)."""
        return html_join(
            html(
                '<tr><th scope="row">{}</th><td>{}</td></tr>\n',
                week.head,
                render_summary(week.summary),
            )
            for week in self.weeks
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


def _weeks(span: CardSpan, first_day: datetime.date, today: datetime.date):
    """Each week's days up to today, from ``first_day``."""
    weeks = []
    for number in range(WEEKS):
        start = first_day + datetime.timedelta(weeks=number)
        days = [span.day(day) for day in stats.days_of_week(start) if day <= today]
        weeks.append((start, days))
    return weeks


def card_progress(
    user, today: datetime.date, week_start: str | int
) -> CardProgress | None:
    """The person's rows over the last 12 weeks; None without a card to show."""
    first_day = stats.first_day_of_week(today, week_start) - datetime.timedelta(
        weeks=WEEKS - 1
    )
    # Progress shows no day's sentence: left unread.
    span = CardSpan(user, first_day, today, sentences=False)
    if not span.rows:
        return None
    weeks = _weeks(span, first_day, today)
    # Weeks before the first check-in are left out: a new card is not twelve blanks.
    checked = [n for n, (_start, days) in enumerate(weeks) if _any_check_in(days)]
    if not checked:
        return CardProgress([], None)
    weeks = weeks[checked[0] :]
    every_day = [day for _start, days in weeks for day in days]
    by_week = [span.summaries(days) for _start, days in weeks]
    heads = [_week_head(start) for start, _days in weeks]
    rows = [
        RowProgress(
            summary,
            [
                RowWeek(start, summaries[index], head)
                for (start, _days), summaries, head in zip(
                    weeks, by_week, heads, strict=True
                )
            ],
        )
        for index, summary in enumerate(span.summaries(every_day))
    ]
    return CardProgress(rows, weeks[0][0])


def _week_head(first_day: datetime.date) -> SafeString:
    return html(
        '<a href="{}">{}</a>',
        reverse("journal:week", args=[first_day]),
        local_date(first_day, _("j M Y")),
    )


def _any_check_in(days: list[CardDay]) -> bool:
    return any(day.is_checked_in for day in days)
