"""What pages read of the diary card: the rows, and the check-ins of a span.

One query whatever the span (the rows and the span's check-ins together); every
figure is worked out here in Python over the person's few hundred check-ins a
year, because the values are encrypted and no database sum can read them.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from functools import cached_property
from math import fsum
from typing import NamedTuple

from django.db.models import BooleanField, CharField, DateField, IntegerField, Value

from core.prepared import PreparedRead
from journal import stats
from journal.models import CardRow, CheckIn


class Cell(NamedTuple):
    """One row's answer on one day (``value`` None: not rated). A named tuple:
    progress makes one for every row of every day of twelve weeks, and a frozen
    dataclass cost five times as much to make."""

    row: CardRow
    value: int | float | bool | None
    acted: bool | None

    @property
    def is_answered(self) -> bool:
        return self.value is not None or self.acted is not None


class StoredCheckIn(NamedTuple):
    """A check-in as the card reads it: its stored values and its sentence, with
    CheckIn's readers of them. Not a model: a month of check-ins made as models
    cost a shared page more than drawing their days."""

    values: dict
    sentence: str

    @property
    def skills_rating(self) -> int | None:
        return self.values.get("skills")

    def row_answers(self) -> dict:
        """Every row's answer by the row's uuid as text (as CheckIn.row_answers)."""
        return self.values.get("rows") or {}


# Cell(row, value, acted) from a tuple, without the named tuple's own __new__ (a
# Python function): the card makes one for every row of every day it draws.
new_cell = functools.partial(tuple.__new__, Cell)


class CardDay(NamedTuple):
    """One day of a card week: a cell for every row shown (a named tuple, as Cell:
    a shared page makes 28)."""

    day: datetime.date
    cells: list[Cell]
    skills_rating: int | None
    sentence: str

    @property
    def is_checked_in(self) -> bool:
        return (
            any(cell.is_answered for cell in self.cells)
            or self.skills_rating is not None
            or bool(self.sentence)
        )


class RowSummary(NamedTuple):
    """A row over a span: its average (scales, numbers), the days answered yes
    (yes/no), the days acted on (urges), out of the days it was answered. A named
    tuple, as Cell: progress makes a hundred a visit."""

    row: CardRow
    average: float | None
    answered_days: int
    yes_days: int
    acted_days: int


@dataclass(frozen=True)
class RowLine:
    """One row across the days of a week, for a table (the PDF)."""

    row: CardRow
    cells: list[Cell]
    summary: RowSummary


@dataclass(frozen=True)
class CardWeek:
    first_day: datetime.date
    days: list[CardDay]
    summaries: list[RowSummary]
    skills_average: float | None

    @property
    def has_rows(self) -> bool:
        return bool(self.summaries)

    @property
    def has_check_ins(self) -> bool:
        return any(day.is_checked_in for day in self.days)

    @property
    def lines(self) -> list[RowLine]:
        return [
            RowLine(summary.row, [day.cells[index] for day in self.days], summary)
            for index, summary in enumerate(self.summaries)
        ]

    @property
    def sentences(self) -> list[CardDay]:
        return [day for day in self.days if day.sentence]


def average(numbers: list) -> float:
    """The mean of a non-empty list (statistics.mean's exact fractions cost
    progress a tenth of its time, for the same figure to one decimal)."""
    return fsum(numbers) / len(numbers)


def summarise(row: CardRow, cells: list[Cell]) -> RowSummary:
    """One row's figures over the cells given (pure)."""
    numbers = []  # one pass over the cells: a shared page figures 36 rows a visit
    answered_days = yes_days = acted_days = 0
    for _row, value, acted in cells:
        if value is not None or acted is not None:
            answered_days += 1
        if value is True:
            yes_days += 1
        elif value is not None and value is not False:
            numbers.append(value)
        acted_days += acted is True
    return RowSummary(
        row=row,
        average=round(average(numbers), 1) if numbers else None,
        answered_days=answered_days,
        yes_days=yes_days,
        acted_days=acted_days,
    )


# What a span reads of each, in the models' own field order (Model.from_db).
ROW_FIELDS = (
    "id",
    "uuid",
    "owner_id",
    "kind",
    "name",
    "marks",
    "position",
    "is_paused",
)


def rows_values(owner_id):
    """The person's rows as a union's first part reads them: every field, and no
    day (the check-ins' column). digest.py's read starts the same way."""
    return (
        CardRow.objects.for_user(owner_id)
        .order_by()
        .annotate(no_day=Value(None, output_field=DateField()))
        .values_list(
            "pk", "uuid", "kind", "name", "marks", "position", "is_paused", "no_day"
        )
    )


def check_ins_values(check_ins, *, sentences: bool = True):
    """Check-ins as a union's second part reads them, after the rows: no kind,
    position or pause, and the day's sentence only when it is drawn (digest.py's
    read starts the same way and draws none)."""
    return (
        check_ins.order_by()
        .annotate(
            no_kind=Value(None, output_field=CharField()),
            no_sentence=Value("", output_field=CharField()),
            no_position=Value(None, output_field=IntegerField()),
            no_paused=Value(None, output_field=BooleanField()),
        )
        .values_list(
            "pk",
            "uuid",
            "no_kind",
            "sentence" if sentences else "no_sentence",
            "values",
            "no_position",
            "no_paused",
            "day",
        )
    )


