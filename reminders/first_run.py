"""The first run's second question: "Would a gentle reminder help?"

journal/sessions/first_run.py asks about the next session and sends people here;
this page saves a reminder (or not) and goes on to the third question, where the
person lives (accounts/welcome_views.py). It lives in reminders
because reminders may import journal and accounts, never the other way round.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts import emails
from core.http import posted_data
from reminders import push
from reminders.forms import FirstReminderForm
from reminders.views import settings_for

logger = logging.getLogger(__name__)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def welcome(request):
    if request.method == "POST" and request.POST.get("leave"):
        return redirect("accounts:welcome-country")
    # Only the ways that can reach this person: an address on a server that sends
    # mail (confirmed later: the link is already on its way), or notifications.
    can_email = bool(request.user.email) and emails.sends_email()
    can_push = push.is_configured()
    form = FirstReminderForm(
        posted_data(request),
        instance=settings_for(request.user),
        can_email=can_email,
        can_push=can_push,
    )
    if (can_email or can_push) and request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your reminder is on. You can change it any time."))
        logger.info("Reminder turned on in the first run by user %s", request.user.pk)
        return redirect("accounts:welcome-country")
    context = {
        "form": form,
        "can_remind": can_email or can_push,
        "can_push": can_push,
        "has_address": bool(request.user.email),
        "vapid_public_key": settings.VAPID_PUBLIC_KEY,
        "email_unconfirmed": can_email and not request.user.profile.has_confirmed_email,
    }
    return render(request, "reminders/welcome.html", context)
