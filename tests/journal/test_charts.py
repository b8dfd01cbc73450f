"""The progress charts' geometry: pure numbers in, shapes out, no database."""

import datetime

import pytest
from django.utils import translation

from core.skills import all_skills
from journal import charts, stats

D = datetime.date
TODAY = D(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    ("first_day", "expected"),
    [
        (D(2026, 11, 20), 1),  # started this week
        (D(2026, 11, 4), 3),  # the week before last
        (D(2026, 9, 1), 12),  # long ago: the last 12 weeks
    ],
)
def test_the_bar_chart_starts_at_the_first_entrys_week(first_day, expected):
    assert charts.weeks_to_show(first_day, TODAY, "monday") == expected


def test_the_bar_chart_counts_weeks_from_the_chosen_week_start():
    # Sunday 15 November starts a Sunday week; Monday 16 starts the next Monday one.
    assert charts.weeks_to_show(D(2026, 11, 15), TODAY, "sunday") == 1
    assert charts.weeks_to_show(D(2026, 11, 15), TODAY, "monday") == 2


def test_a_journal_without_entries_shows_twelve_empty_weeks():
    assert charts.weeks_to_show(None, TODAY, "monday") == 12


def weeks_of(count):
    skills = [skill.slug for skill in all_skills()]
    rows = [(TODAY, "communication", 2)]
    return stats.weekly_counts(rows, TODAY, "monday", skills, weeks=count)


@pytest.mark.parametrize("width", [charts.PHONE_CHART_WIDTH, charts.WIDE_CHART_WIDTH])
def test_two_weeks_of_bars_spread_over_the_charts_width(width):
    chart = charts.weekly_bar_chart(weeks_of(2), all_skills(), width=width)

    (bar,) = chart.rects
    assert bar.x > width / 2
    assert bar.x + bar.width <= width - charts.RIGHT_SPACE


def test_the_wide_chart_labels_every_week():
    chart = charts.weekly_bar_chart(
        weeks_of(12), all_skills(), width=charts.WIDE_CHART_WIDTH
    )

    assert len(chart.labels) == 12


def test_the_phone_chart_labels_every_other_week_so_labels_never_collide():
    chart = charts.weekly_bar_chart(weeks_of(12), all_skills())

    assert len(chart.labels) == 6


def year_of_days():
    return stats.year_calendar({TODAY: 3}, TODAY, "monday")


def test_the_year_calendar_is_one_continuous_row_of_weeks():
    weeks = year_of_days()

    chart = charts.calendar_chart(weeks)

    rows = {rect.y for rect in chart.rects}
    columns = sorted({rect.x for rect in chart.rects})
    assert len(rows) == 7
    assert len(columns) == len(weeks)
    assert chart.width == (
        charts.WEEKDAY_SPACE
        + len(weeks) * (charts.CELL + charts.CELL_GAP)
        + charts.CALENDAR_RIGHT_SPACE
    )
    assert chart.height == charts.MONTH_LABEL_SPACE + 7 * (
        charts.CELL + charts.CELL_GAP
    )


def test_the_year_calendar_ends_with_today_in_the_last_column():
    chart = charts.calendar_chart(year_of_days())

    newest = max(chart.rects, key=lambda rect: (rect.x, rect.y))
    assert newest.css_class == "heat-3"
    assert newest.title == "Sat 21 Nov 2026: 3 entries"


@pytest.mark.parametrize(
    ("language", "month"), [("en", "Nov"), ("es", "nov")], ids=["en", "es"]
)
def test_the_year_calendars_months_are_written_as_each_language_writes_them(
    language, month
):
    with translation.override(language):
        chart = charts.calendar_chart(year_of_days())

    months = [label.text for label in chart.labels if not label.text[:1].isdigit()]
    assert month in months
