"""Reminder settings, and unsubscribing from a reminder e-mail without logging in."""

import json
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import profile_for
from core.http import posted_data
from reminders import push
from reminders.channels import unsubscribing_user_id
from reminders.forms import ReminderSettingsForm
from reminders.models import PushSubscription, ReminderSettings

logger = logging.getLogger(__name__)


def settings_for(user) -> ReminderSettings:
    """The person's reminder settings, or unsaved defaults (a GET writes nothing)."""
    return ReminderSettings.objects.filter(user=user).first() or ReminderSettings(
        user=user
    )


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
        "push_is_configured": push.is_configured(),
        "vapid_public_key": settings.VAPID_PUBLIC_KEY,
    }
    return render(request, "reminders/settings.html", context)


# Mail apps send the one-click unsubscribe (RFC 8058) as a POST without our CSRF
# token; the signed token in the URL is what proves the request.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    try:
        user_id = unsubscribing_user_id(token)
    except signing.SignatureExpired:
        # Calm, and the same for everyone: it names nobody and changes nothing.
        return render(request, "reminders/unsubscribe_expired.html", status=410)
    if user_id is None:
        return render(request, "reminders/unsubscribe_broken.html", status=400)
    if request.method != "POST":
        return render(request, "reminders/unsubscribe.html", {"token": token})
    ReminderSettings.objects.filter(user_id=user_id).update(channel_email=False)
    logger.info("E-mail reminders turned off for user %s", user_id)
    return render(request, "reminders/unsubscribed.html")


def _json_body(request) -> dict | None:
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return body if isinstance(body, dict) else None


@login_required
@require_POST
def push_subscribe(request):
    """Remember this browser's push subscription (sent by static/js/push.js)."""
    body = _json_body(request) or {}
    endpoint = body.get("endpoint")
    keys = body.get("keys") if isinstance(body.get("keys"), dict) else {}
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    valid = (
        push.is_configured()
        and isinstance(endpoint, str)
        and len(endpoint) <= 1000
        and push.is_allowed_endpoint(endpoint)
        and isinstance(p256dh, str)
        and 0 < len(p256dh) <= 200
        and isinstance(auth, str)
        and 0 < len(auth) <= 100
    )
    if not valid:
        message = _("This browser's notification details could not be used.")
        return JsonResponse({"errors": {"subscription": [message]}}, status=400)
    PushSubscription.objects.filter(endpoint=endpoint).exclude(
        user=request.user
    ).delete()
    PushSubscription.objects.update_or_create(
        endpoint=endpoint,
        defaults={"user": request.user, "p256dh": p256dh, "auth": auth},
    )
    ReminderSettings.objects.filter(user=request.user).update(channel_push=True)
    logger.info("Push subscription saved for user %s", request.user.pk)
    return JsonResponse({"status": "subscribed"})


@login_required
@require_POST
def push_unsubscribe(request):
    body = _json_body(request) or {}
    PushSubscription.objects.filter(
        user=request.user, endpoint=str(body.get("endpoint", ""))
    ).delete()
    return JsonResponse({"status": "unsubscribed"})
