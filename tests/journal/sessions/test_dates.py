"""Span arithmetic for therapy sessions: pure, no database, no clock."""

import datetime

import pytest
from django.utils import translation

from journal.sessions import dates as sd

D = datetime.date
T = datetime.time
UTC = datetime.UTC
ZONE = "America/New_York"


def at(day, hour, minute=0, zone=ZONE):
    return sd.local_moment(day, T(hour, minute), zone)


# --- repeating dates ------------------------------------------------------------------


def test_a_weekly_schedule_repeats_every_seven_days():
    dates = sd.repeating_dates(D(2026, 11, 26), 1, D(2026, 11, 1), D(2026, 12, 20))

    assert dates == [D(2026, 11, 26), D(2026, 12, 3), D(2026, 12, 10), D(2026, 12, 17)]


def test_a_fortnightly_schedule_keeps_its_rhythm_from_a_later_start():
    dates = sd.repeating_dates(D(2026, 11, 26), 2, D(2026, 12, 4), D(2027, 1, 10))

    assert dates == [D(2026, 12, 10), D(2026, 12, 24), D(2027, 1, 7)]


def test_nothing_comes_before_the_first_session():
    assert sd.repeating_dates(D(2026, 11, 26), 1, D(2026, 11, 1), D(2026, 11, 25)) == []


def test_the_first_session_itself_is_included():
    dates = sd.repeating_dates(D(2026, 11, 26), 1, D(2026, 11, 26), D(2026, 11, 26))

    assert dates == [D(2026, 11, 26)]


# --- wall-clock times across daylight saving -----------------------------------------


def test_a_weekly_five_pm_stays_five_pm_across_the_clock_change():
    before = at(D(2026, 10, 29), 17)
    after = at(D(2026, 11, 5), 17)

    assert before.astimezone(UTC).hour == 21  # EDT, UTC-4
    assert after.astimezone(UTC).hour == 22  # EST, UTC-5
    assert after.hour == before.hour == 17


def test_a_time_skipped_by_the_spring_change_becomes_the_real_time_after_it():
    moment = at(D(2027, 3, 14), 2, 30)

    assert (moment.hour, moment.minute) == (3, 30)


def test_a_time_that_happens_twice_in_autumn_is_its_first_passing():
    moment = at(D(2026, 11, 1), 1, 30)

    assert moment.astimezone(UTC).hour == 5  # 01:30 EDT, not EST


# --- the span since the last session ---------------------------------------------------


def test_with_no_session_the_span_is_the_last_seven_days():
    now = at(D(2026, 11, 23), 9)

    span = sd.span_since_last_session([], now, ZONE)

    assert (span.first_day, span.last_day) == (D(2026, 11, 17), D(2026, 11, 23))
    assert span.since_session is None
    assert span.holds(at(D(2026, 11, 17), 0))


def test_the_span_starts_at_the_last_session_that_has_begun():
    sessions = [
        at(D(2026, 11, 12), 17),
        at(D(2026, 11, 19), 17),
        at(D(2026, 11, 26), 17),
    ]
    now = at(D(2026, 11, 23), 9)

    span = sd.span_since_last_session(sessions, now, ZONE)

    assert span.since_session == sessions[1]
    assert (span.first_day, span.last_day) == (D(2026, 11, 19), D(2026, 11, 23))
    assert len(span.days) == 5


def test_the_span_moves_on_once_the_session_time_passes():
    sessions = [at(D(2026, 11, 19), 17), at(D(2026, 11, 26), 17)]

    just_before = sd.span_since_last_session(
        sessions, at(D(2026, 11, 26), 16, 59), ZONE
    )
    just_after = sd.span_since_last_session(sessions, at(D(2026, 11, 26), 17, 1), ZONE)

    assert just_before.since_session == sessions[0]
    assert just_after.since_session == sessions[1]
    assert just_after.first_day == just_after.last_day == D(2026, 11, 26)


def test_two_sessions_in_one_day_make_a_span_within_that_day():
    morning, evening = at(D(2026, 11, 20), 9), at(D(2026, 11, 20), 18)

    span = sd.span_before(evening, [morning, evening], ZONE)

    assert span.since_session == morning
    assert span.days == [D(2026, 11, 20)]
    assert span.holds(at(D(2026, 11, 20), 12))
    assert not span.holds(at(D(2026, 11, 20), 8))


