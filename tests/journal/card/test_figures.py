"""The card's figures written quickly, exactly as Django's floatformat writes them."""

import statistics

import pytest
from django.template.defaultfilters import floatformat
from django.utils import translation

from journal.card.cells import one_decimal
from journal.card.queries import average

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
