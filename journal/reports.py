"""Fetch what the week, progress and shared pages show, in a fixed number of queries.

Views call these; the arithmetic itself lives in ``journal.stats`` (pure).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count
from django.utils.translation import gettext as _

from core.skills import SkillInfo, all_skills
from journal import session_dates, stats
from journal.models import Entry, RestDay, WeeklyReflection

# A day's notes show its latest entries, the rest counted: the busiest allowed week
# (100 entries a day) stays a page that loads and a PDF that prints.
NOTES_SHOWN_PER_DAY = 20
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class DayNotes:
    day: datetime.date
    entries: list[Entry]
    more: int = 0


@dataclass(frozen=True)
class SkillLine:
    """A diary-card row with the skill's details, ready for a template."""

    skill: SkillInfo
    cells: list[tuple[datetime.date, int]]
    total: int


class WeekReport:
    """One week: its notes and reflection at once, its figures when first asked for.

    The figures (diary card, change, distress, rest days) hold no journal text, so
    pages keep them in the cache (accounts/freshness.py); a page drawn from the
    cache never reads the week before, the rest days or the ratings at all.
    """

    def __init__(self, first_day, source, notes_by_day, reflection, skills):
        self.first_day = first_day
        self.last_day = first_day + datetime.timedelta(days=6)
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

    @cached_property
    def change(self) -> stats.WeekChange:
        previous = self._source.total_before(self.first_day)
        return stats.WeekChange(self.card.total, previous)

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

    def total_before(self, first_day: datetime.date) -> int:
        """Entries in the week before ``first_day``: counted when not read."""
        previous = first_day - datetime.timedelta(days=7)
        if previous >= self.first_day:
            return len(self.rows_between(previous, first_day - ONE_DAY))
        return (
            Entry.objects.for_user(self.user)
            .filter(practiced_on__range=(previous, first_day - ONE_DAY))
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


@dataclass(frozen=True)
class Streaks:
    current: int
    longest: int


def load_streaks(user, today: datetime.date, resting: set | None = None) -> Streaks:
    """Current and longest streak: the distinct practised days and the rest days."""
    days = list(
        Entry.objects.for_user(user)
        .order_by()
        .values_list("practiced_on", flat=True)
        .distinct()
    )
    if resting is None:
        resting = rest_days_of(user)
    return Streaks(
        stats.current_streak(days, today, resting),
        stats.longest_streak(days, resting),
    )


def rest_days_of(user) -> set:
    """Every rest day the person chose: one query."""
    return set(RestDay.objects.for_user(user).values_list("day", flat=True))


def load_week_reports(
    user,
    first_days: list[datetime.date],
    *,
    include_notes: bool = True,
    resting: set | None = None,
) -> list[WeekReport]:
    """Reports for consecutive weeks, oldest first, whatever the span.

    Two queries for the notes and reflections; the figures (WeekReport) read what
    they need only when drawn: the entries' figures without notes, the week before
    the first, the rest days (unless ``resting`` is given: a set, or a lazy one).
    """
    first, last = first_days[0], first_days[-1] + datetime.timedelta(days=6)
    entries = None
    reflections = {}
    if include_notes:
        entries = list(
            Entry.objects.for_user(user)
            .for_display()
            .filter(practiced_on__range=(first, last))
            .order_by("practiced_on", "created_at")
        )
        for reflection in (
            WeeklyReflection.objects.for_user(user)
            .within(first, last)
            .order_by("week_of")
        ):
            reflections.setdefault(reflection.week_of, reflection)
    source = _WeeksSource(user, first, last, entries, resting)
    skills = all_skills()
    return [
        WeekReport(
            first_day,
            source,
            _notes_by_day(first_day, entries) if include_notes else [],
            _reflection_of(first_day, reflections),
            skills,
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


@dataclass(frozen=True)
class StrengthLine:
    skill: SkillInfo
    strength: float
    entries: int

    @property
    def level(self) -> str:
        """The strength in a word, kind at the start: a number alone discourages."""
        if self.strength < 15:
            return _("Just started") if self.entries else _("Not started yet")
        if self.strength < 40:
            return _("Growing")
        if self.strength < 70:
            return _("Steady")
        return _("Strong")


@dataclass(frozen=True)
class ProgressReport:
    weeks: list[stats.WeekBar]
    calendar: list[list[stats.CalendarDay | None]]
    calendar_days_practised: int
    strengths: list[StrengthLine]
    totals: stats.Totals
    skills: list[SkillInfo]


def load_progress(user, today: datetime.date, week_start: str | int) -> ProgressReport:
    """Everything the progress page shows, from one grouped query over the history."""
    rows = [
        (day, skill, count)
        for day, skill, count in Entry.objects.for_user(user)
        .filter(practiced_on__lte=today)
        .values_list("practiced_on", "skill")
        .annotate(count=Count("id"))
        .order_by()
    ]
    skills = all_skills()
    slugs = [skill.slug for skill in skills]
    per_day: dict[datetime.date, int] = {}
    days_by_skill: dict[str, list[datetime.date]] = {slug: [] for slug in slugs}
    entries_by_skill = dict.fromkeys(slugs, 0)
    for day, skill, count in rows:
        per_day[day] = per_day.get(day, 0) + count
        if skill in days_by_skill:
            days_by_skill[skill].append(day)
            entries_by_skill[skill] += count
    resting = rest_days_of(user)
    calendar = stats.year_calendar(per_day, today, week_start, rest_days=resting)
    year_start = today - datetime.timedelta(days=364)
    return ProgressReport(
        weeks=stats.weekly_counts(rows, today, week_start, slugs),
        calendar=calendar,
        calendar_days_practised=sum(1 for day in per_day if day >= year_start),
        strengths=[
            StrengthLine(
                skill,
                stats.practice_strength(days_by_skill[skill.slug], today, resting),
                entries_by_skill[skill.slug],
            )
            for skill in skills
        ],
        totals=stats.totals(rows),
        skills=skills,
    )


# --- since the last session -----------------------------------------------------------

# The longest span a summary or its PDF shows: a session long ago shows its last weeks.
SPAN_MAX_DAYS = 12 * 7


@dataclass(frozen=True)
class SpanReport:
    span: session_dates.Span
    first_day: datetime.date
    last_day: datetime.date
    is_shortened: bool
    skill_counts: list[tuple[SkillInfo, int]]
    total: int
    days_practised: int
    rest_count: int
    distress: stats.DistressSummary | None
    starred: list[Entry]
    notes_by_day: list[DayNotes]
    skill_names: dict[str, str] = field(default_factory=dict)

    @property
    def day_count(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def open_days(self) -> int:
        return self.day_count - self.rest_count

    @property
    def distress_by_skill(self) -> list[tuple[str, stats.DistressFigures]]:
        if self.distress is None:
            return []
        return [(self.skill_names[f.skill], f) for f in self.distress.by_skill]


def load_span_report(
    user,
    span: session_dates.Span,
    zone: str,
    *,
    starred: list[Entry] = (),
    include_notes: bool = True,
) -> SpanReport:
    """A span's summary (at most its last 12 weeks): two queries whatever the span."""
    first_day = max(
        span.first_day, span.last_day - datetime.timedelta(SPAN_MAX_DAYS - 1)
    )
    candidates = (
        Entry.objects.for_user(user)
        .for_display()
        .filter(practiced_on__range=(first_day, span.last_day))
        .order_by("-practiced_on", "-created_at")
    )
    entries = [
        entry
        for entry in candidates
        if span.holds(
            session_dates.entry_moment(entry.practiced_on, entry.created_at, zone)
        )
    ]
    resting = set(
        RestDay.objects.for_user(user)
        .filter(day__range=(first_day, span.last_day))
        .values_list("day", flat=True)
    )
    practised = {entry.practiced_on for entry in entries}
    skills = all_skills()
    rows = [
        stats.EntryRow(e.practiced_on, e.skill, e.distress_before, e.distress_after)
        for e in entries
    ]
    notes_by_day = []
    if include_notes:
        for day in sorted(practised, reverse=True):
            day_entries = [e for e in entries if e.practiced_on == day]
            shown = day_entries[:NOTES_SHOWN_PER_DAY]
            notes_by_day.append(
                DayNotes(day, shown, more=len(day_entries) - len(shown))
            )
    return SpanReport(
        span=span,
        first_day=first_day,
        last_day=span.last_day,
        is_shortened=first_day > span.first_day,
        skill_counts=[
            (skill, sum(1 for e in entries if e.skill == skill.slug))
            for skill in skills
        ],
        total=len(entries),
        days_practised=len(practised),
        rest_count=len(resting - practised),
        distress=stats.distress_summary(rows),
        starred=list(starred) if include_notes else [],
        notes_by_day=notes_by_day,
        skill_names={skill.slug: skill.name for skill in skills},
    )
