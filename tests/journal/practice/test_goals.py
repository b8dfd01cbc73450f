"""A plan's span and goals: pure, no database."""

import datetime

import pytest

from journal.practice import goals

D = datetime.date
WEDNESDAY = D(2026, 11, 25)


def test_a_plan_runs_from_the_last_session_to_the_day_before_the_next():
    span = goals.plan_span(WEDNESDAY, [D(2026, 11, 23), D(2026, 11, 30)])

    assert (span.starts_on, span.ends_on) == (D(2026, 11, 23), D(2026, 11, 29))
    assert span.is_from_session and span.days == 7


def test_a_session_today_starts_the_plan_today():
    span = goals.plan_span(WEDNESDAY, [WEDNESDAY, D(2026, 12, 9)])

    assert (span.starts_on, span.ends_on, span.days) == (WEDNESDAY, D(2026, 12, 8), 14)


def test_without_sessions_a_plan_is_the_iso_week():
    span = goals.plan_span(WEDNESDAY, [])

    assert (span.starts_on, span.ends_on) == (D(2026, 11, 23), D(2026, 11, 29))
    assert not span.is_from_session


def test_with_only_a_session_to_come_the_plan_starts_today():
    span = goals.plan_span(WEDNESDAY, [D(2026, 12, 1)])

    assert (span.starts_on, span.ends_on) == (WEDNESDAY, D(2026, 11, 30))


def test_a_week_follows_the_last_session_when_none_is_set_after_it():
    span = goals.plan_span(WEDNESDAY, [D(2026, 11, 20)])

    assert (span.starts_on, span.ends_on) == (D(2026, 11, 20), D(2026, 11, 26))


def test_a_plan_never_starts_on_a_day_an_earlier_plan_covers():
    span = goals.plan_span(
        WEDNESDAY, [D(2026, 11, 18), D(2026, 11, 30)], not_before=D(2026, 11, 23)
    )

    assert span.starts_on == D(2026, 11, 23)


@pytest.mark.parametrize(
    ("times", "each_day", "days", "goal"),
    [
        (4, False, 7, 4),
        (4, False, 14, 8),
        (3, False, 10, 4),
        (1, False, 3, 1),
        (None, True, 14, 14),
        (None, False, 7, 0),
    ],
)
def test_the_weekly_goal_is_scaled_to_the_span(times, each_day, days, goal):
    assert goals.goal_for(times, each_day, days) == goal


def test_days_to_ask_leave_out_today_practised_days_and_rest_days():
    days = goals.days_to_ask(
        D(2026, 11, 23), WEDNESDAY, practised={D(2026, 11, 23)}, rest_days=set()
    )
    rested = goals.days_to_ask(
        D(2026, 11, 23), WEDNESDAY, practised=set(), rest_days={D(2026, 11, 24)}
    )

    assert days == [D(2026, 11, 24)]
    assert rested == [D(2026, 11, 23)]
