"""The help page, and the person's own safety plan: read, edit, print, PDF."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core import pdf, pwa
from core.context_processors import account_mark
from core.middleware import answers_without_database
from safety import device
from safety.forms import SafetyPlanForm, name_field, phone_field, rows_of
from safety.models import SafetyPlan
from safety.services import save_plan
from safety.steps import HELP_STEP_KEYS, STEPS, STEPS_BY_KEY

logger = logging.getLogger(__name__)

# The PDF's two sizes: a sheet for the fridge, a card folded into a wallet.
PDF_SIZES = {"page": (), "wallet": ("css/safety-plan-wallet.css",)}


def _plan_of(user) -> SafetyPlan | None:
    """The person's plan with something in it, or None (one query)."""
    plan = SafetyPlan.objects.for_user(user).first()
    return None if plan is None or plan.is_empty else plan


@answers_without_database("safety/help_without_database.html")
@require_safe
def help_page(request):
    """Help now. A signed-in person's plan comes first, and then the page is theirs
    alone: never kept by the device's worker, never stored (no X-Offline-Keep; the
    no-store comes from NoStoreForPrivatePagesMiddleware for anyone signed in)."""
    plan = _plan_of(request.user) if request.user.is_authenticated else None
    if plan is None:
        return _public_help(request)
    context = {
        "plan": plan,
        "help_steps": plan.filled_steps(HELP_STEP_KEYS),
        # A live page no device keeps: the offline copy's owner may be read here.
        "account_mark": account_mark(request.user),
    }
    return render(request, "safety/help.html", context)


@pwa.kept_offline
def _public_help(request):
    # The same for everyone (a device may keep it): it names no account.
    return render(request, "safety/help.html", {"account_mark": None})


@login_required
@require_safe
def plan_page(request):
    plan = _plan_of(request.user)
    context = {
        "plan": plan,
        "steps": plan.filled_steps() if plan else [],
        "device_plan": device.kept_copy(plan) if plan else None,
    }
    return render(request, "safety/plan.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def plan_edit(request):
    plan = SafetyPlan.objects.for_user(request.user).first()
    if request.method != "POST":
        initial = SafetyPlanForm.initial_from(plan) if plan else {}
        return _edit_page(request, SafetyPlanForm(initial=initial))
    example = request.POST.get("add_example", "")
    if example:
        # Without JavaScript, "tap to add" sends the form: add the example to what
        # was typed and show it again, saving nothing yet.
        return _edit_page(
            request, SafetyPlanForm(_with_example(request.POST, example)), added=True
        )
    form = SafetyPlanForm(request.POST)
    if not form.is_valid():
        return _edit_page(request, form, status=400)
    saved = save_plan(request.user, form.plan_values)
    logger.info("Safety plan saved by user %s", request.user.pk)
    if saved is None:
        messages.success(
            request, _("Your safety plan is empty now, so it was removed.")
        )
    else:
        messages.success(request, _("Your safety plan is saved."))
    return redirect("safety:plan")


def _edit_page(request, form, *, status=200, added=False):
    context = {"form": form, "edit_steps": edit_steps(form), "example_added": added}
    return render(request, "safety/plan_edit.html", context, status=status)


def edit_steps(form) -> list[dict]:
    """Each step with its bound fields, for the edit page."""
    shown = []
    for step in STEPS:
        entry = {"step": step}
        if step.is_contacts:
            entry["rows"] = [
                (row, form[name_field(step, row)], form[phone_field(step, row)])
                for row in rows_of(step)
            ]
        else:
            entry["field"] = form[step.key]
        shown.append(entry)
    return shown


def _with_example(data, choice: str):
    """The form's data with one example added to its step ("<key>:<index>")."""
    data = data.copy()
    key, _sep, index = choice.partition(":")
    step = STEPS_BY_KEY.get(key)
    if step is None or not index.isdigit() or int(index) >= len(step.examples):
        return data
    example = str(step.examples[int(index)])
    if step.is_contacts:
        for row in rows_of(step):
            if not data.get(name_field(step, row), "").strip():
                data[name_field(step, row)] = example
                data.setdefault(phone_field(step, row), "")
                break
    else:
        typed = data.get(step.key, "").rstrip()
        data[step.key] = f"{typed}\n{example}" if typed else example
    return data


@login_required
@require_safe
def plan_pdf(request, size="page"):
    plan = _plan_of(request.user)
    if plan is None:
        return redirect("safety:plan")
    reason = pdf.missing_reason()
    if reason is not None:
        context = {"reason": reason}
        return render(request, "safety/pdf_unavailable.html", context, status=503)
    context = {"steps": plan.filled_steps(), "size": size}
    html = render_to_string("safety/plan_pdf.html", context, request=request)
    response = HttpResponse(
        pdf.html_to_pdf(html, PDF_SIZES[size]), content_type="application/pdf"
    )
    filename = f"my-safety-plan-{size}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    logger.info("Safety plan PDF for user %s", request.user.pk)
    return response
