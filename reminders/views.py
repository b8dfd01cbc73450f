"""Reminder settings, and unsubscribing from a reminder e-mail without logging in."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.models import profile_for
from core.http import posted_data
from reminders.channels import UNSUBSCRIBE_SALT
from reminders.forms import ReminderSettingsForm
from reminders.models import ReminderSettings

logger = logging.getLogger(__name__)


def settings_for(user) -> ReminderSettings:
    reminder, _created = ReminderSettings.objects.get_or_create(user=user)
    return reminder


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def settings_page(request):
    reminder = settings_for(request.user)
    form = ReminderSettingsForm(posted_data(request), instance=reminder)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your reminder settings are saved."))
        return redirect("reminders:settings")
    context = {
        "form": form,
        "has_confirmed_email": profile_for(request.user).has_confirmed_email,
    }
    return render(request, "reminders/settings.html", context)


# Mail apps send the one-click unsubscribe (RFC 8058) as a POST without our CSRF
# token; the signed token in the URL is what proves the request.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)["user"]
    except (signing.BadSignature, KeyError, TypeError):
        return render(request, "reminders/unsubscribe_broken.html", status=400)
    if request.method != "POST":
        return render(request, "reminders/unsubscribe.html", {"token": token})
    ReminderSettings.objects.filter(user_id=user_id).update(channel_email=False)
    logger.info("E-mail reminders turned off for user %s", user_id)
    return render(request, "reminders/unsubscribed.html")
