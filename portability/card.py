"""The diary card in the export (added in version 5): rows and check-ins, and back.

A check-in's values name their row by its uuid, so a file reads the same whatever
the rows are called; a row that someone else's row shares a uuid with gets a new
one (portability/matching.py) and its values follow it.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext as _

from journal.card import digest
from journal.card.services import MAX_ROWS
from journal.models import CardRow, CheckIn
from journal.models.card import ROW_NAME_MAX_LENGTH, SENTENCE_MAX_LENGTH
from portability import readers
from portability.document import ImportRefused, utc_iso
from portability.matching import match_by_uuid, new_by_key

SCALE = range(0, 6)
SKILLS = range(0, 8)
NUMBER_LIMIT = Decimal(1000)


def row_record(row: CardRow) -> dict:
    return {
        "uuid": str(row.uuid),
        "kind": row.kind,
        "name": row.name,
        "position": row.position,
        "is_paused": row.is_paused,
        "is_risk": row.is_risk,
        "is_hidden": row.is_hidden,
        "created_at": utc_iso(row.created_at),
    }


def check_in_record(check_in: CheckIn) -> dict:
    rows = (check_in.values or {}).get("rows") or {}
    return {
        "uuid": str(check_in.uuid),
        "day": check_in.day.isoformat(),
        "skills_rating": check_in.skills_rating,
        "sentence": check_in.sentence,
        "values": [
            {
                "row_uuid": key,
                "value": answer.get("value"),
                "acted": answer.get("acted"),
            }
            for key, answer in sorted(rows.items())
        ],
        "created_at": utc_iso(check_in.created_at),
        "updated_at": utc_iso(check_in.updated_at),
    }


def clean_row(record, now) -> CardRow:
    record = readers.record_object(record)
    if record.get("kind") not in CardRow.Kind.values:
        raise forms.ValidationError(_("kind is not urge, emotion, number or yes-no."))
    name = readers.text(record, "name", ROW_NAME_MAX_LENGTH, required=True).strip()
    is_risk = readers.flag(record, "is_risk")
    return CardRow(
        uuid=readers.uuid_of(record, "uuid"),
        kind=record["kind"],
        name=name,
        position=readers.whole_number(
            record,
            "position",
            range(0, 10_000),
            _("position is not a whole number from 0 to 9,999."),
            default=0,
        ),
        is_paused=readers.flag(record, "is_paused"),
        marks={
            "risk": is_risk,
            "hidden": is_risk and readers.flag(record, "is_hidden"),
        },
        created_at=readers.moment(record, "created_at", now),
    )


def _number(value) -> int | float:
    problem = forms.ValidationError(
        _("a number value is not from 0 to 1,000 with at most one decimal.")
    )
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise problem
    try:
        decimal = Decimal(str(value))
    except InvalidOperation:
        raise problem from None
    if not (0 <= decimal <= NUMBER_LIMIT) or decimal.as_tuple().exponent < -1:
        raise problem
    return int(decimal) if decimal == decimal.to_integral() else float(decimal)


def _answer(value_record) -> tuple:
    """(row uuid, value, acted) of a value; its kind is checked once rows are known."""
    value_record = readers.record_object(value_record)
    row_uuid = readers.uuid_of(value_record, "row_uuid")
    value, acted = value_record.get("value"), value_record.get("acted")
    if acted is not None and not isinstance(acted, bool):
        raise forms.ValidationError(_("acted is not true, false or null."))
    return row_uuid, value, acted


def clean_check_in(record, latest_day: datetime.date, now) -> CheckIn:
    record = readers.record_object(record)
    day = readers.date_of(record, "day")
    if day > latest_day:
        raise forms.ValidationError(_("day is in the future."))
    skills = record.get("skills_rating")
    if skills is not None:
        skills = readers.whole_number(
            record, "skills_rating", SKILLS, _("skills_rating is not from 0 to 7.")
        )
    values = record.get("values", [])
    if not isinstance(values, list) or len(values) > MAX_ROWS:
        raise forms.ValidationError(
            _("values is not a list of at most %(limit)d values.") % {"limit": MAX_ROWS}
        )
    check_in = CheckIn(
        uuid=readers.uuid_of(record, "uuid"),
        day=day,
        sentence=readers.text(record, "sentence", SENTENCE_MAX_LENGTH),
        created_at=readers.moment(record, "created_at", now),
    )
    # Not fields: the values are checked against their rows' kinds once every row
    # of the file and of the person is known (add_card).
    check_in.skills = skills
    check_in.file_answers = [_answer(value) for value in values]
    return check_in


def _checked_value(row: CardRow, value, acted) -> dict:
    if row.is_scale:
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value not in SCALE
        ):
            raise forms.ValidationError(
                _("a value of an urge or emotion row is not from 0 to 5.")
            )
    elif row.kind == CardRow.Kind.NUMBER:
        value = None if value is None else _number(value)
    elif value is not None and not isinstance(value, bool):
        raise forms.ValidationError(_("a value of a yes-no row is not true or false."))
    if acted is not None and not row.is_urge:
        raise forms.ValidationError(_("only an urge row can be acted on."))
    answer = {"value": value}
    if row.is_urge:
        answer["acted"] = acted
    return answer


def add_card(user, rows: list[CardRow], check_ins: list[CheckIn]) -> tuple[int, int]:
    """Add the file's new rows and the check-ins of days the person has none for;
    returns how many of each. Raises ValidationError when a value names no row."""
    mine = {row.uuid: row for row in CardRow.objects.for_user(user)}
    matched = match_by_uuid(CardRow, user, rows)
    if len(mine) + len(matched.new) > MAX_ROWS:
        raise ImportRefused(
            _(
                "This file would give your diary card %(count)d rows; a card holds at "
                "most %(limit)d. Nothing was imported."
            )
            % {"count": len(mine) + len(matched.new), "limit": MAX_ROWS}
        )
    # The file's uuid → the row it now is (a mine, or a new one, maybe re-numbered).
    by_file_uuid = {row.uuid: row for row in mine.values()}
    for row in rows:
        by_file_uuid[row.file_uuid] = mine.get(row.file_uuid) or row
    known_days = set(CheckIn.objects.for_user(user).values_list("day", flat=True))
    fresh = new_by_key(user, check_ins, "day", known_days)
    for check_in in fresh:
        answers = {}
        for row_uuid, value, acted in check_in.file_answers:
            row = by_file_uuid.get(row_uuid)
            if row is None:
                raise forms.ValidationError(
                    _("a check-in of %(day)s names a row the file does not hold.")
                    % {"day": check_in.day.isoformat()}
                )
            answers[str(row.uuid)] = _checked_value(row, value, acted)
        check_in.values = {"rows": answers, "skills": check_in.skills}
    taken = set(
        CheckIn.objects.filter(uuid__in=[c.uuid for c in fresh]).values_list(
            "uuid", flat=True
        )
    )
    for check_in in fresh:
        if check_in.uuid in taken:
            check_in.uuid = CheckIn._meta.get_field("uuid").get_default()
    CardRow.objects.bulk_create(matched.new)
    CheckIn.objects.bulk_create(fresh)
    if fresh:
        digest.refresh(user)
    return len(matched.new), len(fresh)
