"""Every piece of a page kept in a cache, in one place: its name, the version of what
it holds, and which cache keeps it.

A template keeps one with ``{% kept name vary_on… %}…{% endkept %}``
(core/templatetags/fragments.py). A view asks for one by name: ``key(name, …)``
for where it is kept, ``read_ahead((name, …), …)`` to read several in one trip
(the template is handed what was found as ``read_ahead`` and does not ask again),
``store(name)`` for the cache itself. The version is part of every key: when what
a piece holds changes shape, raise its version here, so a deploy never draws a
page from a piece of the old shape.

Nothing kept here holds journal text (notes, reflections, plans, session labels):
the pieces of a person's pages hold figures, dates and ids, under their
``accounts.freshness.cache_key``, which every write makes new.
"""

from dataclasses import dataclass

from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.utils import make_template_fragment_key

# The longest anything is kept: a person's key changes at their midnight anyway.
DAY = 24 * 60 * 60
# One person's pieces live in the cache every web process shares (Redis in
# production): a write in one process must reach a page drawn by another.
SHARED = "default"
# Pieces that are the same for everyone and that no write makes stale (the menu, a
# blank form, a guide page) stay in each process's own memory: no trip at all.
LOCAL = "shared_fragments"


@dataclass(frozen=True)
class Piece:
    version: int
    cache: str
    seconds: int = DAY


PIECES = {
    # One person's pages, kept under their accounts.freshness.cache_key.
    "today-days": Piece(1, SHARED),  # Today: last 7 days, streak, rest-day button
    "coming-session": Piece(1, SHARED),  # the coming session's facts (a tuple)
    # Today's practice plan counted: False without one, else the plan's id and
    # dates, and each item's id with how often it happened and whether it was
    # ticked today (never a word of it).
    "practice-counts": Piece(2, SHARED),
    # Today's card: (rows rated, rows) or False without rows (never a row's name).
    "todays-card": Piece(1, SHARED),
    # How often each named skill was logged, for the chips' order: a built-in
    # slug or an own skill's id, and a number; never a name.
    "skill-uses": Piece(1, SHARED),
    # the week's summary and the diary card's skills (never the person's own rows)
    "week-summary": Piece(3, SHARED),
    "progress": Piece(2, SHARED),  # all of progress
    # "What works for me": each named skill's key (a slug or a uuid), typical drop
    # and count; never a name (those are the person's words, read each visit).
    "what-works": Piece(1, SHARED),
    "entry-count": Piece(1, SHARED),  # how many entries history pages through
    "shared-week": Piece(3, SHARED),  # a shared week's heading and figures
    # The plan a share link reviews: its id, each item's id and count, the days
    # missed per reason (a fixed choice); never a word of the plan.
    "shared-plan-counts": Piece(1, SHARED),
    # Whether a browser was counted on a share link in its hour (a flag; kept for
    # what is left of that hour).
    "share-view-seen": Piece(1, SHARED),
    # The same for everyone.
    "base-top": Piece(1, LOCAL),
    "base-links": Piece(1, LOCAL),
    "base-scripts": Piece(1, LOCAL),
    "nav": Piece(2, LOCAL),
    "footer": Piece(2, LOCAL),  # per language and crisis-line country
    "shared-footer": Piece(2, LOCAL),  # the shared pages' footer (no language form)
    # A blank entry form's skill choices, and its fields after the named skills
    # (those are the person's own: drawn outside, never kept).
    "entry-skill": Piece(1, LOCAL),
    "entry-fields": Piece(2, LOCAL),
    "text-form": Piece(1, LOCAL),  # a blank form of text areas ({% text_form %})
    "blank-form": Piece(1, LOCAL),  # a form nobody filled in ({% blank_form %})
    "card-add-row": Piece(1, LOCAL),  # My diary card's blank "Add your own row" form
    # history's filters, nothing typed (never the named skills: the person's own)
    "history-filters": Piece(2, LOCAL),
    "guide-page": Piece(2, LOCAL),  # per reader's crisis-line country too
    # The help page's choice of a country's crisis lines, per country chosen.
    "country-choice": Piece(1, LOCAL),
    "share-language": Piece(1, LOCAL),  # the shared pages' language links
}


def piece(name: str) -> Piece:
    """The piece called ``name``; a name not listed above is a mistake, said loudly."""
    try:
        return PIECES[name]
    except KeyError:
        raise LookupError(
            f"No kept piece is called {name!r}: add it to core/fragments.py."
        ) from None


def key(name: str, *vary_on) -> str:
    """Where the piece ``name`` is kept for these values."""
    return make_template_fragment_key(f"{name}.v{piece(name).version}", vary_on)


def store(name: str) -> BaseCache:
    """The cache that keeps the piece ``name``."""
    return caches[piece(name).cache]


def read_ahead(*wanted: tuple) -> dict:
    """Several pieces in one trip, each as ``(name, *vary_on)``: a dict of the keys
    found. All of them must live in the same cache."""
    (cache_name,) = {piece(name).cache for name, *_ in wanted}
    return caches[cache_name].get_many([key(*each) for each in wanted])


def keep_many(name: str, drawn: dict) -> None:
    """Keep several drawings of the piece ``name`` (``{key: value}``) in one trip."""
    if drawn:
        store(name).set_many(drawn, piece(name).seconds)


def kept_for_person(name: str, person_key: str | None, make, read_ahead=None):
    """The piece ``name`` kept under the person's key, else ``make()``, kept now.

    ``make()`` must return something other than None (False says "nothing"), and
    only figures, dates, ids and flags: never journal text. Without a person key
    (nothing to keep it under) it is made each time. ``read_ahead``: what the page
    already read in one trip (read_ahead() above), so not asked again.
    """
    if not person_key:
        return make()
    where = key(name, person_key)
    if read_ahead is not None and where in read_ahead:
        return read_ahead[where]
    found = store(name).get(where) if read_ahead is None else None
    if found is None:
        found = make()
        store(name).set(where, found, piece(name).seconds)
    return found
