"""Guided exercises: one per skill, each saved as an entry of that skill."""

import logging

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

from accounts.models import profile_for
from core.http import posted_data, safe_next
from journal.exercises import definitions
from journal.exercises.forms import ExerciseForm, PlanForm, PlanOutcomeForm
from journal.models import ActivityPlan
from journal.services import exercises
from journal.services.entries import FULL_DAY_MESSAGE, DayIsFull

logger = logging.getLogger(__name__)

# Closed plans shown under the plan form: enough to see a pattern.
RECENT_PLANS_SHOWN = 10


def get_plan_for_user(user, pk) -> ActivityPlan:
    """The user's plan, or 404: someone else's plan looks like a missing one."""
    return get_object_or_404(ActivityPlan.objects.for_user(user), pk=pk)


@login_required
@require_safe
def exercise_list(request):
    return render(
        request,
        "journal/exercises/index.html",
        {"exercises": definitions.EXERCISES.values()},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def exercise(request, skill):
    exercise = definitions.for_skill(skill)
    if exercise is None:
        raise Http404
    today = profile_for(request.user).today()
    if exercise.is_plan:
        return _plan_page(request, exercise, today)
    form = ExerciseForm(posted_data(request), exercise=exercise, today=today)
    if request.method == "POST" and form.is_valid():
        try:
            entry = exercises.save_exercise(request.user, form)
        except DayIsFull:
            form.add_error("practiced_on", FULL_DAY_MESSAGE)
        else:
            logger.info(
                "Exercise entry %s saved for user %s", entry.pk, request.user.pk
            )
            messages.success(request, _("Saved. Well done for working it through."))
            return redirect("journal:today")
    return render(
        request,
        "journal/exercises/exercise.html",
        {"exercise": exercise, "form": form},
    )


def _plan_page(request, exercise, today):
    form = PlanForm(posted_data(request), exercise=exercise, today=today)
    if request.method == "POST" and form.is_valid():
        plan = exercises.save_plan(request.user, form)
        logger.info("Activity plan %s saved for user %s", plan.pk, request.user.pk)
        messages.success(
            request,
            _("Planned. It will be on your Today page when the day comes."),
        )
        return redirect("journal:exercise", skill=exercise.skill.value)
    plans = ActivityPlan.objects.for_user(request.user)
    context = {
        "exercise": exercise,
        "form": form,
        "open_plans": list(plans.open()),
        "recent_plans": list(
            plans.exclude(status=ActivityPlan.Status.OPEN)
            .select_related("entry")
            .order_by("-closed_at")[:RECENT_PLANS_SHOWN]
        ),
        "today": today,
    }
    return render(request, "journal/exercises/plan.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_detail(request, pk):
    plan = get_plan_for_user(request.user, pk)
    if not plan.is_open:
        if plan.entry_id:
            return redirect("journal:entry-edit", pk=plan.entry_id)
        messages.info(request, _("This plan is already closed."))
        return redirect("journal:exercise", skill=definitions.ACTIVITY_PLAN.skill.value)
    today = profile_for(request.user).today()
    form = PlanOutcomeForm(
        posted_data(request),
        exercise=definitions.ACTIVITY_PLAN,
        today=today,
        initial={"practiced_on": min(plan.planned_on, today)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = exercises.complete_plan(request.user, plan, form)
        except DayIsFull:
            form.add_error("practiced_on", FULL_DAY_MESSAGE)
        else:
            if entry is None:
                messages.info(request, _("This plan is already closed."))
                return redirect("journal:today")
            logger.info("Activity plan %s done as entry %s", plan.pk, entry.pk)
            messages.success(
                request, _("Saved. Well done for doing it: every small step counts.")
            )
            return redirect(safe_next(request, fallback="journal:today"))
    context = {
        "plan": plan,
        "form": form,
        "exercise": definitions.ACTIVITY_PLAN,
        "next": safe_next(request, ""),
    }
    return render(request, "journal/exercises/plan_outcome.html", context)


@login_required
@require_POST
def plan_not_this_time(request, pk):
    plan = get_plan_for_user(request.user, pk)
    if exercises.let_go(plan):
        logger.info("Activity plan %s let go by user %s", plan.pk, request.user.pk)
        messages.success(
            request,
            _(
                "That's okay: plans don't always happen. Noticing what got in the "
                "way is useful too. Plan another small step when you're ready."
            ),
        )
    return redirect(safe_next(request, fallback="journal:today"))
