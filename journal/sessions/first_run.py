"""The first run's first question: "When is your next therapy session?"

Sign-up lands here. The first run is three questions on three pages, each owned by
the app that keeps the answer: this one saves a session (journal), the next asks
about a gentle reminder (reminders/first_run.py), the last where the person lives
(accounts/welcome_views.py: it picks their crisis lines), and that one goes on to
Today. The
dependency direction decides it: journal may import accounts but never reminders,
and reminders may import journal, so the question order follows the imports and no
app reaches upwards. The person only ever sees one question per screen.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import first_run
from accounts.models import profile_for
from core.http import posted_data
from journal.models import SessionSchedule
from journal.sessions import dates, services
from journal.sessions.forms import SessionForm

logger = logging.getLogger(__name__)

# The buttons that leave without an answer: "Not now" goes on to the reminder
# question, "Skip these questions" straight to Today (the country guessed at
# sign-up stays, and settings change it).
NOT_NOW = "not-now"
SKIP_ALL = "skip-all"


def _save(user, data, profile, now) -> None:
    zone, today = profile.time_zone, profile.today()
    if data["repeats"] == SessionForm.ONCE:
        services.add_one_off(
            user, dates.local_moment(data["on"], data["at"], zone), zone, "", now
        )
    else:
        services.add_schedule(
            user,
            every_weeks=int(data["repeats"]),
            starts_on=data["on"],
            at=data["at"],
            zone=zone,
            label="",
            today=today,
            now=now,
        )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def welcome(request):
    # Asked once: whoever answered or skipped it (or is older than it) goes on.
    if first_run.has_seen_welcome(request.user):
        return redirect("journal:today")
    profile = profile_for(request.user)
    leaving = request.POST.get("leave", "") if request.method == "POST" else ""
    running = SessionSchedule.objects.for_user(request.user).filter(ended_on=None)
    form = SessionForm(
        None if leaving else posted_data(request),
        today=profile.today(),
        running_schedules=running.count(),
    )
    del form.fields["label"]  # kept for the sessions page: one question here
    if leaving or (request.method == "POST" and form.is_valid()):
        if not leaving:
            _save(request.user, form.cleaned_data, profile, timezone.now())
            messages.success(request, _("Your next session is saved."))
            logger.info("First session set by user %s", request.user.pk)
        first_run.mark_welcome_seen(request.user)
        return redirect("journal:today" if leaving == SKIP_ALL else "reminders:welcome")
    context = {"form": form, "zone": profile.time_zone}
    return render(request, "journal/sessions/welcome.html", context)
