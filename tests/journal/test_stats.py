"""Pure calculations: no database, no clock."""

import datetime

import pytest

from accounts.timezones import local_today
from journal import stats
from journal.stats import EntryRow

D = datetime.date
ONE = datetime.timedelta(days=1)
SKILLS = [
    "emotional-regulation",
    "distress-tolerance",
    "cognitive-restructuring",
    "communication",
    "behavioral-activation",
]


def days_back(today, count, start=0):
    return [today - datetime.timedelta(days=n) for n in range(start, start + count)]


# --- local_today ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now_utc", "zone", "expected"),
    [
        # 23:30 and 00:30 local time, in zones either side of UTC.
        (datetime.datetime(2026, 3, 10, 6, 30), "America/Los_Angeles", D(2026, 3, 9)),
        (datetime.datetime(2026, 3, 10, 7, 30), "America/Los_Angeles", D(2026, 3, 10)),
        (datetime.datetime(2026, 3, 9, 22, 30), "Europe/Berlin", D(2026, 3, 9)),
        (datetime.datetime(2026, 3, 9, 23, 30), "Europe/Berlin", D(2026, 3, 10)),
        (datetime.datetime(2026, 3, 9, 9, 30), "Pacific/Kiritimati", D(2026, 3, 9)),
        (datetime.datetime(2026, 3, 9, 10, 30), "Pacific/Kiritimati", D(2026, 3, 10)),
        (datetime.datetime(2026, 3, 10, 10, 30), "Pacific/Pago_Pago", D(2026, 3, 9)),
        (datetime.datetime(2026, 3, 10, 11, 30), "Pacific/Pago_Pago", D(2026, 3, 10)),
        (datetime.datetime(2026, 3, 9, 23, 30), "UTC", D(2026, 3, 9)),
    ],
)
def test_local_today_follows_the_local_calendar(now_utc, zone, expected):
    assert local_today(now_utc.replace(tzinfo=datetime.UTC), zone) == expected


# --- weeks ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "week_start", "expected"),
    [
        (D(2026, 11, 18), "monday", D(2026, 11, 16)),
        (D(2026, 11, 16), "monday", D(2026, 11, 16)),
        (D(2026, 11, 22), "monday", D(2026, 11, 16)),
        (D(2026, 11, 18), "sunday", D(2026, 11, 15)),
        (D(2026, 11, 22), "sunday", D(2026, 11, 22)),
        (D(2026, 11, 21), "sunday", D(2026, 11, 15)),
        (D(2027, 1, 1), "monday", D(2026, 12, 28)),  # a week spanning New Year
        (D(2028, 2, 29), "sunday", D(2028, 2, 27)),  # a leap day
    ],
)
def test_first_day_of_week(day, week_start, expected):
    assert stats.first_day_of_week(day, week_start) == expected


def test_empty_week_has_a_card_of_zeros():
    card = stats.diary_card([], D(2026, 11, 16), SKILLS)

    assert card.total == 0
    assert card.days_practised == 0
    assert all(row.counts == (0,) * 7 for row in card.rows)
    assert card.days[0] == D(2026, 11, 16) and card.days[-1] == D(2026, 11, 22)


def test_diary_card_counts_entries_by_skill_and_day():
    rows = [
        EntryRow(D(2026, 11, 16), "communication"),
        EntryRow(D(2026, 11, 16), "communication"),
        EntryRow(D(2026, 11, 18), "distress-tolerance"),
        EntryRow(D(2026, 11, 22), "communication"),
        EntryRow(D(2026, 11, 23), "communication"),  # next week: not counted
    ]

    card = stats.diary_card(rows, D(2026, 11, 16), SKILLS)

    communication = card.rows[SKILLS.index("communication")]
    assert communication.counts == (2, 0, 0, 0, 0, 0, 1)
    assert communication.total == 3
    assert card.day_totals == (2, 0, 1, 0, 0, 0, 1)
    assert card.total == 4
    assert card.days_practised == 3


def test_week_across_a_daylight_saving_change_still_has_seven_days():
    # Clocks in the US went back on 1 November 2026; dates are unaffected.
    card = stats.diary_card(
        [EntryRow(D(2026, 11, 1), "communication")], D(2026, 10, 26), SKILLS
    )

    assert len(card.days) == 7
    assert card.day_totals[-1] == 1


def test_sunday_start_week_places_sunday_first():
    card = stats.diary_card(
        [EntryRow(D(2026, 11, 15), "communication")], D(2026, 11, 15), SKILLS
    )

    assert card.days[0].weekday() == 6
    assert card.day_totals[0] == 1


