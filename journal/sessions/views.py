"""Therapy sessions, and the summary a person opens in the waiting room."""

import logging
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts.models import profile_for
from core.http import posted_data, safe_next
from journal import pdf, reports
from journal.cards import render_star_button
from journal.models import Entry, SessionSchedule, TalkPoint, TherapySession
from journal.practice.queries import plan_brought_to
from journal.sessions import dates, queries, services
from journal.sessions.forms import SessionForm, TalkPointForm
from journal.skills.reports import what_works_for

logger = logging.getLogger(__name__)

UPCOMING_SHOWN = 8
PAST_SHOWN = 12


# The day a schedule repeats on, as a sentence wants it ("on Thursdays").
WEEKDAYS_PLURAL = [
    gettext_lazy("Mondays"),
    gettext_lazy("Tuesdays"),
    gettext_lazy("Wednesdays"),
    gettext_lazy("Thursdays"),
    gettext_lazy("Fridays"),
    gettext_lazy("Saturdays"),
    gettext_lazy("Sundays"),
]


def rule_words(schedule: SessionSchedule) -> str:
    """ "Every week on Thursdays at 17:00": the repeat rule as a person says it."""
    words = {
        "days": WEEKDAYS_PLURAL[schedule.starts_on.weekday()],
        "time": schedule.at.strftime("%H:%M"),
    }
    if schedule.every_weeks == 2:
        return _("Every two weeks on %(days)s at %(time)s") % words
    return _("Every week on %(days)s at %(time)s") % words


