"""Plain functions that make test data; override any field by keyword."""

import datetime
import itertools
import secrets

from django.contrib.auth import get_user_model

from accounts.models import profile_for
from journal.models import Entry, ShareLink
from journal.services.share_links import hash_token

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
