"""The practice plan (/journal/practice-plan/…): write it, change it, start again
from the last one, tick a free-text item, give a missed day a reason."""

import logging
import zoneinfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from accounts.freshness import person_key
from accounts.models import profile_for
from core.http import posted_data, safe_next
from journal.models import PracticeItem, TherapySession
from journal.practice import goals, queries, services
from journal.practice.forms import (
    OPEN_ITEMS,
    MissedDayForm,
    item_initial,
    plan_formset,
)
from journal.rest_days.services import rest_days_between
from journal.skills.catalogue import catalogue_for

logger = logging.getLogger(__name__)


def _new_span(user, profile):
    """The span a plan written now covers, and the session that ends it (None
    without one): two queries."""
    zone = zoneinfo.ZoneInfo(profile.time_zone)
    today = profile.today()
    sessions = {
        starts_at.astimezone(zone).date(): pk
        for pk, starts_at in TherapySession.objects.for_user(user)
        .held()
        .order_by("-starts_at")
        .values_list("pk", "starts_at")
    }
    span = queries.span_for_new_plan(user, today, sessions)
    following = span.ends_on + goals.ONE_DAY
    session = None
    if following in sessions:
        session = TherapySession(pk=sessions[following], owner=user)
    return span, session


def _render_plan(request, profile, missed_form=None, status=200):
    today = profile.today()
    progress = queries.plan_for_day(request.user, today, with_days=True)
    context = {"today": today, "progress": progress, "missed_form": missed_form}
    if progress is None:
        context["previous"] = queries.previous_plan(request.user, today)
    else:
        rest, misses = progress.rest_days, progress.misses
        context["days_to_ask"] = [
            (day, misses.get(day, ""))
            for day in goals.days_to_ask(
                progress.plan.starts_on, today, progress.practised_days, rest
            )
        ]
        context["is_rest_day"] = today in rest
    return render(request, "journal/practice/plan.html", context, status=status)


@login_required
@require_safe
def practice_plan(request):
    return _render_plan(request, profile_for(request.user))


def _render_form(request, formset, *, plan=None, status=200):
    forms_shown = [
        (form, index < OPEN_ITEMS or form.has_changed() or bool(form.initial))
        for index, form in enumerate(formset.forms)
    ]
    context = {"formset": formset, "forms_shown": forms_shown, "plan": plan}
    return render(request, "journal/practice/plan_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def practice_plan_new(request):
    profile = profile_for(request.user)
    if queries.current_plan(request.user, profile.today()) is not None:
        return redirect("journal:practice-plan-edit")
    formset = plan_formset(
        posted_data(request),
        catalogue=catalogue_for(request.user, person_key(request)),
    )
    if request.method == "POST" and formset.is_valid():
        span, session = _new_span(request.user, profile)
        items = [item for item in formset.items if item is not None]
        try:
            services.create_plan(request.user, span, items, session)
        except services.PlanExists:
            return redirect("journal:practice-plan-edit")
        logger.info("User %s wrote a practice plan", request.user.pk)
        messages.success(request, _("Your plan is saved."))
        return redirect("journal:practice-plan")
    return _render_form(request, formset, status=400 if formset.is_bound else 200)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def practice_plan_edit(request):
    profile = profile_for(request.user)
    plan = queries.current_plan(request.user, profile.today())
    if plan is None:
        return redirect("journal:practice-plan-new")
    items = list(plan.items.select_related("named_skill"))
    formset = plan_formset(
        posted_data(request),
        catalogue=catalogue_for(request.user, person_key(request)),
        initial=[item_initial(item) for item in items],
    )
    if request.method == "POST" and formset.is_valid():
        services.change_items(plan, formset.items)
        logger.info("User %s changed their practice plan", request.user.pk)
        messages.success(request, _("Your changes are saved."))
        return redirect("journal:practice-plan")
    status = 400 if formset.is_bound else 200
    return _render_form(request, formset, plan=plan, status=status)


@login_required
@require_POST
def practice_plan_again(request):
    """One tap: this span's plan starts from the last one."""
    profile = profile_for(request.user)
    today = profile.today()
    if queries.current_plan(request.user, today) is not None:
        return redirect("journal:practice-plan-edit")
    previous = queries.previous_plan(request.user, today)
    if previous is None:
        return redirect("journal:practice-plan-new")
    span, session = _new_span(request.user, profile)
    try:
        services.create_plan(request.user, span, services.copy_items(previous), session)
    except services.PlanExists:
        return redirect("journal:practice-plan-edit")
    logger.info("User %s started a practice plan from the last", request.user.pk)
    messages.success(
        request, _("Your new plan starts from your last one. Change it any time.")
    )
    return redirect(safe_next(request, fallback="journal:practice-plan"))


@login_required
@require_POST
def practice_plan_missed(request):
    """A day's reason, one tap; none is ever asked for."""
    profile = profile_for(request.user)
    today = profile.today()
    plan = queries.current_plan(request.user, today)
    if plan is None:
        raise Http404
    form = MissedDayForm(
        request.POST,
        first_day=plan.starts_on,
        today=today,
        rest_days=rest_days_between(request.user, plan.starts_on, today),
    )
    if not form.is_valid():
        return _render_plan(request, profile, missed_form=form, status=400)
    services.set_missed_reason(
        plan, form.cleaned_data["day"], form.cleaned_data["reason"]
    )
    messages.success(request, _("Noted. Thank you for saying."))
    return redirect("journal:practice-plan")


@login_required
@require_POST
def practice_item_tick(request, item):
    """A free-text item of the plan covering today, done once more."""
    today = profile_for(request.user).today()
    found = get_object_or_404(
        PracticeItem.objects.select_related("plan"),
        uuid=item,
        plan__owner=request.user,
        plan__starts_on__lte=today,
        plan__ends_on__gte=today,
    )
    if not found.is_free_text:
        raise Http404  # counted from the journal, never by hand
    services.tick(found, today)
    messages.success(request, _("Ticked."))
    return redirect(safe_next(request, fallback="journal:practice-plan"))
