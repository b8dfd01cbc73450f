"""Geometry for the server-rendered SVG charts (pure: numbers in, shapes out).

Templates only place what is computed here, so they hold no arithmetic, and the charts
need no script and no style attributes (fills come from CSS classes).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.skills import SkillInfo
from journal import stats

# Sized to fit a 360 px phone whole (the SVG scales to its column), axis included.
BAR_CHART_HEIGHT = 150
BAR_WIDTH = 18
BAR_GAP = 8
AXIS_SPACE = 24
TOP_SPACE = 10
LABEL_SPACE = 22


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css_class: str
    title: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    rects: list[Rect]
    labels: list[Label]
    gridlines: list[Label]


def weekly_bar_chart(weeks: list[stats.WeekBar], skills: list[SkillInfo]) -> Chart:
    """Stacked bars: one per week, one segment per skill."""
    highest = max((week.total for week in weeks), default=0)
    scale_top = max(highest, 4)
    unit = BAR_CHART_HEIGHT / scale_top
    rects, labels = [], []
    for position, week in enumerate(weeks):
        x = AXIS_SPACE + position * (BAR_WIDTH + BAR_GAP)
        y = TOP_SPACE + BAR_CHART_HEIGHT
        week_label = date_format(week.first_day, _("j M"))
        for skill, count in zip(skills, week.counts, strict=True):
            if not count:
                continue
            height = count * unit
            y -= height
            rects.append(
                Rect(
                    x,
                    round(y, 2),
                    BAR_WIDTH,
                    round(height, 2),
                    f"fill-{skill.slug}",
                    ngettext(
                        "Week of %(week)s: %(count)d %(skill)s entry",
                        "Week of %(week)s: %(count)d %(skill)s entries",
                        count,
                    )
                    % {"week": week_label, "count": count, "skill": skill.name},
                )
            )
        # Every other week is labelled, newest included, so labels never collide.
        if (len(weeks) - 1 - position) % 2 == 0:
            labels.append(
                Label(x + BAR_WIDTH / 2, TOP_SPACE + BAR_CHART_HEIGHT + 16, week_label)
            )
    gridlines = [
        Label(
            AXIS_SPACE - 6,
            round(TOP_SPACE + BAR_CHART_HEIGHT - value * unit, 2),
            str(value),
        )
        for value in (0, scale_top // 2, scale_top)
    ]
    # Room on the right for the newest week's label, centred under its bar.
    width = AXIS_SPACE + len(weeks) * (BAR_WIDTH + BAR_GAP) + 16
    height = TOP_SPACE + BAR_CHART_HEIGHT + LABEL_SPACE
    return Chart(width, height, rects, labels, gridlines)


CELL = 12
CELL_GAP = 3
MONTH_LABEL_SPACE = 16


WEEKDAY_SPACE = 26
# On a phone the year comes in two halves, one above the other, so it fits unclipped.
HALF_YEAR_WEEKS = 27


def calendar_chart(
    weeks: list[list[stats.CalendarDay | None]], *, bands: int = 1
) -> Chart:
    """The year calendar: weeks as columns, days as rows, shaded by entries.

    With ``bands=2`` the weeks are split into two stacked halves (for a phone). Rows
    are labelled with their weekdays, every other one, on the left of each band.
    """
    rects, labels = [], []
    per_band = HALF_YEAR_WEEKS if bands == 2 else max(len(weeks), 1)
    band_height = MONTH_LABEL_SPACE + 7 * (CELL + CELL_GAP) + 6
    first_week = next((week for week in weeks if None not in week), weeks[0])
    for band, start in enumerate(range(0, len(weeks), per_band)):
        top = band * band_height
        for row in (0, 2, 4, 6):
            day = first_week[row]
            if day is not None:
                labels.append(
                    Label(
                        0,
                        top + MONTH_LABEL_SPACE + row * (CELL + CELL_GAP) + CELL - 2,
                        date_format(day.day, "D"),
                    )
                )
        previous_month, last_label_x = None, None
        for column, week in enumerate(weeks[start : start + per_band]):
            x = WEEKDAY_SPACE + column * (CELL + CELL_GAP)
            first = next(day for day in week if day is not None)
            # A month's label needs room: skip it when the previous one is too close.
            has_room = last_label_x is None or x - last_label_x >= 3 * (CELL + CELL_GAP)
            if first.day.month != previous_month and has_room:
                labels.append(
                    Label(x, top + MONTH_LABEL_SPACE - 5, date_format(first.day, "M"))
                )
                previous_month, last_label_x = first.day.month, x
            for row, day in enumerate(week):
                if day is None:
                    continue
                rects.append(
                    Rect(
                        x,
                        top + MONTH_LABEL_SPACE + row * (CELL + CELL_GAP),
                        CELL,
                        CELL,
                        f"heat-{day.level}" + (" rest-day" if day.is_rest else ""),
                        _describe_day(day.day, day.count, day.is_rest),
                    )
                )
    columns = min(per_band, len(weeks))
    band_count = -(-len(weeks) // per_band) if weeks else 1
    width = WEEKDAY_SPACE + columns * (CELL + CELL_GAP)
    height = band_count * band_height
    return Chart(width, height, rects, labels, [])


def _describe_day(day: datetime.date, count: int, is_rest: bool = False) -> str:
    when = date_format(day, _("D j M Y"))
    if not count and is_rest:
        return _("%(day)s: rest day") % {"day": when}
    if not count:
        return _("%(day)s: no entries") % {"day": when}
    return ngettext("%(day)s: %(count)d entry", "%(day)s: %(count)d entries", count) % {
        "day": when,
        "count": count,
    }
