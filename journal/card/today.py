"""The diary card of one day: how much of Today's card is filled in, and whether a
day's check-in calls for the safety notice.

The card over a span of days (the week, the shared page) is ``queries.CardSpan``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from core import fragments
from journal.models import CardRow, CheckIn


@dataclass(frozen=True)
class TodaysCard:
    """How much of the day's card is filled in: "2 of 5 rows"."""

    day: datetime.date
    rated: int
    total: int


def todays_card(
    user,
    day: datetime.date,
    person_key: str | None = None,
    read_ahead: dict | None = None,
) -> TodaysCard | None:
    """The day's card for Today; None without a card.

    Two queries (one without rows); with a ``person_key`` the two figures are
    kept under it (any write, a check-in too, and midnight renew it), so most
    visits read none.
    """

    def counted() -> tuple[int, int] | bool:
        rows = list(
            CardRow.objects.for_user(user).active().values_list("uuid", flat=True)
        )
        if not rows:
            return False
        check_in = check_in_of(user, day)
        rated = sum(1 for row in rows if check_in and check_in.row_answer(row))
        return (rated, len(rows))

    figures = fragments.kept_for_person("todays-card", person_key, counted, read_ahead)
    if not figures:
        return None
    rated, total = figures
    return TodaysCard(day, rated, total)


def check_in_of(user, day: datetime.date) -> CheckIn | None:
    """The person's check-in of a day, if any: one query."""
    return CheckIn.objects.for_user(user).filter(day=day).first()


def needs_safety_notice(rows: list[CardRow], check_in: CheckIn | None) -> bool:
    """A risk row rated 4–5 or acted on: the page shows who to reach now (pure)."""
    if check_in is None:
        return False
    for row in rows:
        if not (row.is_risk and row.is_urge):
            continue
        answer = check_in.row_answer(row.uuid)
        value = answer.get("value")
        if answer.get("acted") is True or (
            isinstance(value, int) and not isinstance(value, bool) and value >= 4
        ):
            return True
    return False