def test_week_spanning_new_year():
    rows = [
        EntryRow(D(2026, 12, 31), "communication"),
        EntryRow(D(2027, 1, 2), "communication"),
    ]

    card = stats.diary_card(rows, D(2026, 12, 28), SKILLS)

    assert card.day_totals == (0, 0, 0, 1, 0, 1, 0)


def test_leap_day_is_counted():
    card = stats.diary_card(
        [EntryRow(D(2028, 2, 29), "communication")], D(2028, 2, 28), SKILLS
    )

    assert card.day_totals[1] == 1


def test_back_filled_entries_count_on_their_practice_day():
    # Logged later, but practised on the Tuesday: the card follows practiced_on.
    card = stats.diary_card(
        [EntryRow(D(2026, 11, 17), "communication")], D(2026, 11, 16), SKILLS
    )

    assert card.day_totals[1] == 1


# --- distress ------------------------------------------------------------------------


def test_distress_summary_is_none_without_paired_ratings():
    rows = [
        EntryRow(D(2026, 11, 16), "communication", 5, None),
        EntryRow(D(2026, 11, 16), "communication", None, 2),
        EntryRow(D(2026, 11, 16), "communication"),
    ]

    assert stats.distress_summary(rows) is None


def test_distress_summary_averages_only_paired_ratings():
    rows = [
        EntryRow(D(2026, 11, 16), "distress-tolerance", 8, 4),
        EntryRow(D(2026, 11, 17), "distress-tolerance", 6, 4),
        EntryRow(D(2026, 11, 17), "communication", 5, 4),
        EntryRow(D(2026, 11, 18), "communication", 9, None),
    ]

    summary = stats.distress_summary(rows)

    assert summary.overall.paired == 3
    assert summary.overall.average_before == pytest.approx(6.3)
    assert summary.overall.average_after == pytest.approx(4.0)
    assert [f.skill for f in summary.by_skill] == [
        "distress-tolerance",
        "communication",
    ]
    assert summary.by_skill[0].average_drop == pytest.approx(3.0)
    assert summary.most_helpful.skill == "distress-tolerance"


def test_no_skill_is_called_most_helpful_when_distress_did_not_drop():
    summary = stats.distress_summary([EntryRow(D(2026, 11, 16), "communication", 3, 5)])

    assert summary.most_helpful is None


# --- streaks -------------------------------------------------------------------------

TODAY = D(2026, 11, 21)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], 0),
        ([TODAY], 1),
        (days_back(TODAY, 5), 5),
        (days_back(TODAY, 4, start=1), 4),  # today not logged yet: ends yesterday
        (days_back(TODAY, 4, start=2), 0),  # last practice two days ago: streak over
        ([TODAY, TODAY - datetime.timedelta(days=2)], 1),
        ([TODAY, TODAY, TODAY], 1),  # several entries a day count once
        ([TODAY + datetime.timedelta(days=1)], 0),
    ],
)
def test_current_streak(days, expected):
    assert stats.current_streak(days, TODAY) == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], 0),
        ([TODAY], 1),
        (days_back(TODAY, 3) + days_back(TODAY, 6, start=10), 6),
        ([D(2028, 2, 28), D(2028, 2, 29), D(2028, 3, 1)], 3),
        ([D(2026, 12, 31), D(2027, 1, 1)], 2),
    ],
)
def test_longest_streak(days, expected):
    assert stats.longest_streak(days) == expected


def test_recent_days_lists_seven_days_oldest_first():
    counts = {
        TODAY: 2,
        TODAY - datetime.timedelta(days=6): 1,
        TODAY - datetime.timedelta(days=7): 5,
    }

    days = stats.recent_days(counts, TODAY)

    assert [d.count for d in days] == [1, 0, 0, 0, 0, 0, 2]
    assert days[-1].is_today and not days[0].is_today


# --- strength ------------------------------------------------------------------------


def test_strength_is_zero_without_practice():
    assert stats.practice_strength([], TODAY) == 0


def test_strength_after_one_day_is_one_minus_m():
    assert stats.practice_strength([TODAY], TODAY) == pytest.approx(
        (1 - stats.STRENGTH_MULTIPLIER) * 100, abs=0.1
    )


def test_strength_after_thirty_days_of_practice_is_about_eighty():
    strength = stats.practice_strength(days_back(TODAY, 30), TODAY)

    assert strength == pytest.approx((1 - 0.5 ** (30 / 13)) * 100, abs=0.1)
    assert 79 < strength < 81


