"""Rest days: a day, or a span, off from practice, with undo at any time."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import profile_for
from core.http import posted_data, safe_next
from journal.models import RestDay
from journal.rest_days import services
from journal.rest_days.forms import RestDayForm

logger = logging.getLogger(__name__)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def rest_day_list(request):
    today = profile_for(request.user).today()
    form = RestDayForm(
        posted_data(request), today=today, suggested=request.GET.get("first")
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = services.mark(request.user, data["first"], data["last"], data["reason"])
        logger.info("User %s marked %s rest days", request.user.pk, added)
        messages.success(
            request,
            ngettext(
                "Rest day saved. Your streak is safe; take good care of yourself.",
                "%(count)d rest days saved. Your streak is safe; take good care of "
                "yourself.",
                max(added, 1),
            )
            % {"count": added},
        )
        return redirect(safe_next(request, fallback="journal:rest-days"))
    context = {
        "form": form,
        "rest_days": RestDay.objects.for_user(request.user)[:90],
        "today": today,
    }
    return render(request, "journal/rest_days.html", context)


@login_required
@require_POST
def rest_day_delete(request, pk):
    rest_day = get_object_or_404(RestDay.objects.for_user(request.user), pk=pk)
    services.unmark(rest_day)
    messages.success(request, _("That day is an ordinary day again."))
    return redirect(safe_next(request, fallback="journal:rest-days"))
