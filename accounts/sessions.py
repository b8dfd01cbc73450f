"""The browsers where a person is signed in, and signing them out."""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.sessions.models import Session

from accounts.models import SignedInSession
from core.user_agents import browser_family, operating_system

# "Last active" is shown to the quarter hour: finer would mean a write per request.
ACTIVITY_RESOLUTION = datetime.timedelta(minutes=15)


def _store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def record(request, user, now) -> None:
    """Remember the session a sign-in just started (or one that predates this list)."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "browser": browser_family(user_agent),
            "system": operating_system(user_agent),
            "signed_in_at": now,
            "last_active_at": now,
        },
    )


def touch(request, now) -> None:
    """Note that this session is in use, at most once per ACTIVITY_RESOLUTION."""
    last = request.session.get("active_at")
    if last is not None and now.timestamp() - last < ACTIVITY_RESOLUTION.seconds:
        return
    request.session["active_at"] = now.timestamp()
    updated = SignedInSession.objects.filter(
        session_key=request.session.session_key, user=request.user
    ).update(last_active_at=now)
    if not updated:
        record(request, request.user, now)


def active(user, now) -> list[SignedInSession]:
    """The person's sessions that can still be used, most recently active first."""
    live_keys = Session.objects.filter(expire_date__gt=now).values("session_key")
    return list(SignedInSession.objects.filter(user=user, session_key__in=live_keys))


def sign_out(session: SignedInSession) -> None:
    """End one session wherever it is."""
    _store()().delete(session.session_key)
    session.delete()


def sign_out_all(user, *, keep_key: str | None = None) -> int:
    """End every session of the person except ``keep_key``; how many ended."""
    sessions = SignedInSession.objects.filter(user=user)
    if keep_key:
        sessions = sessions.exclude(session_key=keep_key)
    store = _store()()
    ended = 0
    for session in sessions:
        store.delete(session.session_key)
        ended += 1
    sessions.delete()
    return ended
