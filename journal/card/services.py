"""Every write to the diary card: rows and the day's check-in.

Every write to check-ins writes the person's digest again in the same transaction
(journal/card/digest.py: what progress reads)."""

import datetime

from django.db import transaction
from django.db.models import Max

from journal.card import digest
from journal.card.suggestions import Suggestion
from journal.models import CardRow, CheckIn

# A paper DBT card has a dozen rows or so; this leaves room and keeps the check-in
# a one-screen thing.
MAX_ROWS = 30


class TooManyRows(Exception):
    """The card already has MAX_ROWS rows."""


def _next_position(user) -> int:
    last = CardRow.objects.for_user(user).aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def add_rows(user, rows: list[tuple[str, str, bool]]) -> list[CardRow]:
    """Add rows ``(kind, name, is_risk)`` at the end of the card, all or none."""
    with transaction.atomic():
        # The person's rows, locked: two taps at once never pass the limit.
        existing = list(CardRow.objects.for_user(user).select_for_update().only("pk"))
        if len(existing) + len(rows) > MAX_ROWS:
            raise TooManyRows
        position = _next_position(user)
        made = [
            CardRow(
                owner=user,
                kind=kind,
                name=name,
                marks={"risk": is_risk, "hidden": False},
                position=position + offset,
            )
            for offset, (kind, name, is_risk) in enumerate(rows)
        ]
        for row in made:
            row.save()
    return made


def add_row(user, kind: str, name: str, is_risk: bool = False) -> CardRow:
    (row,) = add_rows(user, [(kind, name, is_risk)])
    return row


def add_suggestion(user, suggestion: Suggestion) -> CardRow:
    # The name is kept in the language the person reads now: it is theirs to rename.
    return add_row(user, suggestion.kind, str(suggestion.name), suggestion.is_risk)


def rename(row: CardRow, name: str) -> None:
    row.name = name
    row.save(update_fields=["name"])


def move(row: CardRow, step: int) -> None:
    """Move the row one place up (-1) or down (+1); the ends stay where they are."""
    with transaction.atomic():
        rows = list(CardRow.objects.for_user(row.owner).select_for_update())
        index = next(i for i, each in enumerate(rows) if each.pk == row.pk)
        other = index + step
        if not 0 <= other < len(rows):
            return
        rows[index], rows[other] = rows[other], rows[index]
        for position, each in enumerate(rows):
            if each.position != position:
                CardRow.objects.filter(pk=each.pk).update(position=position)


def set_paused(row: CardRow, is_paused: bool) -> None:
    row.is_paused = is_paused
    row.save(update_fields=["is_paused"])


def set_mark(row: CardRow, mark: str, value: bool) -> None:
    """Set the row's ``risk`` or ``hidden`` mark."""
    marks = dict(row.marks or {})
    marks[mark] = value
    if mark == "risk" and not value:
        # A row that is no longer a risk row is no longer hidden as one.
        marks["hidden"] = False
    row.marks = marks
    row.save(update_fields=["marks"])


def remove(row: CardRow) -> None:
    """Delete the row and every value it was given: it leaves no trace behind."""
    key = str(row.uuid)
    with transaction.atomic():
        changed = False
        for check_in in CheckIn.objects.for_user(row.owner).select_for_update():
            answers = (check_in.values or {}).get("rows") or {}
            if key in answers:
                values = dict(check_in.values)
                values["rows"] = {k: v for k, v in answers.items() if k != key}
                check_in.values = values
                check_in.save(update_fields=["values", "updated_at"])
                changed = True
        if changed:
            digest.refresh(row.owner_id)
        row.delete()


def save_check_in(
    user,
    day: datetime.date,
    answers: dict[str, dict],
    skills_rating: int | None,
    sentence: str,
) -> CheckIn | None:
    """Save the day's check-in: ``answers`` by row uuid replace those rows' values;
    values of rows not asked about (paused since) stay as they were. None when
    nothing was answered and the day had no check-in."""
    with transaction.atomic():
        check_in = (
            CheckIn.objects.for_user(user).select_for_update().filter(day=day).first()
        )
        if check_in is None:
            is_blank = (
                not sentence
                and skills_rating is None
                and not any(
                    answer.get("value") is not None or answer.get("acted") is not None
                    for answer in answers.values()
                )
            )
            if is_blank:
                return None  # nothing answered: no empty day is kept
            check_in = CheckIn(owner=user, day=day, values={})
        kept = dict((check_in.values or {}).get("rows") or {})
        for key, answer in answers.items():
            if answer.get("value") is None and answer.get("acted") is None:
                kept.pop(key, None)
            else:
                kept[key] = answer
        check_in.values = {"rows": kept, "skills": skills_rating}
        check_in.sentence = sentence
        check_in.save()
        digest.refresh(user)
    return check_in


def delete_check_in(check_in: CheckIn) -> None:
    with transaction.atomic():
        check_in.delete()
        digest.refresh(check_in.owner_id)
