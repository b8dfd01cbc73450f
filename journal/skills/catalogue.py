"""One person's named skills, built-in and their own, read in one query.

The chips of the quick log and the entry form, the history filter, the
/journal/skills/ page and "what works for me" all start here. Their order is the
person's: the named skills they use most come first, then the rest in the order
they are listed (built-in ones first, then their own in the order they added them).
"""

import functools
import uuid
from dataclasses import dataclass, field

from django.db.models import (
    BooleanField,
    CharField,
    Count,
    DateTimeField,
    IntegerField,
    Q,
    UUIDField,
    Value,
)
from django.utils import translation

from core import fragments
from core.skills import Skill
from journal.models import Entry, NamedSkill
from journal.reads import own_skills
from journal.skills.builtin import BUILT_IN, BY_SLUG, BuiltInSkill


@dataclass(frozen=True)
class Technique:
    """A named skill as forms and pages offer it: built-in or the person's own."""

    key: str  # a built-in slug, or the uuid of the person's own
    family: str
    name: str
    description: str = ""
    caution: str = ""
    is_own: bool = False
    is_hidden: bool = False
    uses: int = 0
    # The person's own row, for renaming, hiding and naming it on an entry.
    own: NamedSkill | None = field(default=None, compare=False, repr=False)

    @property
    def family_label(self) -> str:
        return str(Skill(self.family).label)


@functools.lru_cache(maxsize=256)
def _built_in_words(slug: str, language: str) -> tuple[str, str, str]:
    # ``language`` only keys the memo: the words are translated in the active one.
    skill = BY_SLUG[slug]
    return str(skill.name), str(skill.description), str(skill.caution)


def _built_in(skill: BuiltInSkill, uses: int, language: str | None = None) -> Technique:
    # ``language``: the active one, asked once by a caller making all of them.
    language = language or translation.get_language()
    name, description, caution = _built_in_words(skill.slug, language)
    return Technique(
        skill.slug, skill.family.value, name, description, caution, uses=uses
    )


def _own(row: NamedSkill, uses: int) -> Technique:
    return Technique(
        row.key,
        row.family,
        row.name,
        is_own=True,
        is_hidden=row.is_hidden,
        uses=uses,
        own=row,
    )


class Catalogue:
    """Every named skill one person can log, in their order."""

    def __init__(self, techniques: list[Technique]):
        listed = {t.key: n for n, t in enumerate(techniques)}
        self.listed = techniques
        self.all = sorted(techniques, key=lambda t: (-t.uses, listed[t.key]))
        self.by_key = {t.key: t for t in self.all}

    def find(self, key: str) -> Technique | None:
        return self.by_key.get(key)

    def of_family(self, family: str, *, keep: str = "") -> list[Technique]:
        """The family's named skills offered when logging: hidden ones left out,
        unless it is ``keep`` (the one an entry already names)."""
        return [
            t
            for t in self.all
            if t.family == family and (not t.is_hidden or t.key == keep)
        ]

    def families(self, *, keep: str = "") -> list[tuple[Skill, list[Technique]]]:
        return [(skill, self.of_family(skill.value, keep=keep)) for skill in Skill]

    def families_for_page(self) -> list[tuple[Skill, list, list]]:
        """Each family with its built-in named skills in their listed order and
        the person's own, hidden ones too, in the order they were added."""
        own = self.own
        return [
            (
                skill,
                [t for t in self.listed if t.family == skill and not t.is_own],
                [t for t in own if t.family == skill],
            )
            for skill in Skill
        ]

    def name_own_skills(self, entries) -> None:
        """Give entries read without their named skill (Entry.objects.for_cards())
        the person's own one from this catalogue, so drawing them reads nothing
        more. One the catalogue lacks (added since it was read) is read as usual."""
        own = {t.own.pk: t.own for t in self.all if t.is_own}
        for entry in entries:
            if entry.named_skill_id in own:
                entry.named_skill = own[entry.named_skill_id]

    @property
    def own(self) -> list[Technique]:
        """The person's own named skills, in the order they added them."""
        return sorted(
            (t for t in self.all if t.is_own),
            key=lambda t: (t.own.created_at, t.own.pk),
        )


