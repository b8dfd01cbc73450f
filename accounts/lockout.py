"""Pausing after too many wrong passwords or codes.

Log-in has three rules, each counted in the database so every web process agrees:
- one username and one address: 5 failures pause that pair (django-axes);
- one username from any address: USERNAME_LIMIT failures in USERNAME_WINDOW;
- one address with any usernames: ADDRESS_LIMIT failures in ADDRESS_WINDOW.
The last two pause for COOL_OFF. So that nobody can keep a person out of their own
journal by failing on purpose (an abusive partner, a clinic's shared Wi-Fi), a browser
that has signed in to the account before carries a signed device cookie that passes
all three rules; the password (and the code) are still checked.

A signed-in session that checks a password or a code (changing the password, "is it
you?", erasing the account, turning two-factor off) is already inside the journal, so
the device cookie is no way around its rule: USERNAME_LIMIT wrong answers from the
account's own sessions in USERNAME_WINDOW pause those checks for COOL_OFF, remembered
browser or not. Only those failures count there: failed log-ins by someone elsewhere
must not stop the owner changing their password while someone is trying it. Each of
them also counts toward the log-in rules above, so guesses made while signed in and
guesses at the log-in form share one budget.

Every check goes through ``check`` (log-in's password step through Django's
authenticate, which django-axes guards and the user_login_failed signal counts).
"""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone

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


class Paused(Exception):
    """The rules say wait: no password or code is checked until ``until``."""

    def __init__(self, until):
        super().__init__("paused")
        self.until = until


def check(request, user, is_right: Callable[[], bool], *, signing_in=False) -> bool:
    """Whether a password or code is right, under the pause rules; wrong ones count.

    ``is_right`` runs only when no rule pauses it (else Paused is raised), so a
    paused check says nothing about the password. ``signing_in``: the code step of
    log-in, where the log-in rules and the device cookie apply; otherwise the person
    is signed in and the signed-in rule applies.
    """
    now = timezone.now()
    username = user.get_username()
    if signing_in:
        until = pause_for(request, username, user.pk, now)
    else:
        until = signed_in_paused_until(username, now)
    if until:
        raise Paused(until)
    if is_right():
        return True
    record_failure(username, client_ip(request), now, is_signed_in=not signing_in)
    return False


def record_failure(
    username: str, ip_address: str | None, now, *, is_signed_in: bool = False
) -> None:
    """Count a wrong password or code; forget failures no rule looks at any more."""
    LoginFailure.objects.create(
        username=username[:150],
        ip_address=ip_address or None,
        failed_at=now,
        is_signed_in=is_signed_in,
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


def signed_in_paused_until(username: str, now):
    """When checks made by the account's own sessions open again; or None."""
    recent = LoginFailure.objects.filter(
        username=username, is_signed_in=True, failed_at__gte=now - USERNAME_WINDOW
    )
    figures = recent.aggregate(count=Count("pk"), latest=Max("failed_at"))
    if figures["count"] >= USERNAME_LIMIT and figures["latest"] + COOL_OFF > now:
        return figures["latest"] + COOL_OFF
    return None


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


def is_known_browser(request, credentials) -> bool:
    """For django-axes (AXES_WHITELIST_CALLABLE): this browser signed in to the
    account being tried before, so the username+address rule lets it through too."""
    username = (credentials or {}).get("username") or ""
    if not username or request is None:
        return False
    user_id = (
        get_user_model()
        .objects.filter(**{get_user_model().USERNAME_FIELD: username})
        .values_list("pk", flat=True)
        .first()
    )
    return user_id is not None and user_id in device_accounts(request)


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
