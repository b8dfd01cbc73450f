"""Which rows of an imported file are new: the one rule every record kind follows.

Rows are matched by uuid, so importing a file twice adds nothing the second time. A
uuid that someone else's row already has gets a new one on the added row, and the
file learns nothing about the other person.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass


@dataclass(frozen=True)
class Matched:
    """The person's existing rows by the file's uuid, and the rows to add."""

    existing: dict
    new: list


def match_by_uuid(model, user, rows: list) -> Matched:
    """Split ``rows`` into those the person has and new ones, owned by them.

    Each row keeps the file's uuid as ``row.file_uuid``, so what points at it in the
    file can still find it after its uuid was replaced. One query.
    """
    uuids = [row.uuid for row in rows]
    owners = list(
        model.objects.filter(uuid__in=uuids).values_list("uuid", "owner_id", "pk")
    )
    existing = {found: pk for found, owner_id, pk in owners if owner_id == user.pk}
    taken = {found for found, owner_id, _pk in owners if owner_id != user.pk}
    new, seen = [], set()
    for row in rows:
        row.file_uuid = row.uuid
        if row.uuid in existing or row.uuid in seen:
            continue
        seen.add(row.uuid)
        if row.uuid in taken:
            row.uuid = uuid.uuid4()
        row.owner_id = user.pk
        new.append(row)
    return Matched(existing, new)


def new_by_key(user, rows: list, key: str, known: set) -> list:
    """Rows whose ``key`` (a week, a day) the person has no row for yet."""
    new = []
    for row in rows:
        value = getattr(row, key)
        if value in known:
            continue
        known.add(value)
        row.owner_id = user.pk
        new.append(row)
    return new
