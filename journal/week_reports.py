"""A week's report: its notes and reflection at once, its figures when first drawn.

The week page, its PDF and the share page draw weeks from here, in a fixed number of
queries whatever the span; the arithmetic itself lives in ``journal.stats``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import pgettext_lazy

from core.prepared import PreparedRead
from core.skills import SkillInfo, all_skills
from journal import stats
from journal.models import Entry, RestDay, WeeklyReflection
from journal.reports import NOTES_SHOWN_PER_DAY, DayNotes
from journal.shared_notes import read_shared_notes

ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class SkillLine:
    """A diary-card row with the skill's details, ready for a template."""

    skill: SkillInfo
    cells: list[tuple[datetime.date, int]]
    total: int


# Two letters per skill on the phone's diary card, beside the skill's colour and
# shape, so a skill never rests on colour alone; every language picks its own.
SKILL_CODES = {
    "emotional-regulation": pgettext_lazy("diary card: Emotional regulation", "ER"),
    "distress-tolerance": pgettext_lazy("diary card: Distress tolerance", "DT"),
    "cognitive-restructuring": pgettext_lazy(
        "diary card: Cognitive restructuring", "CR"
    ),
    "communication": pgettext_lazy("diary card: Communication skills", "CS"),
    "behavioral-activation": pgettext_lazy("diary card: Behavioral activation", "BA"),
}


@dataclass(frozen=True)
class SkillMark:
    """A skill practised on a day (or in the week): its code and how many times."""

    skill: SkillInfo
    count: int

    @property
    def code(self) -> str:
        return str(SKILL_CODES.get(self.skill.slug, self.skill.name[:2]))


@dataclass(frozen=True)
class DayLine:
    """One day of the diary card: the skills practised, rest, and its distress."""

    day: datetime.date
    marks: list[SkillMark]
    is_rest: bool
    distress: stats.DistressFigures | None

    @property
    def total(self) -> int:
        return sum(mark.count for mark in self.marks)


class WeekReport:
    """One week: its notes and reflection at once, its figures when first asked for.

    The figures (diary card, change, distress, rest days) hold no journal text, so
    pages keep them in the cache (accounts/freshness.py); a page drawn from the
    cache never reads the week before, the rest days or the ratings at all.
    """

    def __init__(self, first_day, source, notes_by_day, reflection, skills, today):
        self.first_day = first_day
        self.last_day = first_day + datetime.timedelta(days=6)
        # The person's today, when known: the week under way is counted "so far".
        self.today = today
        self.notes_by_day: list[DayNotes] = notes_by_day
        self.reflection: WeeklyReflection | None = reflection
        self._source = source
        self._skills = skills

    @cached_property
    def _rows(self) -> list[stats.EntryRow]:
        return self._source.rows_between(self.first_day, self.last_day)

    @cached_property
    def card(self) -> stats.DiaryCard:
        slugs = [skill.slug for skill in self._skills]
        return stats.diary_card(self._rows, self.first_day, slugs)

    @cached_property
    def lines(self) -> list[SkillLine]:
        card = self.card
        return [
            SkillLine(skill, list(zip(card.days, row.counts, strict=True)), row.total)
            for skill, row in zip(self._skills, card.rows, strict=True)
        ]

    @property
    def days_so_far(self) -> int:
        if self.today is None:
            return 7
        return stats.days_so_far(self.first_day, self.today)

    @cached_property
    def days(self) -> list[DayLine]:
        """The card one day a row: what a phone shows, and where later rows go."""
        by_day = {}
        for row in self._rows:
            by_day.setdefault(row.practiced_on, []).append(row)
        return [
            DayLine(
                day,
                [
                    SkillMark(line.skill, count)
                    for line in self.lines
                    for line_day, count in line.cells
                    if line_day == day and count
                ],
                day in self.rest_days,
                self._day_distress(by_day.get(day, [])),
            )
            for day in self.card.days
        ]

    @staticmethod
    def _day_distress(rows) -> stats.DistressFigures | None:
        summary = stats.distress_summary(rows)
        return summary.overall if summary else None

    @property
    def skill_totals(self) -> list[SkillMark]:
        """Each skill with its entries this week: the card's key and its totals."""
        return [SkillMark(line.skill, line.total) for line in self.lines]

    @cached_property
    def change(self) -> stats.WeekChange:
        """This week beside the same days of the week before: like with like."""
        days = self.days_so_far
        previous = self._source.total_before(self.first_day, days)
        return stats.WeekChange(self.card.total, previous, days)

    @cached_property
    def so_far(self) -> stats.WeekSoFar:
        today = self.today or self.last_day
        return stats.week_so_far(
            self.card.day_totals, self.first_day, self.rest_days, today
        )

    @cached_property
    def distress(self) -> stats.DistressSummary | None:
        return stats.distress_summary(self._rows)

    @cached_property
    def rest_days(self) -> frozenset:
        resting = self._source.resting
        return frozenset(day for day in self.card.days if day in resting)

    @property
    def skill_names(self) -> dict[str, str]:
        return {skill.slug: skill.name for skill in self._skills}

    @property
    def rest_count(self) -> int:
        """Rest days this week without practice (a practised one counts as such)."""
        days = zip(self.card.days, self.card.day_totals, strict=True)
        practised = {day for day, count in days if count}
        return len(self.rest_days - practised)

    @property
    def open_days(self) -> int:
        return 7 - self.rest_count

    @property
    def days_practised(self) -> int:
        return self.card.days_practised

    @property
    def distress_by_skill(self) -> list[tuple[str, stats.DistressFigures]]:
        if self.distress is None:
            return []
        names = self.skill_names
        return [(names[f.skill], f) for f in self.distress.by_skill]

    @property
    def most_helpful_skill_name(self) -> str | None:
        best = self.distress.most_helpful if self.distress else None
        return self.skill_names[best.skill] if best else None