def test_strength_halves_after_thirteen_days_without_practice():
    practised = days_back(TODAY, 30, start=13)
    before_break = stats.practice_strength(
        practised, TODAY - datetime.timedelta(days=13)
    )

    after_break = stats.practice_strength(practised, TODAY)

    assert after_break == pytest.approx(before_break / 2, abs=0.1)


def test_strength_ignores_days_after_today():
    assert stats.practice_strength([TODAY + datetime.timedelta(days=1)], TODAY) == 0


# --- progress ------------------------------------------------------------------------


def test_weekly_counts_cover_twelve_weeks_oldest_first():
    rows = [
        (D(2026, 11, 20), "communication", 2),
        (D(2026, 11, 16), "distress-tolerance", 1),
        (D(2026, 11, 9), "communication", 1),
        (D(2026, 8, 1), "communication", 9),  # more than 12 weeks ago
    ]

    weeks = stats.weekly_counts(rows, TODAY, "monday", SKILLS)

    assert len(weeks) == 12
    assert weeks[-1].first_day == D(2026, 11, 16)
    assert weeks[0].first_day == D(2026, 9, 1) - datetime.timedelta(days=1)
    assert weeks[-1].total == 3
    assert weeks[-1].counts[SKILLS.index("communication")] == 2
    assert weeks[-2].total == 1
    assert sum(week.total for week in weeks) == 4


def test_year_calendar_covers_365_days_in_weeks():
    weeks = stats.year_calendar({TODAY: 3}, TODAY, "monday")

    days = [day for week in weeks for day in week if day is not None]
    assert len(days) == 365
    assert all(len(week) == 7 for week in weeks)
    assert days[-1].day == TODAY and days[-1].level == 3
    assert days[0].day == TODAY - datetime.timedelta(days=364)


@pytest.mark.parametrize(
    ("count", "level"), [(0, 0), (1, 1), (2, 2), (3, 3), (4, 3), (5, 4), (40, 4)]
)
def test_calendar_level(count, level):
    assert stats.calendar_level(count) == level


def test_totals():
    rows = [
        (D(2026, 1, 2), "communication", 2),
        (D(2026, 1, 2), "distress-tolerance", 1),
        (D(2025, 5, 1), "communication", 1),
    ]

    result = stats.totals(rows)

    assert (result.entries, result.days_practised, result.first_day) == (
        4,
        2,
        D(2025, 5, 1),
    )


def test_totals_of_nothing():
    assert stats.totals([]) == stats.Totals(0, 0, None)


# --- the week under way ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "days"),
    [
        (datetime.date(2026, 11, 16), 1),  # Monday, the week's first day
        (datetime.date(2026, 11, 20), 5),
        (datetime.date(2026, 11, 22), 7),
        (datetime.date(2026, 12, 1), 7),  # a week long over
    ],
)
def test_days_so_far_counts_the_days_begun_by_today(today, days):
    assert stats.days_so_far(datetime.date(2026, 11, 16), today) == days


def test_the_week_so_far_counts_only_the_days_begun():
    monday = datetime.date(2026, 11, 16)

    so_far = stats.week_so_far([1, 0, 2, 0, 0, 0, 0], monday, [], monday + 2 * ONE)

    assert so_far == stats.WeekSoFar(days=3, practised=2, resting=0)
    assert so_far.is_so_far


def test_a_rest_day_still_ahead_is_not_counted_so_far():
    monday = datetime.date(2026, 11, 16)
    rest = [monday + ONE, monday + 5 * ONE]

    so_far = stats.week_so_far([1, 0, 0, 0, 0, 0, 0], monday, rest, monday + 2 * ONE)

    assert (so_far.resting, so_far.open_days) == (1, 2)


def test_a_practised_rest_day_counts_as_practice_not_rest():
    monday = datetime.date(2026, 11, 16)

    so_far = stats.week_so_far([1, 0, 0, 0, 0, 0, 0], monday, [monday], monday)

    assert (so_far.practised, so_far.resting) == (1, 0)


def test_a_finished_week_is_not_so_far():
    monday = datetime.date(2026, 11, 16)

    so_far = stats.week_so_far([0] * 7, monday, [], monday + 6 * ONE)

    assert so_far.days == 7
    assert not so_far.is_so_far


@pytest.mark.parametrize(("days", "is_so_far"), [(3, True), (7, False)])
def test_a_change_over_fewer_than_seven_days_is_so_far(days, is_so_far):
    assert stats.WeekChange(2, 1, days).is_so_far is is_so_far
