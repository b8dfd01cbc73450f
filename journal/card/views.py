"""My diary card (/journal/card/) and the day's check-in (/journal/check-in/)."""

import datetime
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import profile_for
from core.http import posted_data
from journal.card import services
from journal.card.forms import (
    SKILLS_ANCHORS,
    CheckInForm,
    CopyCardForm,
    RenameForm,
    RowForm,
)
from journal.card.suggestions import BY_KEY, RISK_SUGGESTIONS, SUGGESTIONS
from journal.card.today import check_in_of, needs_safety_notice
from journal.models import CardRow
from journal.stats import EARLIEST_DAY

logger = logging.getLogger(__name__)

# POST /journal/card/rows/<id>/<action>/: what each one-tap button does.
ROW_ACTIONS = {
    "up": lambda row: services.move(row, -1),
    "down": lambda row: services.move(row, +1),
    "pause": lambda row: services.set_paused(row, True),
    "resume": lambda row: services.set_paused(row, False),
    "mark-risk": lambda row: services.set_mark(row, "risk", True),
    "unmark-risk": lambda row: services.set_mark(row, "risk", False),
    "hide": lambda row: services.set_mark(row, "hidden", True),
    "show": lambda row: services.set_mark(row, "hidden", False),
}


def _own_row(request, pk) -> CardRow:
    """The person's row; anyone else's id is a 404, like an id that is not there."""
    return get_object_or_404(CardRow.objects.for_user(request.user), pk=pk)


def _render_card(request, rows, *, form=None, renaming=None, status=200):
    names = {row.name.casefold() for row in rows}
    context = {
        "rows": rows,
        "form": form or RowForm(row_count=len(rows)),
        "renaming": renaming,
        "suggestions": [s for s in SUGGESTIONS if str(s.name).casefold() not in names],
        "risk_suggestions": [
            s for s in RISK_SUGGESTIONS if str(s.name).casefold() not in names
        ],
        "kinds": CardRow.Kind.choices,
        "is_full": len(rows) >= services.MAX_ROWS,
    }
    return render(request, "journal/card/card.html", context, status=status)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def card(request):
    rows = list(CardRow.objects.for_user(request.user))
    form = RowForm(posted_data(request), row_count=len(rows))
    if request.method == "POST":
        if form.is_valid():
            try:
                services.add_row(
                    request.user, form.cleaned_data["kind"], form.cleaned_data["name"]
                )
            except services.TooManyRows:
                form.add_error(None, _("Your card is full."))
            else:
                logger.info("User %s added a card row", request.user.pk)
                messages.success(request, _("Row added to your card."))
                return redirect("journal:card")
        return _render_card(request, rows, form=form)
    return _render_card(request, rows, form=RowForm(row_count=len(rows)))


@login_required
@require_POST
def card_suggestion(request):
    suggestion = BY_KEY.get(request.POST.get("suggestion", ""))
    if suggestion is None:
        raise Http404
    try:
        services.add_suggestion(request.user, suggestion)
    except services.TooManyRows:
        messages.error(request, _("Your card is full. Remove a row to make room."))
    else:
        messages.success(
            request,
            _("“%(name)s” is on your card.") % {"name": suggestion.name},
        )
    return redirect("journal:card")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def card_copy(request):
    count = CardRow.objects.for_user(request.user).count()
    form = CopyCardForm(posted_data(request), row_count=count)
    if request.method == "POST" and form.is_valid():
        try:
            added = services.add_rows(request.user, form.cleaned_data["rows"])
        except services.TooManyRows:
            form.add_error(None, _("Your card is full."))
        else:
            messages.success(
                request,
                _("%(count)d rows copied to your card.") % {"count": len(added)},
            )
            return redirect("journal:card")
    return render(request, "journal/card/copy.html", {"form": form})


@login_required
@require_POST
def row_rename(request, pk):
    row = _own_row(request, pk)
    form = RenameForm(request.POST, prefix=f"r{row.pk}")
    if not form.is_valid():
        rows = list(CardRow.objects.for_user(request.user))
        return _render_card(request, rows, renaming=(row.pk, form))
    services.rename(row, form.cleaned_data["name"])
    messages.success(request, _("Row renamed."))
    return redirect("journal:card")


@login_required
@require_POST
def row_change(request, pk, action):
    change = ROW_ACTIONS.get(action)
    row = _own_row(request, pk)
    if change is None or (action in ("hide", "show") and not row.is_risk):
        raise Http404
    change(row)
    return redirect(f"{reverse('journal:card')}#row-{row.pk}")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def row_remove(request, pk):
    row = _own_row(request, pk)
    if request.method == "POST":
        services.remove(row)
        logger.info("User %s removed a card row", request.user.pk)
        messages.success(request, _("The row and its past values are removed."))
        return redirect("journal:card")
    return render(request, "journal/card/remove.html", {"row": row})


def _check_in_day(request, day):
    today = profile_for(request.user).today()
    if day is None:
        day = today
    if day > today:
        raise Http404  # a day still to come has nothing to check in
    return today, day


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def check_in(request, day=None):
    today, day = _check_in_day(request, day)
    rows = list(CardRow.objects.for_user(request.user).active())
    saved = check_in_of(request.user, day)
    form = CheckInForm(
        posted_data(request),
        rows=rows,
        initial=CheckInForm.initial_for(rows, saved),
    )
    if request.method == "POST" and form.is_valid():
        saved = services.save_check_in(
            request.user,
            day,
            form.answers(),
            form.cleaned_data["skills_rating"],
            form.cleaned_data["sentence"],
        )
        if saved is None:
            messages.info(request, _("Nothing to save yet: tap an answer for any row."))
        else:
            logger.info("User %s saved a check-in", request.user.pk)
            messages.success(request, _("Your check-in is saved."))
        return redirect("journal:check-in-day", day=day)
    context = {
        "form": form,
        "rows": [(row, *form.fields_of(row)) for row in rows],
        "day": day,
        "today": today,
        "is_today": day == today,
        "saved": saved,
        "previous_day": day - datetime.timedelta(days=1)
        if day > EARLIEST_DAY
        else None,
        "next_day": day + datetime.timedelta(days=1) if day < today else None,
        "anchors": SKILLS_ANCHORS,
        "needs_safety_notice": request.method != "POST"
        and needs_safety_notice(rows, saved),
    }
    return render(request, "journal/card/check_in.html", context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def check_in_delete(request, day):
    _check_in_day(request, day)
    saved = check_in_of(request.user, day)
    if saved is None:
        raise Http404
    if request.method == "POST":
        services.delete_check_in(saved)
        messages.success(request, _("That day’s check-in is deleted."))
        return redirect("journal:check-in-day", day=day)
    return render(request, "journal/card/check_in_delete.html", {"day": day})
