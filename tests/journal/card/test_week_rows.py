"""The person's rows on the week, its PDF: values per day, acted-on in words and
shape, averages; never a hidden row; never in a cached piece."""

import datetime
import io
import pickle
from unittest import mock

import pytest
from django.core.cache import caches
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import make_entry
from tests.journal.card.helpers import check_in, make_paper_card, make_row

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
WEEK = "/journal/week/2026-11-16/"


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


@pytest.fixture
def card(owner):
    rows = {row.name: row for row in make_paper_card(owner)}
    check_in(
        owner,
        D(2026, 11, 17),
        {
            rows["Urge to drink"]: (4, True),
            rows["Sadness"]: 2,
            rows["Hours slept"]: 6.5,
            rows["Took medication"]: True,
        },
        skills=5,
        sentence="Rang my sister",
    )
    check_in(
        owner,
        D(2026, 11, 19),
        {
            rows["Urge to drink"]: (1, False),
            rows["Sadness"]: 4,
            rows["Took medication"]: False,
        },
        skills=3,
    )
    return rows


def _rows_section(page: str) -> str:
    return page.split('id="card-rows-')[1].split("</section>")[0]


def test_the_week_shows_each_days_values_under_the_skills(owner_client, card):
    page = owner_client.get(WEEK).content.decode()

    rows = _rows_section(page)
    assert "Urge to drink" in rows
    assert "acted on it" in rows and "◆" in rows
    assert "not acted on" in rows
    assert "6.5" in rows
    assert "Rang my sister" in rows
    assert page.index('id="card-heading"') < page.index('id="card-rows-')


def test_the_week_averages_each_row_over_the_days_it_was_rated(owner_client, card):
    page = owner_client.get(WEEK).content.decode()

    averages = page.split('class="table table-sm card-averages')[1].split("</table>")[0]
    sadness = averages.split("Sadness")[1].split("</tr>")[0]
    drink = averages.split("Urge to drink")[1].split("</tr>")[0]
    medication = averages.split("Took medication")[1].split("</tr>")[0]
    assert "average 3" in sadness
    assert "average 2.5" in drink and "acted on it on 1 day" in drink
    assert "yes on 1 of 2 days" in medication
    assert "average 4" in averages.split("Skills used (0–7)")[1]


def test_a_hidden_risk_row_is_not_on_the_week(owner_client, owner):
    row = make_row(owner, "Urge to self-harm", risk=True, hidden=True)
    other = make_row(owner, "Sadness", kind="emotion")
    check_in(owner, D(2026, 11, 17), {row: (5, True), other: 1})

    page = owner_client.get(WEEK).content.decode()

    assert "Sadness" in page
    assert "self-harm" not in page


def test_a_risk_row_shown_on_the_week_wears_no_failure_colour(owner_client, owner):
    row = make_row(owner, "Urge to self-harm", risk=True)
    check_in(owner, D(2026, 11, 17), {row: (5, True)})

    page = _rows_section(owner_client.get(WEEK).content.decode())

    assert "text-danger" not in page and "bg-danger" not in page
    assert "streak" not in page.lower()


def test_no_name_or_value_of_the_card_is_ever_cached(owner_client, owner, card):
    owner_client.get(WEEK)

    # The tests' local-memory cache keeps every value pickled, under its full key.
    stored = caches["default"]._cache.values()
    kept = " ".join(str(pickle.loads(value)) for value in stored)  # noqa: S301 - our own cache
    assert "At a glance" in kept, "the week's summary should be kept in the cache"
    for secret in ["Urge to drink", "Sadness", "Rang my sister", "Hours slept"]:
        assert secret not in kept


def test_another_persons_rows_never_show_on_my_week(owner_client, other_user, owner):
    row = make_row(other_user, "Their private urge")
    check_in(other_user, D(2026, 11, 17), {row: 3})

    page = owner_client.get(WEEK).content.decode()

    assert "Their private urge" not in page


@pytest.mark.parametrize("check_ins", [1, 60])
def test_the_week_with_a_full_card_costs_the_same_queries(
    owner_client, owner, django_assert_max_num_queries, check_ins
):
    rows = make_paper_card(owner)
    for n in range(check_ins):
        check_in(owner, D(2026, 11, 21) - datetime.timedelta(days=n), {rows[3]: 2})
    make_entry(owner, practiced_on=D(2026, 11, 17))
    owner_client.get(WEEK)

    # The cached summary as before, plus the rows and the week's check-ins.
    with django_assert_max_num_queries(7):
        assert owner_client.get(WEEK).status_code == 200


def test_the_week_pdf_holds_the_rows_and_their_figures(owner_client, card):
    response = owner_client.get(f"{WEEK}pdf/")

    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert response.status_code == 200
    assert "Urge to drink" in text
    assert "acted on it" in text
    assert "average 2.5" in text
    assert "yes on 1 of 2 days" in text
    assert "Rang my sister" in text


def test_the_week_pdf_leaves_out_a_hidden_row(owner_client, owner):
    row = make_row(owner, "Urge to self-harm", risk=True, hidden=True)
    other = make_row(owner, "Sadness", kind="emotion")
    check_in(owner, D(2026, 11, 17), {row: (5, True), other: 1})

    response = owner_client.get(f"{WEEK}pdf/")

    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Sadness" in text
    assert "self-harm" not in text