def _rows_and_check_ins(owner_id, first_day, last_day):
    check_ins = CheckIn.objects.for_user(owner_id).between(first_day, last_day)
    return rows_values(owner_id).union(check_ins_values(check_ins), all=True)


# Every page that draws the card's days reads this (core/prepared.py).
_ROWS_AND_CHECK_INS = PreparedRead(
    _rows_and_check_ins, 1, datetime.date(2000, 1, 1), datetime.date(2000, 1, 8)
)


def rows_and_check_ins(
    user, first_day: datetime.date, last_day: datetime.date
) -> tuple[list[CardRow], dict[datetime.date, StoredCheckIn]]:
    """The person's rows and the span's check-ins, in one query.

    A union of the two tables, column for column: every page that draws the card
    needs both, and an encrypted column reads the same whichever table it is in
    (the name beside the sentence, the marks beside the values).
    """
    found_rows, found_check_ins = [], {}
    db = CardRow.objects.db
    for pk, key, kind, text, data, position, is_paused, day in _ROWS_AND_CHECK_INS(
        user.pk, first_day, last_day
    ):
        if kind is None:
            found_check_ins[day] = StoredCheckIn(data or {}, text)
        else:
            found_rows.append(
                card_row(db, user.pk, (pk, key, kind, text, data, position, is_paused))
            )
    found_rows.sort(key=lambda row: (row.position, row.pk))
    return found_rows, found_check_ins


def card_row(db: str, owner_id: int, columns: tuple) -> CardRow:
    """A row as the union read it, made as the ORM makes a row it read (from_db):
    the fields not read are left unread, not filled with defaults (a new uuid,
    now())."""
    pk, key, kind, name, marks, position, is_paused = columns
    return CardRow.from_db(
        db, ROW_FIELDS, (pk, key, owner_id, kind, name, marks, position, is_paused)
    )


def shown_rows(
    rows: list[CardRow], answers: list[dict], *, include_urges: bool = True
) -> list[CardRow]:
    """The rows a span shows, given each day's answers by row uuid: never a
    hidden one, a paused one only with an answer in the span (pure)."""
    shown = []
    for row in rows:
        if row.is_hidden or (row.is_urge and not include_urges):
            continue
        if row.is_paused:
            key = str(row.uuid)
            if not any(day.get(key) for day in answers):
                continue
        shown.append(row)
    return shown


class CardSpan:
    """The person's card over consecutive days, for the week, its PDF, progress
    and the shared page: one query, then weeks drawn from memory."""

    def __init__(
        self,
        user,
        first_day: datetime.date,
        last_day: datetime.date,
        *,
        include_urges: bool = True,
    ):
        self.user, self.first_day, self.last_day = user, first_day, last_day
        self.include_urges = include_urges

    @cached_property
    def _read(self) -> tuple[list[CardRow], dict[datetime.date, StoredCheckIn]]:
        return rows_and_check_ins(self.user, self.first_day, self.last_day)

    @property
    def check_ins(self) -> dict[datetime.date, StoredCheckIn]:
        """The span's check-ins by day (read with the rows)."""
        return self._read[1]

    @cached_property
    def rows(self) -> list[CardRow]:
        """The rows shown: never a hidden one; a paused one only with values."""
        rows = self._read[0]
        if not rows:
            return []
        return shown_rows(
            rows,
            [check_in.row_answers() for check_in in self.check_ins.values()],
            include_urges=self.include_urges,
        )

    @cached_property
    def _keys(self) -> list[tuple[CardRow, str]]:
        """Each row shown with its key in a check-in's values, made once."""
        return [(row, str(row.uuid)) for row in self.rows]

    @cached_property
    def _unanswered(self) -> list[Cell]:
        """A day without a check-in: one list for all of them (never changed)."""
        return [Cell(row, None, None) for row in self.rows]

    def day(self, day: datetime.date) -> CardDay:
        check_in = self.check_ins.get(day)
        if check_in is None:
            return CardDay(day, self._unanswered, None, "")
        answers = check_in.row_answers()
        cells = []
        for row, key in self._keys:
            answer = answers.get(key) or {}
            cells.append(new_cell((row, answer.get("value"), answer.get("acted"))))
        return CardDay(day, cells, check_in.skills_rating, check_in.sentence)

    def summaries(self, days: list[CardDay]) -> list[RowSummary]:
        # Each row's cells over the days: the days' lists of cells turned round.
        columns = zip(*(day.cells for day in days), strict=True)
        return [
            summarise(row, cells) for row, cells in zip(self.rows, columns, strict=True)
        ]

    def week(self, first_day: datetime.date) -> CardWeek:
        if not self.rows:
            # No card (or none of it shown): nothing to draw.
            return CardWeek(first_day, [], [], None)
        days = [self.day(day) for day in stats.days_of_week(first_day)]
        ratings = [d.skills_rating for d in days if d.skills_rating is not None]
        return CardWeek(
            first_day,
            days,
            self.summaries(days),
            round(average(ratings), 1) if ratings else None,
        )


class _NoCard:
    """A span with no card to show (a share link without the card): reads nothing."""

    def week(self, first_day: datetime.date) -> CardWeek:
        return CardWeek(first_day, [], [], None)


NO_CARD = _NoCard()