class _WeeksSource:
    """What consecutive weeks' figures are made from, each read once, when needed.

    ``entries`` are the weeks' entries when the notes are shown (already read for
    them); without notes only their figures are read, never their text.
    """

    def __init__(self, user, first_day, last_day, entries, resting):
        self.user, self.first_day, self.last_day = user, first_day, last_day
        self._entries, self._resting = entries, resting

    @cached_property
    def _all_rows(self) -> list[stats.EntryRow]:
        if self._entries is not None:
            return [
                stats.EntryRow(
                    e.practiced_on, e.skill, e.distress_before, e.distress_after
                )
                for e in self._entries
            ]
        return [
            stats.EntryRow(*values)
            for values in Entry.objects.for_user(self.user)
            .filter(practiced_on__range=(self.first_day, self.last_day))
            .order_by("practiced_on", "created_at")
            .values_list("practiced_on", "skill", "distress_before", "distress_after")
        ]

    def rows_between(self, first: datetime.date, last: datetime.date) -> list:
        return [row for row in self._all_rows if first <= row.practiced_on <= last]

    def total_before(self, first_day: datetime.date, days: int = 7) -> int:
        """Entries in the first ``days`` days of the week before ``first_day``:
        counted when not read."""
        previous = first_day - datetime.timedelta(days=7)
        last = previous + datetime.timedelta(days=days - 1)
        if previous >= self.first_day:
            return len(self.rows_between(previous, last))
        return (
            Entry.objects.for_user(self.user)
            .filter(practiced_on__range=(previous, last))
            .count()
        )

    @cached_property
    def resting(self) -> set:
        if self._resting is not None:
            return self._resting
        return set(
            RestDay.objects.for_user(self.user)
            .filter(day__range=(self.first_day, self.last_day))
            .values_list("day", flat=True)
        )


# The week page's entries as cards; the share page's as plain values
# (journal/shared_notes.py): read on every visit (core/prepared.py).
_NOTES = {
    False: PreparedRead(
        lambda owner_id, first, last: (
            Entry.objects.for_user(owner_id)
            .for_display()
            .filter(practiced_on__range=(first, last))
            .order_by("practiced_on", "created_at")
        ),
        1,
        datetime.date(2000, 1, 1),
        datetime.date(2000, 1, 8),
    ),
    True: read_shared_notes,
}
_REFLECTIONS = PreparedRead(
    lambda owner_id, first, last: (
        WeeklyReflection.objects.for_user(owner_id).within(first, last).order_by()
    ),
    1,
    datetime.date(2000, 1, 1),
    datetime.date(2000, 1, 8),
)


def load_week_reports(
    user,
    first_days: list[datetime.date],
    *,
    include_notes: bool = True,
    resting: set | None = None,
    shared: bool = False,
    today: datetime.date | None = None,
) -> list[WeekReport]:
    """Reports for consecutive weeks, oldest first, whatever the span (``shared``:
    for the therapist's page, whose notes show less than a card).

    Two queries for the notes and reflections; the figures (WeekReport) read what
    they need only when drawn: the entries' figures without notes, the week before
    the first, the rest days (unless ``resting`` is given: a set, or a lazy one).
    """
    first, last = first_days[0], first_days[-1] + datetime.timedelta(days=6)
    entries = None
    reflections = {}
    if include_notes:
        entries = _NOTES[shared](user.pk, first, last)
        # One per week_of (a unique pair with the owner): _reflection_of sorts them.
        reflections = {
            reflection.week_of: reflection
            for reflection in _REFLECTIONS(user.pk, first, last)
        }
    source = _WeeksSource(user, first, last, entries, resting)
    skills = all_skills()
    return [
        WeekReport(
            first_day,
            source,
            _notes_by_day(first_day, entries) if include_notes else [],
            _reflection_of(first_day, reflections),
            skills,
            today,
        )
        for first_day in first_days
    ]


def _notes_by_day(first_day, entries) -> list[DayNotes]:
    """The week's entries by day, oldest day first, each day's latest shown."""
    by_day = {}
    last_day = first_day + datetime.timedelta(days=6)
    for entry in entries:
        if first_day <= entry.practiced_on <= last_day:
            by_day.setdefault(entry.practiced_on, []).append(entry)
    notes = []
    for day in stats.days_of_week(first_day):
        day_entries = by_day.get(day)
        if day_entries:
            shown = day_entries[:NOTES_SHOWN_PER_DAY]
            notes.append(DayNotes(day, shown, more=len(day_entries) - len(shown)))
    return notes


def _reflection_of(first_day, reflections) -> WeeklyReflection | None:
    last_day = first_day + datetime.timedelta(days=6)
    return next(
        (
            r
            for week_of, r in sorted(reflections.items())
            if first_day <= week_of <= last_day
        ),
        None,
    )
