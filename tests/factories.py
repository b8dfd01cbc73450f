"""Plain functions that make test data; override any field by keyword."""

import datetime
import itertools
import secrets

from django.contrib.auth import get_user_model
from django.utils import timezone

from accounts.models import profile_for
from journal.models import Entry
from sharing.models import ShareLink
from sharing.services import hash_token

_numbers = itertools.count(1)


def make_user(username=None, password="a-long-test-password", **profile_fields):
    """A user with a profile; profile fields (time_zone, week_start…) by keyword."""
    username = username or f"person{next(_numbers)}"
    user = get_user_model().objects.create_user(username=username, password=password)
    if profile_fields:
        profile = profile_for(user)
        for name, value in profile_fields.items():
            setattr(profile, name, value)
        profile.save()
    return user


def make_entry(owner, **overrides):
    fields = {
        "practiced_on": datetime.date(2026, 11, 20),
        "skill": "emotional-regulation",
        "note": "I noticed the anger rising and named it before replying.",
    }
    fields.update(overrides)
    return Entry.objects.create(owner=owner, **fields)


THOUGHT_RECORD_ANSWERS = {
    "situation": "Team meeting",
    "thought": "They think I am useless",
    "feeling": "ashamed",
    "feeling_before": 8,
    "evidence_for": "My manager frowned",
    "evidence_against": "I was thanked last week",
    "balanced_thought": "One frown is not a verdict on me",
    "feeling_after": 4,
}


def make_exercise_entry(owner, *, key="thought-record", answers=None, **overrides):
    """An entry saved from a guided exercise, as the exercise's form would save it."""
    from journal.exercises.answers import build_note
    from journal.exercises.definitions import ALL_VERSIONS
    from journal.services.exercises import fill_entry

    exercise = next(e for (k, _v), e in ALL_VERSIONS.items() if k == key)
    answers = (
        {**THOUGHT_RECORD_ANSWERS, **(answers or {})}
        if key == ("thought-record")
        else answers
    )
    entry = fill_entry(Entry(owner=owner), exercise, answers)
    entry.practiced_on = overrides.pop("practiced_on", datetime.date(2026, 11, 20))
    entry.note = overrides.pop("note", None) or build_note(exercise, answers)
    for name, value in overrides.items():
        setattr(entry, name, value)
    entry.save()
    return entry


def make_plan(owner, **overrides):
    """An open activity plan (behavioral activation)."""
    from journal.models import ActivityPlan

    fields = {
        "exercise_version": 1,
        "activity": "A ten-minute walk round the block",
        "planned_on": datetime.date(2026, 11, 20),
        "expected": 3,
    }
    fields.update(overrides)
    return ActivityPlan.objects.create(owner=owner, **fields)


def sign_in(client, user):
    """Signed in as after typing the password: sensitive actions need no new prompt."""
    from accounts.sudo import SESSION_KEY, SUDO_DURATION

    client.force_login(user)
    session = client.session
    session[SESSION_KEY] = (timezone.now() + SUDO_DURATION).timestamp()
    session.save()
    return client


def make_signed_in_session(
    user, *, user_agent="Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"
):
    """Another browser signed in as ``user``: a real session and its list entry."""
    from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from accounts.models import SignedInSession
    from core.user_agents import browser_family, operating_system

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return SignedInSession.objects.create(
        user=user,
        session_key=store.session_key,
        browser=browser_family(user_agent),
        system=operating_system(user_agent),
    )


def sign_in_with_second_factor(client, user):
    """Signed in with the password and a code from an authenticator app."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from accounts.models import AuthenticatorDevice

    device = AuthenticatorDevice.objects.create(user=user, name="Authenticator app")
    sign_in(client, user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def make_share_link(owner, now, **overrides) -> tuple[ShareLink, str]:
    """A live link made at ``now``, and the address of its shared page."""
    token = secrets.token_urlsafe(32)
    fields = {
        "token_hash": hash_token(token),
        "weeks": 4,
        "first_day": datetime.date(2026, 10, 26),
        "last_day": datetime.date(2026, 11, 22),
        "created_at": now,
        "expires_at": now + datetime.timedelta(days=30),
    }
    fields.update(overrides)
    return ShareLink.objects.create(owner=owner, **fields), f"/share/{token}/"


def make_named_skill(owner, **overrides):
    """One of the person's own named skills (journal/skills/)."""
    from journal.models import NamedSkill

    fields = {"family": "distress-tolerance", "name": "Ice cube in hand"}
    fields.update(overrides)
    return NamedSkill.objects.create(owner=owner, **fields)
