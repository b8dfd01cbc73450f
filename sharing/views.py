"""Read-only links to weekly summaries, for a person's therapist."""

import datetime
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts import emails, freshness
from accounts.models import profile_for
from accounts.sudo import sudo_required
from core import fragments
from core.http import posted_data
from core.network import client_ip
from journal import reports, week_reports
from journal.card.queries import NO_CARD, CardSpan
from journal.practice import shared_review
from journal.practice.queries import plan_brought_to
from journal.sessions import dates as session_dates
from journal.sessions import queries as therapy_sessions
from sharing import previews, services
from sharing import weeks as shared_weeks
from sharing.forms import ShareLinkForm
from sharing.models import ShareLink, ShareLinkView

logger = logging.getLogger(__name__)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
@sudo_required(only_post=True)
def sharing_page(request):
    profile = profile_for(request.user)
    form = ShareLinkForm(posted_data(request), display_name=profile.display_name)
    new_link_url = None
    if request.method == "POST" and form.is_valid():
        link, token = services.create_link(
            request.user,
            form,
            profile.today(),
            therapy_sessions.week_start_of(profile, timezone.now()),
            timezone.now(),
        )
        logger.info("Share link %s created by user %s", link.pk, request.user.pk)
        emails.send_notice(request.user, "share-link-created")
        # Shown on this response only (never stored, never redirected through a URL).
        new_link_url = request.build_absolute_uri(
            reverse("sharing:shared", args=[token])
        )
        form = ShareLinkForm(display_name=profile.display_name)
    views = ShareLinkView.objects.only("link_id", "viewed_at", "browser", "system")
    context = {
        "form": form,
        "links": ShareLink.objects.for_user(request.user).prefetch_related(
            Prefetch("views", queryset=views)
        ),
        "new_link_url": new_link_url,
        "now": timezone.now(),
        # Times on this page are the owner's own clock, not the server's.
        "time_zone": profile.time_zone,
    }
    return render(request, "sharing/links.html", context)


@login_required
@require_POST
def revoke(request, pk):
    link = get_object_or_404(ShareLink.objects.for_user(request.user), pk=pk)
    if services.revoke_link(link, timezone.now()):
        logger.info("Share link %s revoked by user %s", link.pk, request.user.pk)
    messages.success(request, _("The link is turned off. Nobody can open it any more."))
    return redirect("sharing:links")


@require_safe
def share_view(request, token):
    now = timezone.now()
    link = services.find_active(token, now)
    if link is None:
        # Unknown, expired and revoked links look exactly the same.
        raise Http404
    # The owner's language, unless the reader flipped it (?lang=): same data either way.
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("lang")
    if language not in languages:
        language = profile_for(link.owner).language
    with translation.override(language):
        # The owner's figures may come from the cache (never their notes): under
        # the owner's journal version, read before their data, date and language.
        owner_cache_key = freshness.cache_key(link.owner)
    weeks = [] if link.is_since_last_session else services.week_firsts(link)
    mark = _visitor_mark(request, link)
    figure_keys = {
        fragments.key("shared-week", owner_cache_key, first): first for first in weeks
    }
    plan_piece = (
        shared_review.piece(owner_cache_key, weeks[0], _last_day(weeks))
        if weeks and link.include_plan
        else None
    )
    # One trip to the cache: whether this browser was counted in the hour, the
    # weeks' figures and the plan's counts.
    wanted = [
        *(("shared-week", owner_cache_key, first) for first in weeks),
        *([plan_piece] if plan_piece else []),
        *([services.seen_piece(link, mark)] if mark else []),
    ]
    read_ahead = fragments.read_ahead(*wanted) if wanted else {}
    if mark:
        _count_view(request, link, mark, now, read_ahead)
    # Only the name chosen for this link: the username is never shown to the reader.
    context = {
        "link": link,
        "owner_cache_key": owner_cache_key,
        "name": link.display_name,
        "other_languages": [
            (code, name) for code, name in settings.LANGUAGES if code != language
        ],
    }
    if link.is_since_last_session:
        context.update(_since_last_session(link, now))
        with translation.override(language):
            context["practice_review"] = _practice_review(
                link, context["report"].first_day, context["report"].last_day
            )
            response = render(request, "sharing/share_since_last_session.html", context)
    else:
        reports_by_week = week_reports.load_week_reports(
            link.owner, weeks, include_notes=link.include_notes, shared=True
        )
        # The card's rows only when the link says so (two queries then, whatever
        # the span); never in the cached figures: they are the person's words.
        card = (
            CardSpan(
                link.owner,
                weeks[0],
                _last_day(weeks),
                include_urges=link.include_urges,
            )
            if link.include_card
            else NO_CARD
        )
        with translation.override(language):
            review = _weekly_review(link, weeks, plan_piece, read_ahead)
            context["practice_review"] = (
                shared_weeks.render_plan_review(review) if review else None
            )
            figures = _weekly_figures(reports_by_week, figure_keys, read_ahead)
            context["weeks"] = shared_weeks.render_weeks(
                [
                    (week, figures[week.first_day], card.week(week.first_day))
                    for week in reversed(reports_by_week)
                ],
                include_notes=link.include_notes,
            )
            response = render(request, "sharing/share.html", context)
    response["Content-Language"] = language
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _weekly_figures(weeks, keys: dict, read_ahead: dict) -> dict:
    """Each week's heading and figures as HTML: as read ahead, or drawn and kept.

    Figures only, never notes: kept under the owner's key, made before their data
    was read (accounts/freshness.py), so a write makes them new at once.
    """
    by_day = {week.first_day: week for week in weeks}
    drawn = {
        key: render_to_string(
            "sharing/includes/shared_week_figures.html", {"report": by_day[first]}
        )
        for key, first in keys.items()
        if key not in read_ahead
    }
    fragments.keep_many("shared-week", drawn)
    figures = {**read_ahead, **drawn}
    return {
        # Our own HTML, drawn from a template with every value escaped.
        first: mark_safe(figures[key])  # noqa: S308
        for key, first in keys.items()
    }


