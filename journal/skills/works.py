"""What works for me: from a person's own before/after distress ratings, the
typical drop for each named skill and each skill family (pure: rows in, results
out, no database).

Honest with small numbers: a named skill is ranked only once it rests on
MINIMUM_RATED practices; fewer are listed as "not enough ratings yet", never
ranked. The typical drop is the median of before − after, which one very good or
very bad day cannot pull far.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

MINIMUM_RATED = 5


@dataclass(frozen=True)
class Rated:
    """One practice with both ratings: its family, its named skill's key ("" for
    none), and distress before and after (0–10)."""

    family: str
    technique: str
    before: int
    after: int


@dataclass(frozen=True)
class Drop:
    key: str  # a named skill's key, or a family's slug
    count: int  # how many rated practices it rests on
    typical: float  # the median of before − after (positive: lower afterwards)

    @property
    def points(self) -> float:
        """The typical change, without its direction (3, 2.5)."""
        value = abs(self.typical)
        return int(value) if value == int(value) else value

    @property
    def is_lower(self) -> bool:
        return self.typical > 0

    @property
    def is_higher(self) -> bool:
        return self.typical < 0


@dataclass(frozen=True)
class WhatWorks:
    ranked: tuple[Drop, ...]  # named skills with enough ratings, biggest drop first
    not_enough: tuple[Drop, ...]  # named skills with 1 to MINIMUM_RATED - 1
    families: tuple[Drop, ...]  # families with enough ratings, biggest drop first

    @property
    def is_empty(self) -> bool:
        return not (self.ranked or self.not_enough or self.families)

    @property
    def largest(self) -> float:
        """The largest typical change shown, for a chart's scale (at least 1)."""
        return max([abs(d.typical) for d in self.ranked] + [1])


def _drops(groups: dict[str, list[int]]) -> list[Drop]:
    return [Drop(key, len(drops), median(drops)) for key, drops in groups.items()]


def _ranked(drops: list[Drop]) -> tuple[Drop, ...]:
    enough = [d for d in drops if d.count >= MINIMUM_RATED]
    return tuple(sorted(enough, key=lambda d: (-d.typical, -d.count, d.key)))


def what_works(rows: Iterable[Rated]) -> WhatWorks:
    """Each named skill's and each family's typical drop in distress, ranked."""
    by_technique: dict[str, list[int]] = defaultdict(list)
    by_family: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        drop = row.before - row.after
        by_family[row.family].append(drop)
        if row.technique:
            by_technique[row.technique].append(drop)
    techniques = _drops(by_technique)
    few = [d for d in techniques if d.count < MINIMUM_RATED]
    return WhatWorks(
        ranked=_ranked(techniques),
        not_enough=tuple(sorted(few, key=lambda d: (-d.count, d.key))),
        families=_ranked(_drops(by_family)),
    )
