"""The long view of progress: totals, weeks, the year, strengths, "what works for
me" and the diary card's rows."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from accounts.choices import WeekStart
from accounts.freshness import person_key
from accounts.models import profile_for
from core import fragments
from journal import charts, reports
from journal.card.progress import card_progress
from journal.sessions import queries as therapy_sessions
from journal.skills.reports import what_works_for

# A journal this young gets a word of encouragement beside its strength figures.
NEW_JOURNAL_DAYS = 30
# The year calendar's key: each shade and what it means, the same in both themes.
HEAT_LEVELS = [
    (0, gettext_lazy("No entries")),
    (1, gettext_lazy("1 entry")),
    (2, gettext_lazy("2 entries")),
    (3, gettext_lazy("3 or 4 entries")),
    (4, gettext_lazy("5 or more entries")),
]


def _read_ahead(person: str | None, profile) -> dict | None:
    """The page's kept pieces in one trip to the cache: the coming session's facts,
    the figures of "what works for me" and, when the week does not start on the
    session's day (which only the coming session's facts tell), the kept page."""
    if not person:
        return None
    wanted = [("coming-session", person), ("what-works", person)]
    if profile.week_start != WeekStart.SESSION:
        wanted.append(("progress", person, profile.week_start))
    return fragments.read_ahead(*wanted)


@login_required
@require_safe
def progress(request):
    profile = profile_for(request.user)
    person = person_key(request)
    read_ahead = _read_ahead(person, profile)
    week_start = therapy_sessions.coming(
        profile, timezone.now(), person, read_ahead=read_ahead
    ).week_start
    today = profile.today()
    # Progress holds no journal text: the page is kept in the cache until the next
    # write or midnight (accounts/freshness.py), so nothing below is read or drawn
    # unless the page must be drawn again.
    report = SimpleLazyObject(
        lambda: reports.load_progress(request.user, today, week_start)
    )
    context = {
        "read_ahead": read_ahead,
        "report": report,
        # A phone's chart and a desktop's (full width), shown by the screen's width.
        "bar_chart": SimpleLazyObject(
            lambda: charts.weekly_bar_chart(report.weeks, report.skills)
        ),
        "wide_bar_chart": SimpleLazyObject(
            lambda: charts.weekly_bar_chart(
                report.weeks,
                report.skills,
                width=charts.WIDE_CHART_WIDTH,
                bar_height=charts.WIDE_BAR_CHART_HEIGHT,
            )
        ),
        # The year in one continuous row; a phone scrolls it inside its box.
        "calendar_chart": SimpleLazyObject(
            lambda: charts.calendar_chart(report.calendar)
        ),
        "heat_levels": HEAT_LEVELS,
        # Named with the person's own words: outside the kept page, read each visit.
        "what_works": what_works_for(request.user, person, read_ahead),
        # The person's own rows and values: the same, never kept.
        "card_progress": card_progress(request.user, today, week_start),
        "charts_shown": SimpleLazyObject(
            lambda: [
                (context["bar_chart"], "phone", "d-lg-none"),
                (context["wide_bar_chart"], "wide", "d-none d-lg-block"),
            ]
        ),
        "week_rows": SimpleLazyObject(
            lambda: [
                (week, list(zip(report.skills, week.counts, strict=True)))
                for week in report.weeks
            ]
        ),
        "today": today,
        # A week that starts on the session's day moves when a session passes.
        "week_start": week_start,
        "is_new_journal": SimpleLazyObject(
            lambda: bool(
                report.totals.first_day
                and (today - report.totals.first_day).days < NEW_JOURNAL_DAYS
            )
        ),
    }
    return render(request, "journal/progress.html", context)
