"""Geometry for the server-rendered SVG charts (pure: numbers in, shapes out).

Templates only place what is computed here, so they hold no arithmetic, and the charts
need no script and no style attributes (fills come from CSS classes).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from core.skills import SkillInfo
from journal import stats

# Two drawings of the same weeks: a phone's (drawn 352 wide, scaled to its column)
# and a desktop's, drawn about as wide as the page's column so it fills it at 1:1.
PHONE_CHART_WIDTH = 352
WIDE_CHART_WIDTH = 1080
BAR_CHART_HEIGHT = 150
WIDE_BAR_CHART_HEIGHT = 200
MOST_BAR_WIDTH = 48
AXIS_SPACE = 24
TOP_SPACE = 10
LABEL_SPACE = 24
# The newest week's label is centred under its bar: room for its other half.
RIGHT_SPACE = 16
# A label is about 32 units wide at 12 px: narrower slots label every other week.
LABEL_ROOM = 40
MOST_WEEKS = 12


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


def weeks_to_show(
    first_day: datetime.date | None,
    today: datetime.date,
    week_start: str | int,
    most: int = MOST_WEEKS,
) -> int:
    """How many weeks the bar chart shows: from the first entry's week to this one,
    at most ``most`` (a new person sees their own weeks, not ten empty ones)."""
    if first_day is None:
        return most
    current = stats.first_day_of_week(today, week_start)
    first = stats.first_day_of_week(min(first_day, today), week_start)
    return max(1, min(most, (current - first).days // 7 + 1))


def weekly_bar_chart(
    weeks: list[stats.WeekBar],
    skills: list[SkillInfo],
    *,
    width: float = PHONE_CHART_WIDTH,
    bar_height: float = BAR_CHART_HEIGHT,
) -> Chart:
    """Stacked bars: one per week, one segment per skill, spread over ``width``."""
    highest = max((week.total for week in weeks), default=0)
    scale_top = max(highest, 4)
    unit = bar_height / scale_top
    slot = (width - AXIS_SPACE - RIGHT_SPACE) / max(len(weeks), 1)
    bar_width = round(min(slot * 0.7, MOST_BAR_WIDTH), 2)
    label_every = 1 if slot >= LABEL_ROOM else 2
    rects, labels = [], []
    for position, week in enumerate(weeks):
        x = round(AXIS_SPACE + position * slot + (slot - bar_width) / 2, 2)
        y = TOP_SPACE + bar_height
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
                    bar_width,
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
        # The newest week is always labelled; narrow slots skip every other one.
        if (len(weeks) - 1 - position) % label_every == 0:
            labels.append(
                Label(
                    round(x + bar_width / 2, 2),
                    TOP_SPACE + bar_height + 17,
                    week_label,
                )
            )
    gridlines = [
        Label(
            AXIS_SPACE - 6,
            round(TOP_SPACE + bar_height - value * unit, 2),
            str(value),
        )
        for value in (0, scale_top // 2, scale_top)
    ]
    height = TOP_SPACE + bar_height + LABEL_SPACE
    return Chart(width, height, rects, labels, gridlines)


# The year in one continuous row of weeks, drawn to fill a desktop column at about
# 1:1; a phone scrolls it inside its own box (the page itself never scrolls sideways).
CELL = 16
CELL_GAP = 4
MONTH_LABEL_SPACE = 18
WEEKDAY_SPACE = 34
# The newest month's label starts at the last column: room for it to end.
CALENDAR_RIGHT_SPACE = 24


def calendar_chart(weeks: list[list[stats.CalendarDay | None]]) -> Chart:
    """The year calendar: weeks as columns, days as rows, shaded by entries.

    Rows are labelled with their weekdays, every other one, on the left; months
    are labelled above the week they begin in.
    """
    rects, labels = [], []
    first_week = next((week for week in weeks if None not in week), weeks[0])
    for row in (0, 2, 4, 6):
        day = first_week[row]
        if day is not None:
            labels.append(
                Label(
                    0,
                    MONTH_LABEL_SPACE + row * (CELL + CELL_GAP) + CELL - 3,
                    date_format(day.day, "D"),
                )
            )
    previous_month, last_label_x = None, None
    for column, week in enumerate(weeks):
        x = WEEKDAY_SPACE + column * (CELL + CELL_GAP)
        first = next(day for day in week if day is not None)
        # A month's label needs room: skip it when the previous one is too close.
        has_room = last_label_x is None or x - last_label_x >= 3 * (CELL + CELL_GAP)
        if first.day.month != previous_month and has_room:
            labels.append(
                Label(
                    x,
                    MONTH_LABEL_SPACE - 5,
                    date_format(first.day, pgettext("calendar month label", "M")),
                )
            )
            previous_month, last_label_x = first.day.month, x
        for row, day in enumerate(week):
            if day is None:
                continue
            rects.append(
                Rect(
                    x,
                    MONTH_LABEL_SPACE + row * (CELL + CELL_GAP),
                    CELL,
                    CELL,
                    f"heat-{day.level}" + (" rest-day" if day.is_rest else ""),
                    _describe_day(day.day, day.count, day.is_rest),
                )
            )
    width = WEEKDAY_SPACE + len(weeks) * (CELL + CELL_GAP) + CALENDAR_RIGHT_SPACE
    height = MONTH_LABEL_SPACE + 7 * (CELL + CELL_GAP)
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


# A diary-card row on progress: a bar a week, the newest on the right, always twelve
# slots wide so every row's chart lines up with the next.
ROW_CHART_SLOT = 20
ROW_CHART_HEIGHT = 48
# A week rated 0 is a real answer: a thin bar, where a week not rated draws none.
ZERO_BAR = 1.5


ROW_CHART_WIDTH = MOST_WEEKS * ROW_CHART_SLOT
ROW_CHART_FULL_HEIGHT = TOP_SPACE + ROW_CHART_HEIGHT + 2
ROW_BAR_WIDTH = ROW_CHART_SLOT * 0.6
# The chart's two gridlines, at the top and at 0: the same for every row.
ROW_CHART_GRIDLINES = (TOP_SPACE, TOP_SPACE + ROW_CHART_HEIGHT)


def row_week_bar(slot: int, value: float, top: float) -> tuple[float, float, float]:
    """One week's bar of a card row's chart as (x, y, height), in its ``slot``
    (0-11), from 0 to ``top``."""
    unit = ROW_CHART_HEIGHT / max(top, 1)
    height = max(min(value, top) * unit, ZERO_BAR)
    return (
        round(slot * ROW_CHART_SLOT + 4, 2),
        round(TOP_SPACE + ROW_CHART_HEIGHT - height, 2),
        round(height, 2),
    )
