"""Therapist links: tokens made once, kept only as hashes."""

import datetime
import hashlib
import secrets

from journal import stats
from journal.models import ShareLink


def hash_token(token: str) -> str:
    # The token carries 256 random bits, so a plain SHA-256 cannot be reversed.
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def create_link(
    owner, form, today: datetime.date, week_start: str, now
) -> tuple[ShareLink, str]:
    """Save a link from a valid form; return it with its token (never stored)."""
    token = secrets.token_urlsafe(32)
    link = form.save(commit=False)
    link.owner = owner
    link.token_hash = hash_token(token)
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
