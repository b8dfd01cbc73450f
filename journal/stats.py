"""Pure calculations over journal rows: days, streaks, weeks, strength.

Nothing here touches the database or the clock: callers pass the rows and the user's
``today``, so every function can be tested with plain values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from accounts.choices import WeekStart

ONE_DAY = datetime.timedelta(days=1)
# The first day a journal may hold: back-filling goes no further.
EARLIEST_DAY = datetime.date(2000, 1, 1)


@dataclass(frozen=True)
class DayCount:
    day: datetime.date
    count: int
    is_today: bool = False
    is_rest: bool = False

    @property
    def has_practice(self) -> bool:
        return self.count > 0


def current_streak(
    days: Iterable[datetime.date],
    today: datetime.date,
    rest_days: Iterable[datetime.date] = (),
) -> int:
    """Consecutive days with practice, ending today (or yesterday if today is empty).

    Rest days are stepped over: they neither break the streak nor add to it.
    """
    practised = set(days)
    resting = set(rest_days) - practised
    day = today if today in practised or today in resting else today - ONE_DAY
    streak = 0
    while day in practised or day in resting:
        streak += day in practised
        day -= ONE_DAY
    return streak


def longest_streak(
    days: Iterable[datetime.date], rest_days: Iterable[datetime.date] = ()
) -> int:
    """The longest run of practised days, ever; rest days between them keep it going."""
    resting = set(rest_days)
    longest = run = 0
    previous = None
    for day in sorted(set(days)):
        gap = (
            []
            if previous is None
            else [previous + ONE_DAY * n for n in range(1, (day - previous).days)]
        )
        joined = previous is not None and all(between in resting for between in gap)
        run = run + 1 if joined else 1
        longest = max(longest, run)
        previous = day
    return longest


def recent_days(
    counts: dict[datetime.date, int],
    today: datetime.date,
    length: int = 7,
    rest_days: Iterable[datetime.date] = (),
) -> list[DayCount]:
    """The last ``length`` days, oldest first, each with its number of entries."""
    first = today - datetime.timedelta(days=length - 1)
    resting = set(rest_days)
    return [
        DayCount(day, counts.get(day, 0), day == today, day in resting)
        for day in (first + datetime.timedelta(days=offset) for offset in range(length))
    ]


# --- weeks ---------------------------------------------------------------------------


def start_weekday(week_start: str | int) -> int:
    """The weekday a week starts on (0 is Monday): a setting, or a weekday itself.

    "session" means the day of the person's therapy session; callers that know it
    pass that weekday as a number, and without one the week starts on Monday.
    """
    if isinstance(week_start, int):
        return week_start
    return 6 if week_start == WeekStart.SUNDAY else 0


def first_day_of_week(day: datetime.date, week_start: str | int) -> datetime.date:
    """The first day of the week holding ``day``."""
    return day - datetime.timedelta(
        days=(day.weekday() - start_weekday(week_start)) % 7
    )


def days_of_week(first_day: datetime.date) -> list[datetime.date]:
    return [first_day + datetime.timedelta(days=offset) for offset in range(7)]


@dataclass(frozen=True)
class EntryRow:
    """The figures of one entry that the calculations need (no text)."""

    practiced_on: datetime.date
    skill: str
    distress_before: int | None = None
    distress_after: int | None = None


@dataclass(frozen=True)
class CardRow:
    skill: str
    counts: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class DiaryCard:
    days: tuple[datetime.date, ...]
    rows: tuple[CardRow, ...]
    day_totals: tuple[int, ...]
    total: int

    @property
    def days_practised(self) -> int:
        return sum(1 for count in self.day_totals if count)


def diary_card(
    rows: Iterable[EntryRow], first_day: datetime.date, skills: Iterable[str]
) -> DiaryCard:
    """Entries of one week counted by skill (rows) and day (columns)."""
    days = tuple(days_of_week(first_day))
    skills = list(skills)
    counts = {skill: [0] * 7 for skill in skills}
    for row in rows:
        offset = (row.practiced_on - first_day).days
        if 0 <= offset < 7 and row.skill in counts:
            counts[row.skill][offset] += 1
    card_rows = tuple(
        CardRow(skill, tuple(counts[skill]), sum(counts[skill])) for skill in skills
    )
    day_totals = tuple(
        sum(row.counts[offset] for row in card_rows) for offset in range(7)
    )
    return DiaryCard(days, card_rows, day_totals, sum(day_totals))


@dataclass(frozen=True)
class DistressFigures:
    skill: str | None
    paired: int
    average_before: float
    average_after: float

    @property
    def average_drop(self) -> float:
        return self.average_before - self.average_after


@dataclass(frozen=True)
class DistressSummary:
    overall: DistressFigures
    by_skill: tuple[DistressFigures, ...]

    @property
    def most_helpful(self) -> DistressFigures | None:
        """The skill whose entries lowered distress the most, if any lowered it."""
        best = max(
            self.by_skill, key=lambda figures: figures.average_drop, default=None
        )
        return best if best is not None and best.average_drop > 0 else None


def _figures(skill: str | None, pairs: list[tuple[int, int]]) -> DistressFigures:
    return DistressFigures(
        skill,
        len(pairs),
        round(sum(before for before, _ in pairs) / len(pairs), 1),
        round(sum(after for _, after in pairs) / len(pairs), 1),
    )


def distress_summary(rows: Iterable[EntryRow]) -> DistressSummary | None:
    """Average distress before and after, over entries that have both ratings.

    None when no entry has both: no figures is kinder and truer than zeros.
    """
    by_skill: dict[str, list[tuple[int, int]]] = {}
    for row in rows:
        if row.distress_before is not None and row.distress_after is not None:
            by_skill.setdefault(row.skill, []).append(
                (row.distress_before, row.distress_after)
            )
    if not by_skill:
        return None
    everything = [pair for pairs in by_skill.values() for pair in pairs]
    per_skill = sorted(
        (_figures(skill, pairs) for skill, pairs in by_skill.items()),
        key=lambda figures: (-figures.average_drop, figures.skill),
    )
    return DistressSummary(_figures(None, everything), tuple(per_skill))


@dataclass(frozen=True)
class WeekChange:
    """A week's entries beside the week before's, over the same ``days`` of each."""

    this_week: int
    previous_week: int
    days: int = 7

    @property
    def difference(self) -> int:
        return self.this_week - self.previous_week

    @property
    def is_so_far(self) -> bool:
        return self.days < 7


def days_so_far(first_day: datetime.date, today: datetime.date) -> int:
    """How many of the week's days have begun by ``today``: 7 once it is over."""
    return max(0, min(7, (today - first_day).days + 1))


