"""The diary card's recent days, packed in one encrypted value: what progress reads.

Progress shows each row of the card over the last twelve weeks. Read day by day,
that is up to 84 check-ins, each decrypted and its JSON parsed (every row's answer
under the row's uuid): for a full card more than half of the page's time, and the
only part of it that grew with a longer history. The digest (CheckInDigest) holds
the person's newest DIGEST_DAYS check-ins, and of each only what progress reads:
the day, whether the skills rating was given, and each answered row's value and
acted-on. One decryption and one small parse a visit, however long the history.

It is derived, never a source: written again from the check-ins by ``refresh`` in
the same transaction as every write to them (journal/card/services.py, the import
in portability/card.py), never on a read, and never exported. The read trusts it
only as far as it reaches: a digest of a person with more check-ins than it keeps
says from which day it holds them all, and a span starting earlier (or a person
without one) reads the check-ins themselves, in the same single query.

Packed as ``{"keys": [row uuid, …], "days": [[day ordinal, skills given,
[key index, value, acted, key index, value, acted, …]], …]}``, newest day first;
an answer is kept when it holds anything at all (as the check-in keeps it).
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    UUIDField,
    Value,
)

from core.prepared import PreparedRead
from journal.card.queries import card_row, check_ins_values, rows_values
from journal.models import CardRow, CheckIn, CheckInDigest

# Twelve weeks are at most 84 days, one check-in a day: thirteen weeks leave room
# for days after "today" seen from another time zone. A span the digest does not
# reach is read from the check-ins anyway (complete_from), so this is about speed.
DIGEST_DAYS = 91
# The union's kind column for the digest's line (rows have theirs, check-ins none).
DIGEST = "digest"


def pack(check_ins) -> dict:
    """``(day, stored values)`` pairs, newest first, packed as the digest holds
    them (pure)."""
    keys: dict[str, int] = {}
    days = []
    for day, values in check_ins:
        values = values or {}
        answers = []
        for key, answer in (values.get("rows") or {}).items():
            if not answer:
                continue
            index = keys.setdefault(key, len(keys))
            answers += (index, answer.get("value"), answer.get("acted"))
        days.append([day.toordinal(), values.get("skills") is not None, answers])
    return {"keys": list(keys), "days": days}


def refresh(user) -> None:
    """Write the person's digest again from their newest check-ins. Called by every
    writer of check-ins, after its write and inside its transaction.

    The person's own row is locked first, until the writer's transaction ends: two
    check-ins saved at once (two tabs, two days) would otherwise each write a
    digest without the other's day. The second waits, then reads both."""
    owner_id = getattr(user, "pk", user)
    with transaction.atomic():
        list(
            get_user_model()
            .objects.select_for_update()
            .filter(pk=owner_id)
            .values_list("pk")
        )
        newest = list(
            CheckIn.objects.for_user(owner_id)
            .order_by("-day")
            .values_list("day", "values")[: DIGEST_DAYS + 1]
        )
        if not newest:
            CheckInDigest.objects.filter(owner_id=owner_id).delete()
            return
        kept = newest[:DIGEST_DAYS]
        CheckInDigest.objects.update_or_create(
            owner_id=owner_id,
            defaults={
                "days": pack(kept),
                "complete_from": kept[-1][0] if len(newest) > DIGEST_DAYS else None,
            },
        )


def _read(owner_id, first_day, last_day):
    """The rows, the digest when it reaches back to ``first_day``, and otherwise
    the span's check-ins: a union, column for column (as queries.rows_and_check_ins,
    whose encrypted columns read the same whichever table they come from)."""
    reaching = Q(complete_from__isnull=True) | Q(complete_from__lte=first_day)
    digest = (
        CheckInDigest.objects.filter(reaching, owner_id=owner_id)
        .order_by()
        .annotate(
            no_uuid=Value(None, output_field=UUIDField()),
            digest=Value(DIGEST, output_field=CharField()),
            no_name=Value("", output_field=CharField()),
            no_position=Value(None, output_field=IntegerField()),
            no_paused=Value(None, output_field=BooleanField()),
        )
        .values_list(
            "owner_id",
            "no_uuid",
            "digest",
            "no_name",
            "days",
            "no_position",
            "no_paused",
            "complete_from",
        )
    )
    check_ins = check_ins_values(
        CheckIn.objects.for_user(owner_id)
        .between(first_day, last_day)
        .filter(
            ~Exists(
                CheckInDigest.objects.filter(reaching, owner_id=OuterRef("owner_id"))
            )
        ),
        sentences=False,
    )
    return rows_values(owner_id).union(digest, check_ins, all=True)


_READ = PreparedRead(_read, 1, datetime.date(2000, 1, 1), datetime.date(2000, 1, 8))


def rows_and_recent_days(
    user, first_day: datetime.date, last_day: datetime.date
) -> tuple[list[CardRow], list[str], list[list]]:
    """The person's rows (in the card's order), and the packed days from
    ``first_day`` to ``last_day``: the digest's keys and its days in the span
    (packed here from the check-ins when the digest does not reach). One query."""
    found_rows, packed, stored = [], None, []
    db = CardRow.objects.db
    for pk, key, kind, name, data, position, is_paused, day in _READ(
        user.pk, first_day, last_day
    ):
        if kind == DIGEST:
            packed = data
        elif kind is None:
            stored.append((day, data))
        else:
            found_rows.append(
                card_row(db, user.pk, (pk, key, kind, name, data, position, is_paused))
            )
    found_rows.sort(key=lambda row: (row.position, row.pk))
    if packed is None:
        packed = pack(stored)
    first, last = first_day.toordinal(), last_day.toordinal()
    days = [day for day in packed["days"] if first <= day[0] <= last]
    return found_rows, packed["keys"], days
