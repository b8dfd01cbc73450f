"""Pausing log-in after too many wrong passwords or codes.

Three rules, each counted in the database so every web process agrees:
- one username and one address: 5 failures pause that pair (django-axes);
- one username from any address: USERNAME_LIMIT failures in USERNAME_WINDOW;
- one address with any usernames: ADDRESS_LIMIT failures in ADDRESS_WINDOW.
The last two pause for COOL_OFF. So that nobody can keep a person out of their own
journal by failing on purpose (an abusive partner, a clinic's shared Wi-Fi), a browser
that has signed in to the account before carries a signed device cookie that passes
those two rules; the password (and the code) are still checked.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db.models import Count, Max, Q

from accounts import emails
from accounts.models import LoginFailure
from core.network import client_ip

USERNAME_LIMIT = 10
USERNAME_WINDOW = datetime.timedelta(minutes=15)
ADDRESS_LIMIT = 30
ADDRESS_WINDOW = datetime.timedelta(hours=1)
COOL_OFF = datetime.timedelta(minutes=15)

DEVICE_COOKIE = "device"
DEVICE_SALT = "accounts.lockout.device"
DEVICE_MAX_AGE = 365 * 24 * 60 * 60
# Enough for a family sharing a tablet; the oldest accounts drop off first.
DEVICE_MAX_ACCOUNTS = 10


def record_failure(username: str, ip_address: str | None, now) -> None:
    """Count a wrong password or code; forget failures no rule looks at any more."""
    LoginFailure.objects.create(
        username=username[:150], ip_address=ip_address or None, failed_at=now
    )
    LoginFailure.objects.filter(
        failed_at__lt=now - max(USERNAME_WINDOW, ADDRESS_WINDOW)
    ).delete()
    if paused_until(username, None, now):
        _tell_the_owner(username)


def _tell_the_owner(username: str) -> None:
    """One plain e-mail per pause, so someone trying passwords cannot flood an inbox."""
    # cache.add is atomic: of all the processes counting failures, one sends it.
    if not cache.add(f"pause-notice:{username}", 1, timeout=COOL_OFF.seconds):
        return
    user = (
        get_user_model()
        .objects.filter(**{get_user_model().USERNAME_FIELD: username})
        .first()
    )
    if user is not None:
        emails.send_notice(user, "sign-in-paused")


def paused_until(username: str, ip_address: str | None, now):
    """When log-in for this username, or from this address, opens again; or None."""
    rules = [(Q(username=username), USERNAME_LIMIT, USERNAME_WINDOW)]
    if ip_address:
        rules.append((Q(ip_address=ip_address), ADDRESS_LIMIT, ADDRESS_WINDOW))
    ends = []
    for matches, limit, window in rules:
        recent = LoginFailure.objects.filter(matches, failed_at__gte=now - window)
        figures = recent.aggregate(count=Count("pk"), latest=Max("failed_at"))
        if figures["count"] >= limit and figures["latest"] + COOL_OFF > now:
            ends.append(figures["latest"] + COOL_OFF)
    return max(ends) if ends else None


def pause_for(request, username: str, user_id: int | None, now):
    """When this attempt may go ahead, or None: a browser known to the account
    passes the username and address rules."""
    if user_id is not None and user_id in device_accounts(request):
        return None
    return paused_until(username, client_ip(request), now)


def clear(username: str) -> None:
    """A password reset proves the owner: their username's pause ends at once."""
    LoginFailure.objects.filter(username=username).delete()
    from axes.utils import reset

    reset(username=username)


def device_accounts(request) -> list[int]:
    """Ids of the accounts that have signed in from this browser before."""
    raw = request.COOKIES.get(DEVICE_COOKIE)
    if not raw:
        return []
    try:
        ids = signing.loads(raw, salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE)
    except signing.BadSignature:
        return []
    if not isinstance(ids, list):
        return []
    return [value for value in ids if isinstance(value, int)]


def remember_device(request, response, user) -> None:
    """Mark this browser as one the person signs in from."""
    ids = [pk for pk in device_accounts(request) if pk != user.pk] + [user.pk]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(ids[-DEVICE_MAX_ACCOUNTS:], salt=DEVICE_SALT),
        max_age=DEVICE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
