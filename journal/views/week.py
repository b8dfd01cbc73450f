"""The weekly review, its reflection, and the long view of progress."""

import datetime
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.freshness import person_key
from accounts.models import profile_for
from core import fragments
from journal import pdf, reports, stats, week_reports
from journal.card.queries import CardSpan
from journal.forms import ReflectionForm
from journal.services.reflections import save_reflection
from journal.sessions import queries as therapy_sessions

logger = logging.getLogger(__name__)


def _coming(request, read_ahead: dict | None = None) -> therapy_sessions.Coming:
    """The coming session's facts, read once per request (the week asks twice)."""
    if not hasattr(request, "_coming_session"):
        request._coming_session = therapy_sessions.coming(
            profile_for(request.user),
            timezone.now(),
            person_key(request),
            read_ahead=read_ahead,
        )
    return request._coming_session


def _week_read_ahead(request, day: datetime.date) -> dict | None:
    """The coming session's facts and the week's kept summary in one trip to the
    cache. The summary's key needs the week's first day and whether it is this
    week, known only from the facts: an address is a week's first day (others
    are redirected), so both of that day's keys are asked for."""
    person = person_key(request)
    if not person:
        return None
    return fragments.read_ahead(
        ("coming-session", person),
        ("week-summary", person, day, True),
        ("week-summary", person, day, False),
    )


def _today_and_week_start(request) -> tuple[datetime.date, str | int]:
    return profile_for(request.user).today(), _coming(request).week_start


@login_required
@require_safe
def week_current(request):
    today, week_start = _today_and_week_start(request)
    return redirect("journal:week", day=stats.first_day_of_week(today, week_start))


def _locate_week(request, day):
    """(today, the first day of ``day``'s week, the first day of the current week)."""
    today, week_start = _today_and_week_start(request)
    return (
        today,
        stats.first_day_of_week(day, week_start),
        stats.first_day_of_week(today, week_start),
    )


def _canonical_week_redirect(view_name, day, first_day, current_first):
    """Redirect to the week's first day (never a future week); None if already there."""
    if first_day > current_first:
        return redirect(view_name, day=current_first)
    if first_day != day:
        return redirect(view_name, day=first_day)
    return None


@login_required
@require_safe
def week_detail(request, day):
    read_ahead = _week_read_ahead(request, day)
    _coming(request, read_ahead)
    today, first_day, current_first = _locate_week(request, day)
    redirection = _canonical_week_redirect(
        "journal:week", day, first_day, current_first
    )
    if redirection:
        return redirection
    report, resting = _week_report(request.user, first_day, today)
    form = ReflectionForm(instance=report.reflection)
    return render_week(
        request, report, form, today, current_first, resting, read_ahead=read_ahead
    )


def _week_report(
    user, first_day, today
) -> tuple[week_reports.WeekReport, SimpleLazyObject]:
    """The week, and every rest day (for the streaks): read only if drawn."""
    resting = SimpleLazyObject(lambda: reports.rest_days_of(user))
    (report,) = week_reports.load_week_reports(
        user, [first_day], resting=resting, today=today
    )
    return report, resting


def render_week(
    request,
    report,
    form,
    today,
    current_first,
    resting,
    status=200,
    read_ahead: dict | None = None,
):
    context = {
        # What week_detail read ahead: the {% kept %} summary is not asked again.
        "read_ahead": read_ahead,
        "report": report,
        # The person's own rows: drawn outside the cached summary (their words).
        "card_week": CardSpan(request.user, report.first_day, report.last_day).week(
            report.first_day
        ),
        "form": form,
        # Read only when the week's summary is drawn, not when it comes from the
        # cache (it holds no journal text: accounts/freshness.py).
        "streaks": SimpleLazyObject(
            lambda: reports.load_streaks(request.user, today, resting)
        ),
        "previous_week": report.first_day - datetime.timedelta(days=7),
        "next_week": (
            report.first_day + datetime.timedelta(days=7)
            if report.first_day < current_first
            else None
        ),
        "is_current_week": report.first_day == current_first,
        "today": today,
        # "Mark a rest day" starts from today in this week, else the week's first day.
        "rest_suggestion": today
        if report.first_day == current_first
        else (report.first_day),
        "display_name": profile_for(request.user).display_name,
        "pdf_missing_reason": pdf.missing_reason(),
        "starred_ids": _coming(request).starred_ids,
    }
    return render(request, "journal/week.html", context, status=status)


@login_required
@require_POST
def reflection_save(request, day):
    today, first_day, current_first = _locate_week(request, day)
    if first_day > current_first:
        # Nothing to reflect on yet: the week has not started.
        return redirect("journal:week", day=current_first)
    last_day = first_day + datetime.timedelta(days=6)
    # Only the three texts are checked here; save_reflection finds the week's row
    # under a lock, so it is not looked up twice.
    form = ReflectionForm(request.POST)
    if not form.is_valid():
        report, resting = _week_report(request.user, first_day, today)
        return render_week(request, report, form, today, current_first, resting)
    reflection = save_reflection(request.user, first_day, last_day, form.cleaned_data)
    logger.info("Reflection %s saved by user %s", reflection.pk, request.user.pk)
    messages.success(
        request, _("Your reflection is saved. Bring it to your next session.")
    )
    return redirect("journal:week", day=first_day)


@login_required
@require_safe
def week_pdf(request, day):
    today, first_day, current_first = _locate_week(request, day)
    redirection = _canonical_week_redirect(
        "journal:week-pdf", day, first_day, current_first
    )
    if redirection:
        return redirection
    reason = pdf.missing_reason()
    if reason is not None:
        context = {
            "reason": reason,
            "week_url": reverse("journal:week", args=[first_day]),
        }
        return render(request, "journal/pdf_unavailable.html", context, status=503)
    report = week_reports.load_week_reports(request.user, [first_day])[0]
    profile = profile_for(request.user)
    context = {
        "report": report,
        "card_week": CardSpan(request.user, report.first_day, report.last_day).week(
            report.first_day
        ),
        "display_name": profile.display_name,
        # Drawn without the request: the footer's crisis line needs the country.
        "crisis_country": profile.country,
    }
    response = HttpResponse(
        pdf.render_week_pdf(context), content_type="application/pdf"
    )
    filename = f"between-sessions-week-{first_day.isoformat()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    logger.info("Week PDF for user %s", request.user.pk)
    return response
