"""Pure calculations over journal rows: days, streaks, weeks, strength.

Nothing here touches the database or the clock: callers pass the rows and the user's
``today``, so every function can be tested with plain values.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class DayCount:
    day: datetime.date
    count: int
    is_today: bool = False

    @property
    def has_practice(self) -> bool:
        return self.count > 0


def current_streak(days: Iterable[datetime.date], today: datetime.date) -> int:
    """Consecutive days with practice, ending today (or yesterday if today is empty)."""
    practised = set(days)
    day = today if today in practised else today - ONE_DAY
    streak = 0
    while day in practised:
        streak += 1
        day -= ONE_DAY
    return streak


def longest_streak(days: Iterable[datetime.date]) -> int:
    """The longest run of consecutive days with practice, ever."""
    longest = run = 0
    previous = None
    for day in sorted(set(days)):
        run = run + 1 if previous is not None and day - previous == ONE_DAY else 1
        longest = max(longest, run)
        previous = day
    return longest


def recent_days(
    counts: dict[datetime.date, int], today: datetime.date, length: int = 7
) -> list[DayCount]:
    """The last ``length`` days, oldest first, each with its number of entries."""
    first = today - datetime.timedelta(days=length - 1)
    return [
        DayCount(day, counts.get(day, 0), day == today)
        for day in (first + datetime.timedelta(days=offset) for offset in range(length))
    ]
