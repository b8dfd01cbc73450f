"""Therapist links: tokens made once, kept only as hashes."""

import datetime
import hashlib
import secrets

from django.db import transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from core import fragments
from core.prepared import PreparedRead
from core.user_agents import browser_family, operating_system
from journal import stats
from sharing.models import ShareLink, ShareLinkView

# A reload, or the same person coming back, within this span is one view.
REPEAT_WINDOW = datetime.timedelta(hours=1)


def hash_token(token: str) -> str:
    # The token carries 256 random bits, so a plain SHA-256 cannot be reversed.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


# What the shared page reads of a link and its owner: never the owner's password
# hash, e-mail address or names.
SHARED_PAGE_FIELDS = (
    "owner__date_joined",
    "owner__profile__time_zone",
    "owner__profile__week_start",
    "owner__profile__language",
    "owner__profile__journal_version",
    "weeks",
    "is_since_last_session",
    "include_notes",
    "include_card",
    "include_urges",
    "include_plan",
    "display_name",
    "first_day",
    "last_day",
    "created_at",
)


# The link of a token's hash, working at a moment, with its owner's settings.
_ACTIVE_LINK = PreparedRead(
    lambda token_hash, now: (
        ShareLink.objects.active(now)
        .select_related("owner__profile")
        .only(*SHARED_PAGE_FIELDS)
        .filter(token_hash=token_hash)
        .order_by()[:1]  # the hash is unique: nothing to sort
    ),
    "a token's hash",
    datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC),
)


def find_active(token: str, now) -> ShareLink | None:
    """The working link for a token with its owner's settings, in one query; None
    for an unknown, expired or revoked one alike."""
    found = _ACTIVE_LINK(hash_token(token), now)
    return found[0] if found else None


def create_link(
    owner, form, today: datetime.date, week_start: str | int, now
) -> tuple[ShareLink, str]:
    """Save a link from a valid form; return it with its token (never stored)."""
    token = secrets.token_urlsafe(32)
    link = form.save(commit=False)
    link.owner = owner
    link.token_hash = hash_token(token)
    if link.is_since_last_session:
        # It rolls on with the sessions; the days only say when it was made.
        link.first_day = link.last_day = today
    else:
        current_first = stats.first_day_of_week(today, week_start)
        link.first_day = current_first - datetime.timedelta(weeks=link.weeks - 1)
        link.last_day = current_first + datetime.timedelta(days=6)
    link.created_at = now
    link.expires_at = now + datetime.timedelta(
        days=form.cleaned_data["expires_in_days"]
    )
    link.save()
    return link, token


def week_firsts(link: ShareLink) -> list[datetime.date]:
    """The first day of every week the link covers, oldest first."""
    return [link.first_day + datetime.timedelta(weeks=n) for n in range(link.weeks)]


def revoke_link(link: ShareLink, now) -> bool:
    """Turn a link off for good; False if it was already off (nothing changes)."""
    if link.revoked_at is not None:
        return False
    link.revoked_at = now
    link.save(update_fields=["revoked_at"])
    return True


def visitor_mark(link: ShareLink, client_address: str, user_agent: str) -> str:
    """A keyed hash that says "the same browser" for one link, and nothing more.

    How "the same browser" is recognised without keeping the address: a cookie was
    the other choice, but the privacy page promises three cookies and no others, a
    cookie for one link would carry the token in its path, and mail apps often
    drop cookies. The hash is keyed with SECRET_KEY, so a copy of the database
    cannot be matched against addresses; it includes the link, so one reader cannot
    be followed from link to link; and it is wiped after REPEAT_WINDOW.
    """
    value = f"{link.pk}\n{client_address}\n{user_agent}"
    return salted_hmac("journal.share-link-view", value, algorithm="sha256").hexdigest()


def record_view(
    link: ShareLink, mark: str, user_agent: str, now, *, read_ahead: dict | None = None
) -> bool:
    """Log one opening of the link; False if this browser was counted in the hour.

    Runs a constant number of queries, however many views the link has: none for a
    reload the cache remembers, one for another reload, a few under the link's
    lock for a new view. ``read_ahead``: what the page already read from the cache
    (``seen_piece`` with its other keys, in one trip), so not asked again.
    """
    seen = fragments.key(*seen_piece(link, mark))
    kept = fragments.store("share-view-seen")
    if read_ahead.get(seen) if read_ahead is not None else kept.get(seen):
        return False
    since = now - REPEAT_WINDOW
    recent = link.views.filter(visitor_mark=mark, viewed_at__gt=since)
    counted_at = recent.values_list("viewed_at", flat=True).first()
    if counted_at is None:
        with transaction.atomic():
            # One link's views are decided one at a time, so two simultaneous
            # reloads from one browser count once and every other view counts once.
            ShareLink.objects.select_for_update().filter(pk=link.pk).exists()
            counted_at = recent.values_list("viewed_at", flat=True).first()
            if counted_at is None:
                ShareLinkView.objects.create(
                    link=link,
                    viewed_at=now,
                    browser=browser_family(user_agent),
                    system=operating_system(user_agent),
                    visitor_mark=mark,
                )
                # view_count always equals the number of logged views.
                ShareLink.objects.filter(pk=link.pk).update(
                    view_count=F("view_count") + 1, last_viewed_at=now
                )
    # Until its hour is over, a reload is known without the database (a mark, once
    # written, stays until then). The cache forgets it at the same moment.
    remaining = int(((counted_at or now) + REPEAT_WINDOW - now).total_seconds())
    if remaining > 0:
        kept.set(seen, True, remaining)
    return counted_at is None


def seen_piece(link: ShareLink, mark: str) -> tuple:
    """Where a reload within the hour is remembered, as ``(name, *vary_on)`` for
    core.fragments (a page may read it with its other pieces). The link's creation
    time too: an id used again never meets an old mark."""
    return ("share-view-seen", link.pk, f"{link.created_at.timestamp():.6f}", mark)


def wipe_old_visitor_marks(now) -> int:
    """Blank every mark older than REPEAT_WINDOW, on all links; return how many."""
    return (
        ShareLinkView.objects.filter(viewed_at__lte=now - REPEAT_WINDOW)
        .exclude(visitor_mark="")
        .update(visitor_mark="")
    )
