"""Fragments of a person's pages may be cached; this keeps them from going stale.

A fragment is cached under ``cache_key(user)``, made at the start of the request
before the view reads anything: the person (their id and the
moment the account was made, so an id used again after an erasure never meets an
old fragment), ``Profile.journal_version``, their own date today (a streak or a
strength changes at midnight without a write) and the page's language.

Every write bumps the version: ``BumpOnWriteMiddleware`` after any POST (or other
unsafe request) by a signed-in person, whatever it changed, and ``bump()`` for
writes made outside a request (the daily job that makes coming sessions). A
fragment only ever holds what a cached page may hold: never journal text.
"""

from django.db.models import F
from django.utils import translation

from accounts.models import Profile, profile_for
from core.middleware import DATABASE_DOWN_ERRORS, database_unavailable_response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
# The longest anything kept under a person's key is worth keeping: the key itself
# changes at their midnight.
KEPT_SECONDS = 24 * 60 * 60


def bump(user_id) -> None:
    """Every fragment cached for this person is out of date from now on."""
    Profile.objects.filter(user_id=user_id).update(
        journal_version=F("journal_version") + 1
    )


def person_key(request) -> str | None:
    """The key this request's person's pieces are kept under (None signed out)."""
    return getattr(request, "journal_cache_key", None)


def cache_key(user) -> str:
    """The person, the version of their journal, their date and the language."""
    profile = profile_for(user)
    joined = int(user.date_joined.timestamp() * 1_000_000)
    return (
        f"{user.pk}.{joined}.{profile.journal_version}."
        f"{profile.today().isoformat()}.{translation.get_language()}"
    )


class BumpOnWriteMiddleware:
    """Give the request its fragment key; after a write, bump the person's version.

    The key is made before the view runs, and the version is bumped after any POST
    (or PUT, PATCH, DELETE) by a signed-in person.

    After the view, so after its transaction has committed: a page read from then
    on can only be rendered from the new data. Bumping for a request that changed
    nothing (a form with a mistake) costs one cache miss, never a stale page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        user_id = user.pk if signed_in else None
        if signed_in:
            # Before the view reads anything: a fragment drawn from data read later
            # can only be newer than its key says (a write in between bumps the
            # version; midnight in between makes the key yesterday's, never used
            # again), never older.
            request.journal_cache_key = cache_key(user)
        response = self.get_response(request)
        if user_id is not None and request.method not in SAFE_METHODS:
            # The id read before the view: logging out or erasing the account
            # leaves request.user anonymous (erased: the update touches no row).
            try:
                bump(user_id)
            except DATABASE_DOWN_ERRORS:
                # Not acknowledged: the write may stand, its pages must not lie.
                return database_unavailable_response()
        return response