def catalogue_for(
    user, person_key: str | None = None, read_ahead: dict | None = None
) -> Catalogue:
    """The person's named skills with how often they used each.

    Counting the uses reads every entry that names one, which grows with the
    years: with a ``person_key`` (accounts/freshness.py: renewed by any write and
    at midnight) the counts are kept, keys and numbers only (the ``skill-uses``
    piece), and a visit reads just the person's own named skills, whose names are
    their words (one small query). Without a key, or on the first visit, one
    query reads both.
    """
    rows = None

    def counted() -> dict[str | int, int]:
        nonlocal rows
        rows, uses = _own_rows_and_uses(user)
        return uses

    uses = fragments.kept_for_person("skill-uses", person_key, counted, read_ahead)
    if rows is None:
        rows = own_skills(user.pk)
    # Listed in the order they were added (ties in uses keep that order).
    rows.sort(key=lambda row: (row.created_at, row.pk))
    language = translation.get_language()
    return Catalogue(
        [_built_in(skill, uses.get(skill.slug, 0), language) for skill in BUILT_IN]
        + [_own(row, uses.get(row.pk, 0)) for row in rows]
    )


def _own_rows_and_uses(user) -> tuple[list[NamedSkill], dict[str | int, int]]:
    """The person's own named skills, and each named skill's uses by a built-in
    slug or an own skill's id, in one query."""
    own = (
        NamedSkill.objects.for_user(user)
        .order_by()
        .annotate(
            uses=Count("entries"),
            slug=Value("", output_field=CharField()),
        )
        .values_list(
            "pk", "uuid", "family", "name", "is_hidden", "created_at", "slug", "uses"
        )
    )
    built_in_uses = (
        Entry.objects.for_user(user)
        .filter(~Q(technique=""))
        .order_by()
        .values("technique")
        .annotate(
            uses=Count("pk"),
            no_pk=Value(None, output_field=IntegerField()),
            no_uuid=Value(None, output_field=UUIDField()),
            no_family=Value(None, output_field=CharField()),
            no_name=Value(None, output_field=CharField()),
            no_hidden=Value(None, output_field=BooleanField()),
            no_created_at=Value(None, output_field=DateTimeField()),
        )
        .values_list(
            "no_pk",
            "no_uuid",
            "no_family",
            "no_name",
            "no_hidden",
            "no_created_at",
            "technique",
            "uses",
        )
    )
    counts: dict[str | int, int] = {}
    rows = []
    for pk, key, family, name, is_hidden, created_at, slug, uses in own.union(
        built_in_uses, all=True
    ):
        if pk is None:
            counts[slug] = uses
        else:
            rows.append(
                NamedSkill(
                    pk=pk,
                    uuid=key,
                    owner_id=user.pk,
                    family=family,
                    name=name,
                    is_hidden=is_hidden,
                    created_at=created_at,
                )
            )
            counts[pk] = uses
    return rows, counts


def listed_for(user) -> Catalogue:
    """The person's named skills without their uses, in one small query: for a page
    that lists them in their listed order or finds one by key, never by use (the
    history's filter)."""
    rows = sorted(own_skills(user.pk), key=lambda r: (r.created_at, r.pk))
    return Catalogue(
        [*_unused_built_ins(translation.get_language()), *(_own(r, 0) for r in rows)]
    )


@functools.lru_cache(maxsize=8)
def _unused_built_ins(language: str) -> tuple[Technique, ...]:
    # ``language`` only keys the memo: the names are translated in the active one.
    return tuple(_built_in(skill, 0) for skill in BUILT_IN)


def built_in_catalogue() -> Catalogue:
    """Only the built-in named skills, in their listed order (no query)."""
    language = translation.get_language()
    return Catalogue([_built_in(skill, 0, language) for skill in BUILT_IN])


def technique_filter(key: str) -> Q:
    """Entries naming the named skill ``key``: a built-in slug or a uuid (the
    caller's queryset keeps it to one person's entries)."""
    try:
        return Q(named_skill__uuid=uuid.UUID(key))
    except ValueError:
        return Q(technique=key)
