"""The first run's third question: "Where do you live?"

journal/sessions/first_run.py asks about the next session, reminders/first_run.py
about a reminder, and both go on here (by name: accounts imports neither); this page
goes on to Today. The answer picks the crisis lines shown to the person, so the
country guessed from their time zone at sign-up is offered to confirm or change.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.countries import country_name
from accounts.forms.profile import CountryForm
from accounts.models import profile_for
from core.http import posted_data

logger = logging.getLogger(__name__)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def welcome_country(request):
    if request.method == "POST" and request.POST.get("leave"):
        return redirect("journal:today")
    form = CountryForm(posted_data(request), instance=profile_for(request.user))
    if request.method == "POST" and form.is_valid():
        profile = form.save()
        if profile.country:
            messages.success(
                request,
                _("Saved. The crisis lines shown to you are those of %(country)s.")
                % {"country": country_name(profile.country)},
            )
        logger.info("Country answered in the first run by user %s", request.user.pk)
        return redirect("journal:today")
    return render(request, "accounts/welcome_country.html", {"form": form})
