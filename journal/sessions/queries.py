"""Reads about therapy sessions that several pages share (Today, the week, sharing).

Nothing here writes to the database; coming() keeps its facts in the cache.
"""

import datetime
import zoneinfo
from dataclasses import dataclass

from accounts import freshness
from accounts.choices import WeekStart
from core import fragments
from journal.models import Entry, SessionStar, TalkPoint, TherapySession


def upcoming(user, now) -> TherapySession | None:
    """The next session that takes place: one query."""
    return (
        TherapySession.objects.for_user(user)
        .held()
        .filter(starts_at__gt=now)
        .order_by("starts_at", "pk")
        .first()
    )


def starred_ids(user, session: TherapySession | None) -> frozenset:
    """Ids of the entries starred for a session (None: waiting for one)."""
    return frozenset(
        SessionStar.objects.filter(entry__owner=user, session=session).values_list(
            "entry_id", flat=True
        )
    )


def week_start_of(profile, now) -> str | int:
    """The person's week start, with "session" turned into their session's weekday.

    The next session decides (else the latest one); with none the week starts on
    Monday, as stats.start_weekday does. Queries only for "session".
    """
    if profile.week_start != WeekStart.SESSION:
        return profile.week_start
    return _week_start(profile, upcoming(profile.user, now))


@dataclass(frozen=True)
class Coming:
    """What the next session means for a person's pages right now.

    When it starts (None: no session is coming), the entries starred for it and
    the weekday their week starts on (week_start_of). Times, ids and a weekday:
    no journal text, so pages may keep it in the cache.
    """

    starts_at: datetime.datetime | None
    starred_ids: frozenset
    week_start: str | int


def coming(
    profile, now, person_key: str | None, *, read_ahead: dict | None = None
) -> Coming:
    """The Coming facts, kept under the person's fragment key until the session starts.

    ``person_key`` is accounts.freshness.cache_key, made before anything was read:
    a write (a session added, moved or skipped, a star, a settings change) makes
    a new key, midnight too, and the session starting makes the facts stale, so
    they are read again then. Without a key (nothing to keep them under) they are
    read: three queries at most. ``read_ahead``: what the page already read from
    the cache (the ``coming-session`` piece with its other keys, in one trip), so
    not asked again.
    """
    key = fragments.key("coming-session", person_key) if person_key else None
    if read_ahead is not None:
        kept = read_ahead.get(key)
    else:
        kept = fragments.store("coming-session").get(key) if key else None
    if kept is not None:  # a plain tuple, read back into Coming
        facts = Coming(*kept)
        if facts.starts_at is None or facts.starts_at > now:
            return facts
    user = profile.user
    upcoming_session = upcoming(user, now)
    facts = Coming(
        starts_at=upcoming_session.starts_at if upcoming_session else None,
        starred_ids=starred_ids(user, upcoming_session),
        week_start=_week_start(profile, upcoming_session),
    )
    if key:
        seconds = freshness.KEPT_SECONDS
        if facts.starts_at is not None:
            until = int((facts.starts_at - now).total_seconds())
            seconds = max(1, min(until, freshness.KEPT_SECONDS))
        fragments.store("coming-session").set(
            key, (facts.starts_at, facts.starred_ids, facts.week_start), seconds
        )
    return facts


def _week_start(profile, upcoming_session) -> str | int:
    """week_start_of, given the coming session already read."""
    if profile.week_start != WeekStart.SESSION:
        return profile.week_start
    session = (
        upcoming_session
        or TherapySession.objects.for_user(profile.user)
        .held()
        .order_by("-starts_at")
        .first()
    )
    if session is None:
        return 0
    return session.starts_at.astimezone(zoneinfo.ZoneInfo(profile.time_zone)).weekday()


def starred_entries(user, session: TherapySession | None) -> list[Entry]:
    """The entries starred for a session (None: waiting for one), newest first."""
    # Through the stars themselves: "stars__session=None" would also match entries
    # that have no star at all.
    stars = SessionStar.objects.filter(entry__owner=user, session=session)
    return list(
        Entry.objects.for_user(user)
        .for_display()
        .filter(pk__in=stars.values("entry_id"))
        .order_by("-practiced_on", "-created_at")
    )


def held_times(user) -> list[datetime.datetime]:
    """Every session that takes place, as times: one query."""
    return list(
        TherapySession.objects.for_user(user)
        .held()
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
    )


def talk_points(user, session: TherapySession | None) -> list[TalkPoint]:
    """The talk points for a session (None: waiting for one), in their order."""
    return list(TalkPoint.objects.for_user(user).filter(session=session))
