"""Reads for "what works for me": the person's rated practices, named."""

import functools
from dataclasses import dataclass
from typing import NamedTuple

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from core import fragments
from core.skills import Skill
from journal.html import _
from journal.models import Entry, NamedSkill
from journal.skills.builtin import BUILT_IN
from journal.skills.what_works_html import render_what_works
from journal.skills.works import (
    MINIMUM_RATED,
    Drop,
    Rated,
    WhatWorks,
    what_works,
)


class NamedDrop(NamedTuple):
    """A typical drop with the name a person reads, and its bar's length (%). (A
    named tuple: a frozen dataclass cost three times as much to make, and
    progress makes one for every named skill rated.)"""

    name: str
    drop: Drop
    percent: int
    # Where its bar sits in the chart (each bar has a 10-unit row).
    y: int = 0

    @property
    def change(self) -> str:
        """The typical change in words: "3 points lower", "about the same"."""
        return _change(self.drop.typical, translation.get_language())

    @property
    def sentence(self) -> str:
        """ "Paced breathing: usually 3 points lower, from 14 practices"."""
        return self.sentence_in(translation.get_language())

    def change_in(self, language: str) -> str:
        """``change`` in a language already looked up (the active one)."""
        return _change(self.drop.typical, language)

    def sentence_in(self, language: str) -> str:
        """``sentence`` in a language already looked up (the active one)."""
        count = self.drop.count
        if count < MINIMUM_RATED:
            return _not_enough(count, language) % {"name": self.name, "count": count}
        return _("%(name)s: usually %(change)s, from %(count)d practices", language) % {
            "name": self.name,
            "change": _change(self.drop.typical, language),
            "count": count,
        }


# The words around a figure, made once per process, figure and language (progress
# writes fifty a visit; never a name: that is put in afterwards).
@functools.lru_cache(maxsize=256)
def _change(typical: float, language: str) -> str:
    # ``language`` keys the memo: the words are translated in the active one.
    drop = Drop("", 0, typical)
    # ngettext wants a whole number: 2.5 points reads as plural, as 2 would.
    plural = drop.points if isinstance(drop.points, int) else 2
    values = {"points": drop.points}
    if drop.is_lower:
        return (
            ngettext("%(points)s point lower", "%(points)s points lower", plural)
            % values
        )
    if drop.is_higher:
        return (
            ngettext("%(points)s point higher", "%(points)s points higher", plural)
            % values
        )
    return gettext("about the same")


@functools.lru_cache(maxsize=64)
def _not_enough(count: int, language: str) -> str:
    # ``language`` keys the memo: the words are translated in the active one.
    return ngettext(
        "%(name)s: %(count)d rated practice so far, not enough ratings yet",
        "%(name)s: %(count)d rated practices so far, not enough ratings yet",
        count,
    )


@dataclass(frozen=True)
class WhatWorksReport:
    ranked: list[NamedDrop]
    not_enough: list[NamedDrop]
    families: list[NamedDrop]

    @property
    def is_empty(self) -> bool:
        return not (self.ranked or self.not_enough or self.families)

    @property
    def chart_height(self) -> int:
        return 10 * len(self.ranked)

    @property
    def section(self) -> SafeString:
        """The section as the page shows it (drawn in Python: what_works_html)."""
        return render_what_works(self)


def rated_rows(user) -> list[Rated]:
    """Every practice of the person rated before and after (one query)."""
    rows = (
        Entry.objects.for_user(user)
        .filter(distress_before__isnull=False, distress_after__isnull=False)
        .order_by()
        .values_list(
            "skill",
            "technique",
            "named_skill__uuid",
            "distress_before",
            "distress_after",
        )
    )
    return [
        Rated(skill, str(own) if own else technique, before, after)
        for skill, technique, own, before, after in rows
    ]


def _named(drops, name_of, largest: float) -> list[NamedDrop]:
    return [
        NamedDrop(name_of(d.key), d, round(100 * max(d.typical, 0) / largest))
        for d in drops
    ]


@functools.lru_cache(maxsize=32)
def _family_name(key: str, language: str) -> str:
    # ``language`` keys the memo: the label is translated in the active one.
    return str(Skill(key).label)


def build(works: WhatWorks, names: dict[str, str]) -> WhatWorksReport:
    """Names for the keys; a key no longer known (a slug since retired) is left
    out rather than shown as a code."""

    def technique_name(key: str) -> str:
        return names.get(key, "")

    largest = works.largest
    named = [d for d in _named(works.ranked, technique_name, largest) if d.name]
    ranked = [d._replace(y=10 * row + 2) for row, d in enumerate(named)]
    language = translation.get_language()
    families = _named(
        works.families,
        lambda key: _family_name(key, language),
        max([abs(d.typical) for d in works.families] + [1]),
    )
    return WhatWorksReport(
        ranked=ranked,
        not_enough=[
            d for d in _named(works.not_enough, technique_name, largest) if d.name
        ],
        families=families,
    )


def what_works_for(
    user, person_key: str | None = None, read_ahead: dict | None = None
) -> WhatWorksReport:
    """The person's "what works for me": two queries, however long the history.

    Reading every rated practice grows with the years, so with a ``person_key``
    (accounts/freshness.py: renewed by any write and at midnight) the figures are
    kept: keys (a slug or a uuid) and numbers, never a name. The names, the
    person's own words, are read each visit (one query). ``read_ahead``: what the
    page already read from the cache in one trip, so not asked again.
    """
    works = fragments.kept_for_person(
        "what-works", person_key, lambda: what_works(rated_rows(user)), read_ahead
    )
    return build(works, technique_names(user))


def technique_names(user) -> dict[str, str]:
    """Every named skill's name by its key: the built-in ones', and the person's
    own (one query: their words, read each visit). Only the names: "what works"
    needs no use counts, so no catalogue is built for it."""
    own = NamedSkill.objects.for_user(user).order_by().values_list("uuid", "name")
    return {
        **_built_in_names(translation.get_language()),
        **{str(key): name for key, name in own},
    }


@functools.lru_cache(maxsize=8)
def _built_in_names(language: str) -> dict[str, str]:
    # ``language`` keys the memo: the names are translated in the active one.
    return {skill.slug: str(skill.name) for skill in BUILT_IN}
