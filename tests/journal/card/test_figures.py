"""The card's figures written quickly, exactly as Django's floatformat writes them."""

import statistics

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from journal.card.cells import one_decimal
from journal.card.queries import (
    Cell,
    RowSummary,
    StoredCheckIn,
    average,
    new_cell,
    summarise,
)
from journal.models import CheckIn

AVERAGES = [0, 1, 2.5, 3.0, 4.7, 7.25, 12.3, 0.1, 123.4]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("number", AVERAGES)
def test_an_average_reads_as_floatformat_writes_it(language, number):
    rounded = round(number, 1)
    with translation.override(language):
        assert one_decimal(rounded) == floatformat(rounded, "-1")


def test_spanish_writes_a_decimal_comma_and_no_trailing_zero():
    with translation.override("es"):
        assert (one_decimal(2.5), one_decimal(3.0)) == ("2,5", "3")


@pytest.mark.parametrize(
    "numbers", [[1, 2], [1, 2, 2], [7.5, 6.25, 8], [0, 0, 5], [4], [0.1, 0.2, 0.3]]
)
def test_the_average_to_one_decimal_is_statistics_mean(numbers):
    assert round(average(numbers), 1) == round(statistics.mean(numbers), 1)


def _summarised_plainly(row, cells) -> RowSummary:
    # The figures as the card first worked them out, one list at a time.
    values = [cell.value for cell in cells if cell.value is not None]
    numbers = [v for v in values if not isinstance(v, bool)]
    return RowSummary(
        row=row,
        average=round(statistics.mean(numbers), 1) if numbers else None,
        answered_days=sum(1 for cell in cells if cell.is_answered),
        yes_days=sum(1 for v in values if v is True),
        acted_days=sum(1 for cell in cells if cell.acted is True),
    )


@pytest.mark.parametrize(
    "answers",
    [
        [],
        [(None, None)] * 7,
        [(3, True), (0, False), (None, True), (None, False), (5, None)],
        [(True, None), (False, None), (True, None), (None, None)],
        [(7.5, None), (0, None), (6.25, None)],
        [(0, None), (None, None), (None, False)],
    ],
)
def test_a_rows_figures_are_those_of_each_cell_counted_on_its_own(answers):
    row = object()
    cells = [Cell(row, value, acted) for value, acted in answers]

    summary = summarise(row, cells)

    assert summary == _summarised_plainly(row, cells)


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"skills": 4},
        {"skills": 0, "rows": {}},
        {"rows": {"a-row": {"value": 3, "acted": True}}, "skills": None},
    ],
)
def test_a_stored_check_in_reads_as_the_check_in_model(values):
    model = CheckIn(values=values, sentence="A good day")

    stored = StoredCheckIn(values, "A good day")

    assert (stored.skills_rating, stored.row_answers(), stored.sentence) == (
        model.skills_rating,
        model.row_answers(),
        model.sentence,
    )


@pytest.mark.parametrize(
    "answer", [(3, True), (None, None), (True, None), (2.5, False)]
)
def test_a_cell_made_from_a_tuple_is_the_named_tuple(answer):
    row = object()

    made = new_cell((row, *answer))

    assert type(made) is Cell
    assert made == Cell(row, *answer)
    assert made.is_answered == Cell(row, *answer).is_answered