def test_a_session_at_half_past_midnight_belongs_to_its_own_day():
    late = at(D(2026, 11, 20), 0, 30)

    span = sd.span_since_last_session([late], at(D(2026, 11, 21), 10), ZONE)

    assert span.first_day == D(2026, 11, 20)
    # Written at 00:10 that day: before the session, in the span before it.
    assert not span.holds(at(D(2026, 11, 20), 0, 10))
    assert span.holds(at(D(2026, 11, 20), 0, 45))


def test_the_span_before_the_first_session_is_the_week_before_it():
    first = at(D(2026, 11, 20), 17)

    span = sd.span_before(first, [first], ZONE)

    assert (span.first_day, span.last_day) == (D(2026, 11, 14), D(2026, 11, 20))
    assert span.since_session is None


def test_days_follow_the_persons_current_zone():
    session = datetime.datetime(2026, 11, 20, 23, 30, tzinfo=UTC)
    now = datetime.datetime(2026, 11, 21, 3, 0, tzinfo=UTC)

    in_new_york = sd.span_since_last_session([session], now, ZONE)
    in_tokyo = sd.span_since_last_session([session], now, "Asia/Tokyo")

    assert in_new_york.first_day == D(2026, 11, 20)
    assert in_tokyo.first_day == D(2026, 11, 21)


# --- which span an entry belongs to -------------------------------------------------------


def test_an_entry_written_on_its_day_happened_when_it_was_written():
    written = datetime.datetime(2026, 11, 20, 19, 0, tzinfo=UTC)

    moment = sd.entry_moment(D(2026, 11, 20), written, ZONE)

    assert moment == written


def test_an_entry_written_later_for_an_earlier_day_happened_at_that_days_start():
    written = datetime.datetime(2026, 11, 22, 15, 0, tzinfo=UTC)

    moment = sd.entry_moment(D(2026, 11, 20), written, ZONE)

    assert moment == at(D(2026, 11, 20), 0)


def test_an_entry_for_before_this_afternoons_session_stays_in_the_earlier_span():
    session = at(D(2026, 11, 20), 15)
    written_after = at(D(2026, 11, 20), 16)

    moment = sd.entry_moment(D(2026, 11, 19), written_after, ZONE)

    assert moment < session


# --- next session ------------------------------------------------------------------------


def test_the_next_session_and_how_many_days_away():
    sessions = [at(D(2026, 11, 19), 17), at(D(2026, 11, 26), 17)]
    now = at(D(2026, 11, 23), 22)

    upcoming = sd.next_session(sessions, now)

    assert upcoming == sessions[1]
    assert sd.days_until(upcoming, now, ZONE) == 3


def test_no_session_means_no_next_session():
    assert sd.next_session([], at(D(2026, 11, 23), 9)) is None


def test_a_week_can_start_on_any_weekday():
    from journal import stats

    thursday = 3

    assert stats.first_day_of_week(D(2026, 11, 23), thursday) == D(2026, 11, 19)
    assert stats.first_day_of_week(D(2026, 11, 19), thursday) == D(2026, 11, 19)
    assert stats.first_day_of_week(D(2026, 11, 23), "sunday") == D(2026, 11, 22)
    assert stats.first_day_of_week(D(2026, 11, 23), "session") == D(2026, 11, 23)


@pytest.mark.parametrize(
    ("days", "language", "line"),
    [
        (0, "en", "Next session: today, Thursday 10 December, 17:00."),
        (1, "en", "Next session: tomorrow, Thursday 10 December, 17:00."),
        (1, "es", "Próxima sesión: mañana, jueves 10 de diciembre, 17:00."),
        (3, "en", "Next session: Thursday 10 December, 17:00, in 3 days."),
    ],
)
def test_the_next_session_line_in_the_persons_zone_and_language(days, language, line):
    # 16:00 UTC is 17:00 in Madrid.
    starts_at = datetime.datetime(2026, 12, 10, 16, 0, tzinfo=datetime.UTC)

    with translation.override(language):
        said = sd.next_session_line(starts_at, "Europe/Madrid", days)

    assert said == line