@dataclass(frozen=True)
class WeekSoFar:
    """The week's headline: of the days begun, how many practised, how many rest."""

    days: int
    practised: int
    resting: int

    @property
    def open_days(self) -> int:
        return self.days - self.resting

    @property
    def is_so_far(self) -> bool:
        return self.days < 7


def week_so_far(
    day_totals: list[int],
    first_day: datetime.date,
    rest_days: Iterable[datetime.date],
    today: datetime.date,
) -> WeekSoFar:
    """The days of the week up to ``today``: practised, and rested without practice."""
    days = days_so_far(first_day, today)
    begun = zip(days_of_week(first_day)[:days], day_totals[:days], strict=True)
    resting = set(rest_days)
    practised = resting_only = 0
    for day, count in begun:
        practised += count > 0
        resting_only += count == 0 and day in resting
    return WeekSoFar(days, practised, resting_only)


# --- progress ------------------------------------------------------------------------

STRENGTH_HALF_LIFE_DAYS = 13
STRENGTH_MULTIPLIER = 0.5 ** (1 / STRENGTH_HALF_LIFE_DAYS)


def practice_strength(
    days: Iterable[datetime.date],
    today: datetime.date,
    rest_days: Iterable[datetime.date] = (),
) -> float:
    """Habit strength from 0 to 100, like the Loop Habit Tracker's.

    Each day: strength = m * yesterday's strength + (1 - m) * (1 if practised else 0),
    with m = 0.5 ** (1/13), so strength halves after 13 days without practice. It runs
    from the first practised day up to and including today. A rest day without
    practice is skipped: strength neither grows nor fades on it.
    """
    practised = {day for day in days if day <= today}
    if not practised:
        return 0.0
    resting = set(rest_days) - practised
    strength = 0.0
    day = min(practised)
    while day <= today:
        if day not in resting:
            strength = STRENGTH_MULTIPLIER * strength + (1 - STRENGTH_MULTIPLIER) * (
                day in practised
            )
        day += ONE_DAY
    return round(strength * 100, 1)


@dataclass(frozen=True)
class WeekBar:
    first_day: datetime.date
    counts: tuple[int, ...]  # one per skill, in the skills' order
    total: int


def weekly_counts(
    rows: Iterable[tuple[datetime.date, str, int]],
    today: datetime.date,
    week_start: str | int,
    skills: Iterable[str],
    weeks: int = 12,
) -> list[WeekBar]:
    """Entries per week per skill for the last ``weeks`` weeks, oldest first.

    ``rows`` are (day, skill, number of entries) triples, as the database groups them.
    """
    skills = list(skills)
    current = first_day_of_week(today, week_start)
    firsts = [
        current - datetime.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)
    ]
    index = {first: position for position, first in enumerate(firsts)}
    table = [[0] * len(skills) for _ in firsts]
    for day, skill, count in rows:
        position = index.get(first_day_of_week(day, week_start))
        if position is not None and skill in skills and day <= today:
            table[position][skills.index(skill)] += count
    return [
        WeekBar(first, tuple(counts), sum(counts))
        for first, counts in zip(firsts, table, strict=True)
    ]


@dataclass(frozen=True)
class CalendarDay:
    day: datetime.date
    count: int
    level: int  # 0 (none) to 4 (most)
    is_rest: bool = False


def calendar_level(count: int) -> int:
    """Shade for a day: 0 none, 1 one entry, 2 two, 3 three or four, 4 five or more."""
    if count <= 0:
        return 0
    if count <= 2:
        return count
    return 3 if count <= 4 else 4


def year_calendar(
    counts: dict[datetime.date, int],
    today: datetime.date,
    week_start: str | int,
    days: int = 365,
    rest_days: Iterable[datetime.date] = (),
) -> list[list[CalendarDay | None]]:
    """The last ``days`` days as weeks (columns) of seven days; None pads the edges."""
    resting = set(rest_days)
    first = today - datetime.timedelta(days=days - 1)
    start = first_day_of_week(first, week_start)
    weeks: list[list[CalendarDay | None]] = []
    day = start
    while day <= today:
        week: list[CalendarDay | None] = []
        for _ in range(7):
            if first <= day <= today:
                count = counts.get(day, 0)
                week.append(
                    CalendarDay(day, count, calendar_level(count), day in resting)
                )
            else:
                week.append(None)
            day += ONE_DAY
        weeks.append(week)
    return weeks


@dataclass(frozen=True)
class Totals:
    entries: int
    days_practised: int
    first_day: datetime.date | None


def totals(rows: Iterable[tuple[datetime.date, str, int]]) -> Totals:
    """Entries, days practised and the first day, from (day, skill, count) triples."""
    entries = 0
    days: set[datetime.date] = set()
    for day, _skill, count in rows:
        entries += count
        days.add(day)
    return Totals(entries, len(days), min(days) if days else None)