def get_session_for_user(user, pk) -> TherapySession:
    """The user's session, or 404: someone else's looks like a missing one."""
    return get_object_or_404(TherapySession.objects.for_user(user), pk=pk)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_list(request):
    profile = profile_for(request.user)
    today, zone, now = profile.today(), profile.time_zone, timezone.now()
    schedules = list(
        SessionSchedule.objects.for_user(request.user).filter(ended_on=None)
    )
    form = SessionForm(
        posted_data(request), today=today, running_schedules=len(schedules)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["repeats"] == SessionForm.ONCE:
            services.add_one_off(
                request.user,
                dates.local_moment(data["on"], data["at"], zone),
                zone,
                data["label"],
                now,
            )
            messages.success(request, _("Session saved."))
        else:
            services.add_schedule(
                request.user,
                every_weeks=int(data["repeats"]),
                starts_on=data["on"],
                at=data["at"],
                zone=zone,
                label=data["label"],
                today=today,
                now=now,
            )
            messages.success(
                request, _("Sessions saved. Skip or move any one of them.")
            )
        logger.info("Sessions added by user %s", request.user.pk)
        return redirect("journal:sessions")
    # Reading writes nothing: a schedule's sessions are made when it is set, and
    # the periodic job (run_periodic) keeps making them months ahead.
    sessions = TherapySession.objects.for_user(request.user)
    upcoming = list(sessions.filter(starts_at__gt=now)[:UPCOMING_SHOWN])
    # One card for the session that takes place next; the rest fold away below it.
    next_session = next((one for one in upcoming if not one.is_skipped), None)
    context = {
        "form": form,
        "next_session": next_session,
        "days_until": (
            dates.days_until(next_session.starts_at, now, zone)
            if next_session
            else None
        ),
        "later": [one for one in upcoming if one is not next_session],
        "rules": [(schedule, rule_words(schedule)) for schedule in schedules],
        "past": list(
            sessions.held()
            .filter(starts_at__lte=now)
            .order_by("-starts_at")[:PAST_SHOWN]
        ),
        "zone": zone,
    }
    return render(request, "journal/sessions/list.html", context)


def _upcoming_extras(user, session):
    """The stars and talk points for a session (or, with None, those waiting)."""
    return queries.starred_entries(user, session), queries.talk_points(user, session)


def _summary_context(user, *, talk_form=None) -> dict:
    """Everything "since my last session" shows: a fixed number of queries."""
    profile = profile_for(user)
    zone, now = profile.time_zone, timezone.now()
    span = dates.span_since_last_session(queries.held_times(user), now, zone)
    upcoming = queries.upcoming(user, now)
    starred, points = _upcoming_extras(user, upcoming)
    return {
        "report": reports.load_span_report(user, span, zone, starred=starred),
        "practice_review": plan_brought_to(user, span.first_day, span.last_day),
        "starred_ids": frozenset(entry.pk for entry in starred),
        "upcoming": upcoming,
        "points": points,
        "talk_form": talk_form or TalkPointForm(),
        "zone": zone,
        "display_name": profile.display_name,
        "days_until": (
            dates.days_until(upcoming.starts_at, now, zone) if upcoming else None
        ),
    }


@login_required
@require_safe
def since_last_session(request):
    context = _summary_context(request.user)
    context["what_works"] = what_works_for(
        request.user, getattr(request, "journal_cache_key", None)
    )
    return render(request, "journal/sessions/summary.html", context)


@login_required
@require_safe
def since_last_session_pdf(request):
    reason = pdf.missing_reason()
    if reason is not None:
        context = {"reason": reason, "week_url": reverse("journal:since-last-session")}
        return render(request, "journal/pdf_unavailable.html", context, status=503)
    context = _summary_context(request.user)
    # Drawn without the request: the footer's crisis line needs the country.
    context["crisis_country"] = profile_for(request.user).country
    report = context["report"]
    response = HttpResponse(
        pdf.html_to_pdf(render_to_string("journal/sessions/summary_pdf.html", context)),
        content_type="application/pdf",
    )
    filename = f"between-sessions-since-{report.first_day.isoformat()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    logger.info("Session summary PDF for user %s", request.user.pk)
    return response


@login_required
@require_safe
def session_detail(request, pk):
    session = get_session_for_user(request.user, pk)
    profile = profile_for(request.user)
    zone, now = profile.time_zone, timezone.now()
    report = review = None
    points = starred = []
    if session.starts_at <= now and not session.is_skipped:
        span = dates.span_before(
            session.starts_at, queries.held_times(request.user), zone
        )
        starred, points = _upcoming_extras(request.user, session)
        report = reports.load_span_report(request.user, span, zone, starred=starred)
        review = plan_brought_to(request.user, span.first_day, span.last_day)
    context = {
        "session": session,
        "report": report,
        "practice_review": review,
        "points": points,
        "is_past": session.starts_at <= now,
        "zone": zone,
    }
    return render(request, "journal/sessions/detail.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def session_move(request, pk):
    session = get_session_for_user(request.user, pk)
    profile = profile_for(request.user)
    zone, now = profile.time_zone, timezone.now()
    if session.starts_at <= now:
        raise Http404  # a session that has happened stays where it was
    local = session.starts_at.astimezone(zoneinfo.ZoneInfo(zone))
    form = SessionForm(
        posted_data(request),
        today=profile.today(),
        with_repeats=False,
        initial={"on": local.date(), "at": local.time().replace(second=0)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        starts_at = dates.local_moment(data["on"], data["at"], zone)
        if starts_at <= now:
            form.add_error("on", _("Choose a time that is still to come."))
        else:
            services.move(session, starts_at, zone, now)
            messages.success(request, _("Session moved."))
            return redirect("journal:sessions")
    return render(
        request, "journal/sessions/move.html", {"session": session, "form": form}
    )


def _change_future_session(request, pk, change, message):
    """Skip, restore or remove a session still to come; one that happened is a 404."""
    session = get_session_for_user(request.user, pk)
    if session.starts_at <= timezone.now():
        raise Http404
    change(session, timezone.now())
    messages.success(request, message)
    return redirect(safe_next(request, fallback="journal:sessions"))


@login_required
@require_POST
def session_skip(request, pk):
    return _change_future_session(
        request,
        pk,
        services.skip,
        _("Skipped. Your list and stars move to the next one."),
    )


@login_required
@require_POST
def session_restore(request, pk):
    return _change_future_session(
        request, pk, services.restore, _("The session is back on.")
    )


@login_required
@require_POST
def session_delete(request, pk):
    return _change_future_session(request, pk, services.delete, _("Session removed."))


@login_required
@require_POST
def schedule_stop(request, pk):
    schedule = get_object_or_404(SessionSchedule.objects.for_user(request.user), pk=pk)
    services.stop_schedule(schedule, profile_for(request.user).today(), timezone.now())
    messages.success(
        request, _("No more sessions from this schedule. Past ones are kept.")
    )
    return redirect("journal:sessions")


@login_required
@require_POST
def entry_star(request, pk):
    """One tap: star the entry for the coming session, or take the star back."""
    entry = get_object_or_404(Entry.objects.for_user(request.user), pk=pk)
    is_starred = services.toggle_star(request.user, entry, timezone.now())
    if is_starred:
        message = _("Starred to bring up at your next session.")
    else:
        message = _("Star taken back.")
    if request.headers.get("Accept", "").startswith("application/json"):
        # star.js: the page stays where it is; the button and a status change.
        button = render_star_button(entry, is_starred)
        return JsonResponse(
            {"starred": is_starred, "message": message, "button": str(button)}
        )
    messages.success(request, message)
    return redirect(safe_next(request, fallback="journal:since-last-session"))


@login_required
@require_POST
def talk_point_add(request):
    form = TalkPointForm(request.POST)
    if form.is_valid():
        services.add_talk_point(request.user, form.cleaned_data["text"], timezone.now())
        messages.success(request, _("Added to your list."))
        return redirect("journal:since-last-session")
    context = _summary_context(request.user, talk_form=form)
    return render(request, "journal/sessions/summary.html", context)


@login_required
@require_POST
def talk_point_change(request, pk, action):
    point = get_object_or_404(TalkPoint.objects.for_user(request.user), pk=pk)
    if action not in services.TALK_ACTIONS:
        raise Http404
    services.change_talk_point(point, action)
    return redirect(safe_next(request, fallback="journal:since-last-session"))
