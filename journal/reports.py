"""Fetch what progress, streaks and sessions show, in a fixed number of queries.

A week's report (the week page, its PDF, the share page) is ``journal.week_reports``.

Views call these; the arithmetic itself lives in ``journal.stats`` (pure).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from core.skills import SkillInfo, all_skills
from journal import charts, stats
from journal.models import Entry, RestDay
from journal.sessions import dates as session_dates

# A day's notes show its latest entries, the rest counted: the busiest allowed week
# (100 entries a day) stays a page that loads and a PDF that prints.
NOTES_SHOWN_PER_DAY = 20


@dataclass(frozen=True)
class DayNotes:
    day: datetime.date
    entries: list[Entry]
    more: int = 0


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
        # From the week of the first entry (at most 12 weeks): no empty weeks
        # before a person began.
        weeks=stats.weekly_counts(
            rows,
            today,
            week_start,
            slugs,
            weeks=charts.weeks_to_show(min(per_day, default=None), today, week_start),
        ),
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
