"""The person's own named skills in the export (added in version 5) and back in.

An entry names one by its uuid (the entry's ``technique``), so they are read
before the entries: an entry may name one the file brings or one the person has.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from core.skills import Skill
from journal.models import NamedSkill
from journal.models.skills import NAME_MAX_LENGTH
from journal.skills.catalogue import Catalogue, Technique, catalogue_for
from journal.skills.services import MAX_NAMED_SKILLS
from portability import readers
from portability.document import ImportRefused, utc_iso
from portability.matching import match_by_uuid


def named_skill_record(skill: NamedSkill) -> dict:
    return {
        "uuid": str(skill.uuid),
        "family": skill.family,
        "name": skill.name,
        "is_hidden": skill.is_hidden,
        "created_at": utc_iso(skill.created_at),
    }


def clean_named_skill(record, now) -> NamedSkill:
    record = readers.record_object(record)
    if record.get("family") not in Skill.values:
        raise forms.ValidationError(_("family is not one of the five skill slugs."))
    return NamedSkill(
        uuid=readers.uuid_of(record, "uuid"),
        family=record["family"],
        name=readers.text(record, "name", NAME_MAX_LENGTH, required=True).strip(),
        is_hidden=readers.flag(record, "is_hidden"),
        created_at=readers.moment(record, "created_at", now),
    )


def catalogue_with(user, brought: list[NamedSkill]) -> Catalogue:
    """The person's named skills and those the file brings (by the file's uuid),
    which the file's entries may name."""
    catalogue = catalogue_for(user)
    known = {t.key for t in catalogue.all}
    added = [
        Technique(str(row.uuid), row.family, row.name, is_own=True, own=row)
        for row in brought
        if str(row.uuid) not in known
    ]
    return Catalogue(catalogue.listed + added)


def add_named_skills(user, brought: list[NamedSkill], entries: list) -> None:
    """Save the file's named skills the person lacks, and point the new entries
    at the rows they name (the person's own when the uuid was theirs already)."""
    matched = match_by_uuid(NamedSkill, user, brought)
    have = NamedSkill.objects.for_user(user).count()
    if have + len(matched.new) > MAX_NAMED_SKILLS:
        raise ImportRefused(
            _(
                "With this file you would have more than %(limit)d named skills of "
                "your own, the most we keep. Nothing was imported."
            )
            % {"limit": MAX_NAMED_SKILLS}
        )
    for row in matched.new:
        row.save()
    existing = NamedSkill.objects.in_bulk(list(matched.existing.values()))
    rows = {
        row.file_uuid: existing.get(matched.existing.get(row.file_uuid), row)
        for row in brought
    }
    for entry in entries:
        named = entry.named_skill
        if named is not None and named.pk is None:
            entry.named_skill = rows[named.file_uuid]