def _last_day(weeks: list[datetime.date]) -> datetime.date:
    return weeks[-1] + datetime.timedelta(days=6)


def _weekly_review(link, weeks, plan_piece, read_ahead):
    """The latest plan the weeks overlap, only when the link says so: its words
    read on every view, its counts kept with the weeks' figures (one plain query
    on a reload; plan_brought_to's one query when they are not kept)."""
    if plan_piece is None:
        return None
    return shared_review.shared_review(
        link.owner,
        weeks[0],
        _last_day(weeks),
        kept_key=fragments.key(*plan_piece),
        read_ahead=read_ahead,
    )


def _practice_review(link, first_day, last_day):
    """The owner's practice plan for the span, only when the link says so (one
    query then). Drawn on every view, never kept: it is their words."""
    if not link.include_plan:
        return None
    return plan_brought_to(link.owner, first_day, last_day)


def _since_last_session(link, now) -> dict:
    """The owner's summary since their last session, as of now: it rolls on."""
    zone = profile_for(link.owner).time_zone
    span = session_dates.span_since_last_session(
        therapy_sessions.held_times(link.owner), now, zone
    )
    upcoming = therapy_sessions.upcoming(link.owner, now)
    starred = therapy_sessions.starred_entries(link.owner, upcoming)
    report = reports.load_span_report(
        link.owner, span, zone, starred=starred, include_notes=link.include_notes
    )
    return {"report": report, "starred_by_day": _by_day(report.starred), "zone": zone}


def _by_day(entries) -> list[reports.DayNotes]:
    """Entries (newest first) grouped by their day, as the shared notes draw them."""
    days: dict = {}
    for entry in entries:
        days.setdefault(entry.practiced_on, []).append(entry)
    return [reports.DayNotes(day, found) for day, found in days.items()]


def _visitor_mark(request, link) -> str:
    """This browser's mark for the link; empty for what is not a person opening it
    (previews, prefetches and HEAD are not counted)."""
    if request.method != "GET" or previews.is_preview(request.headers):
        return ""
    user_agent = request.headers.get("User-Agent", "")
    return services.visitor_mark(link, client_ip(request), user_agent)


def _count_view(request, link, mark, now, read_ahead) -> None:
    """Log a person opening the link, once an hour per browser."""
    user_agent = request.headers.get("User-Agent", "")
    if services.record_view(link, mark, user_agent, now, read_ahead=read_ahead):
        logger.info("Share link %s viewed", link.pk)
        # Marks are only ever written here, so this is where old ones are wiped.
        services.wipe_old_visitor_marks(now)
