"""When a reminder is due: pure rules, with the time passed in."""

import datetime

import pytest

from reminders.rules import Situation, due_at, is_due

EIGHT_PM = datetime.time(20, 0)


def situation(now, **overrides):
    fields = {
        "now": now,
        "time_zone": "America/Los_Angeles",
        "reminder_time": EIGHT_PM,
        "weekdays": set(range(7)),
        "paused_until": None,
        "logged_today": False,
        "already_sent_today": False,
        "has_channel": True,
    }
    fields.update(overrides)
    return Situation(**fields)


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


# 2026-11-18 20:00 in Los Angeles (UTC-8) is 2026-11-19 04:00 UTC.
AT_EIGHT = utc(2026, 11, 19, 4, 0)


def test_due_at_the_chosen_local_time():
    assert is_due(situation(AT_EIGHT))


def test_not_due_a_minute_before():
    assert not is_due(situation(AT_EIGHT - datetime.timedelta(minutes=1)))


def test_a_late_runner_still_sends_within_two_hours():
    assert is_due(situation(AT_EIGHT + datetime.timedelta(hours=1, minutes=59)))


def test_a_runner_more_than_two_hours_late_skips_the_day():
    assert not is_due(situation(AT_EIGHT + datetime.timedelta(hours=2)))


def test_not_due_once_something_is_logged_today():
    assert not is_due(situation(AT_EIGHT, logged_today=True))


def test_never_twice_a_day():
    assert not is_due(situation(AT_EIGHT, already_sent_today=True))


def test_not_due_on_a_day_not_chosen():
    wednesday = 2  # 2026-11-18 is a Wednesday

    assert not is_due(situation(AT_EIGHT, weekdays=set(range(7)) - {wednesday}))


@pytest.mark.parametrize(
    ("paused_until", "expected"),
    [
        (datetime.date(2026, 11, 17), True),
        (datetime.date(2026, 11, 18), False),
        (datetime.date(2026, 12, 1), False),
    ],
)
def test_paused_through_the_chosen_day(paused_until, expected):
    assert is_due(situation(AT_EIGHT, paused_until=paused_until)) is expected


def test_never_without_a_way_to_reach_the_person():
    assert not is_due(situation(AT_EIGHT, has_channel=False))


def test_follows_the_persons_zone_not_the_servers():
    # 20:00 in Madrid (UTC+1 in November) is 19:00 UTC.
    madrid = situation(utc(2026, 11, 18, 19, 0), time_zone="Europe/Madrid")

    assert is_due(madrid)


@pytest.mark.parametrize(
    ("time_zone", "day", "due_utc"),
    [
        # New York: clocks fall back on 2026-11-01; 20:00 EST is 01:00 UTC next day.
        ("America/New_York", datetime.date(2026, 10, 31), utc(2026, 11, 1, 0, 0)),
        ("America/New_York", datetime.date(2026, 11, 1), utc(2026, 11, 2, 1, 0)),
        # Berlin: clocks go forward on 2026-03-29; 20:00 CEST is 18:00 UTC.
        ("Europe/Berlin", datetime.date(2026, 3, 28), utc(2026, 3, 28, 19, 0)),
        ("Europe/Berlin", datetime.date(2026, 3, 29), utc(2026, 3, 29, 18, 0)),
    ],
)
def test_the_local_time_holds_across_daylight_saving_changes(time_zone, day, due_utc):
    assert due_at(day, EIGHT_PM, time_zone) == due_utc


def test_a_time_skipped_by_the_clocks_counts_as_after_the_change():
    # In Berlin, 02:30 on 2026-03-29 does not exist; it is read as 03:30 CEST.
    due = due_at(datetime.date(2026, 3, 29), datetime.time(2, 30), "Europe/Berlin")

    assert due == utc(2026, 3, 29, 1, 30)


def test_not_due_on_a_rest_day():
    assert not is_due(situation(AT_EIGHT, is_rest_day=True))
