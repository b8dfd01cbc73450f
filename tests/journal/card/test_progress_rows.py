"""Progress shows each row of the card over the last 12 weeks: in words, a small
chart and a table; never a hidden row; never in the kept page; constant queries."""

import datetime
import pickle
from typing import NamedTuple

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from journal import charts
from journal.card.progress import RowProgress, tally_weeks, weekly_figures
from journal.card.queries import RowSummary, shown_rows
from journal.models import CardRow
from tests.factories import make_entry, make_user, sign_in
from tests.journal.card.helpers import check_in, make_row

D = datetime.date
# A Saturday: the week began on Monday 16 November; twelve weeks back is 31 August.
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
PROGRESS = "/journal/progress/"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def card(owner):
    rows = {
        "drink": make_row(owner, "Urge to drink"),
        "sadness": make_row(owner, "Sadness", kind=CardRow.Kind.EMOTION),
        "sleep": make_row(owner, "Hours slept", kind=CardRow.Kind.NUMBER),
        "medication": make_row(owner, "Took medication", kind=CardRow.Kind.YES_NO),
        "self-harm": make_row(owner, "Urge to self-harm", risk=True, hidden=True),
    }
    # Before the twelve weeks: never counted.
    check_in(owner, D(2026, 8, 20), {rows["drink"]: (5, True)})
    check_in(
        owner,
        D(2026, 9, 1),
        {
            rows["drink"]: (2, True),
            rows["sadness"]: 4,
            rows["sleep"]: 6,
            rows["medication"]: True,
            rows["self-harm"]: (5, True),
        },
    )
    check_in(
        owner,
        D(2026, 9, 3),
        {rows["drink"]: (0, False), rows["sadness"]: 2, rows["medication"]: False},
    )
    check_in(
        owner,
        D(2026, 11, 17),
        {
            rows["drink"]: (5, True),
            rows["sadness"]: 0,
            rows["sleep"]: 8,
            rows["medication"]: True,
        },
        sentence="A quiet Tuesday",
    )
    return rows


def _card_section(page: str) -> str:
    return page.split('id="card-progress-heading"')[1].split("</section>")[0]


def _row_block(section: str, name: str) -> str:
    return section.split(f">{name}", 1)[1].split("</li>")[0]


@pytest.mark.django_db
def test_each_row_says_its_twelve_weeks_in_words(owner_client, card):
    section = _card_section(owner_client.get(PROGRESS).content.decode())

    drink = _row_block(section, "Urge to drink")
    assert "Average 2.3 over the 3 days you rated it." in drink
    assert "Acted on it on 2 days." in drink
    assert "Average 2 over the 3 days you rated it." in _row_block(section, "Sadness")
    assert "Average 7 over the 2 days you rated it." in _row_block(
        section, "Hours slept"
    )
    assert "Yes on 2 of the 3 days you answered." in _row_block(
        section, "Took medication"
    )


@pytest.mark.django_db
def test_each_row_has_a_table_of_its_weeks_from_the_first_check_in(owner_client, card):
    section = _card_section(owner_client.get(PROGRESS).content.decode())

    table = _row_block(section, "Urge to drink").split("<tbody>")[1]
    weeks = table.split("</tr>")[:-1]
    assert len(weeks) == 12
    assert "31 Aug 2026" in weeks[0]
    assert "average 1 · acted on it on 1 day" in weeks[0]
    assert "not rated" in weeks[1]
    assert "16 Nov 2026" in weeks[-1] and "average 5" in weeks[-1]
    medication = _row_block(section, "Took medication").split("<tbody>")[1]
    assert "yes on 1 of 2 days" in medication.split("</tr>")[0]


@pytest.mark.django_db
def test_the_chart_is_hidden_from_screen_readers_and_draws_a_bar_a_rated_week(
    owner_client, card
):
    section = _card_section(owner_client.get(PROGRESS).content.decode())

    chart = _row_block(section, "Urge to drink").split("<svg")[1].split("</svg>")[0]
    assert 'aria-hidden="true"' in chart
    assert chart.count("<rect") == 2


@pytest.mark.django_db
def test_a_row_hidden_from_progress_never_shows(owner_client, card):
    page = owner_client.get(PROGRESS).content.decode()

    assert "self-harm" not in page


@pytest.mark.django_db
def test_a_risk_row_shown_on_progress_wears_no_failure_colour_or_streak(
    owner_client, owner
):
    row = make_row(owner, "Urge to self-harm", risk=True)
    check_in(owner, D(2026, 11, 17), {row: (5, True)})

    section = _card_section(owner_client.get(PROGRESS).content.decode())

    assert "Urge to self-harm" in section
    assert "danger" not in section and "streak" not in section.lower()


@pytest.mark.django_db
def test_a_paused_row_with_answers_in_the_weeks_shows_marked_paused(owner_client, card):
    card["sleep"].is_paused = True
    card["sleep"].save()

    section = _card_section(owner_client.get(PROGRESS).content.decode())

    assert "paused" in _row_block(section, "Hours slept")


@pytest.mark.django_db
def test_a_paused_row_without_answers_in_the_weeks_is_left_out(owner_client, card):
    old = make_row(card["drink"].owner, "Urge to smoke")
    check_in(old.owner, D(2026, 6, 1), {old: 3})
    old.is_paused = True
    old.save()

    section = _card_section(owner_client.get(PROGRESS).content.decode())

    assert "Urge to smoke" not in section


@pytest.mark.django_db
def test_a_card_without_check_ins_in_the_weeks_says_so(owner_client, owner):
    make_row(owner, "Sadness", kind=CardRow.Kind.EMOTION)

    section = _card_section(owner_client.get(PROGRESS).content.decode())

    assert "No check-ins in the last 12 weeks yet." in section
    assert "Sadness" not in section


@pytest.mark.django_db
def test_a_person_with_no_card_sees_nothing_new(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17))

    page = owner_client.get(PROGRESS).content.decode()

    assert "card-progress" not in page


@pytest.mark.django_db
def test_another_persons_rows_never_show_on_my_progress(
    owner_client, owner, other_user
):
    make_row(owner, "Sadness", kind=CardRow.Kind.EMOTION)
    theirs = make_row(other_user, "Their private urge")
    check_in(other_user, D(2026, 11, 17), {theirs: 4})

    page = owner_client.get(PROGRESS).content.decode()

    assert "Their private urge" not in page


@pytest.mark.django_db
def test_no_name_value_or_sentence_of_the_card_is_kept_in_any_cache(owner_client, card):
    owner_client.get(PROGRESS)

    kept = " ".join(
        # The shared cache pickles what it keeps; the pieces the same for everyone
        # are kept as text (core/memory_cache.py).
        value if isinstance(value, str) else str(pickle.loads(value))  # noqa: S301
        for alias in ("default", "shared_fragments")
        for value in caches[alias]._cache.values()
    )
    assert "Your progress" in kept, "progress should be kept in the cache"
    for secret in [
        "Urge to drink",
        "Sadness",
        "Hours slept",
        "Took medication",
        "A quiet Tuesday",
        "Average 2.3",
        "card-progress",
    ]:
        assert secret not in kept


@pytest.mark.django_db
def test_progress_in_spanish_speaks_of_the_card_in_spanish(owner):
    person = make_user("lucia", language="es")
    row = make_row(person, "Tristeza", kind=CardRow.Kind.EMOTION)
    check_in(person, D(2026, 11, 17), {row: 3})
    client = sign_in(Client(), person)

    section = _card_section(client.get(PROGRESS).content.decode())

    assert "Mi tarjeta diaria" in section
    assert "Media de 3, valorada 1 día." in section


def _queries_for_progress(client) -> int:
    client.get(PROGRESS)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PROGRESS).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_card_costs_the_same_queries_for_a_week_or_a_year_of_check_ins(
    owner_client, owner
):
    row = make_row(owner, "Sadness", kind=CardRow.Kind.EMOTION)
    check_in(owner, D(2026, 11, 20), {row: 2})
    one_week = _queries_for_progress(owner_client)
    for days_ago in range(2, 366):
        check_in(owner, D(2026, 11, 21) - datetime.timedelta(days=days_ago), {row: 3})

    one_year = _queries_for_progress(owner_client)

    assert one_year == one_week


@pytest.mark.django_db
def test_the_card_costs_progress_one_query_with_a_card_or_without(owner_client, owner):
    without_card = _queries_for_progress(owner_client)
    row = make_row(owner, "Sadness", kind=CardRow.Kind.EMOTION)
    check_in(owner, D(2026, 11, 20), {row: 2})

    with_card = _queries_for_progress(owner_client)

    # The rows and the weeks' check-ins come together: a person without a card
    # pays the same one query to learn there is none.
    assert with_card == without_card


# --- the chart's geometry (pure) ------------------------------------------------------


def test_a_week_rated_zero_draws_a_thin_bar_and_the_top_a_full_one():
    assert charts.row_week_bar(1, 0, top=5)[2] == charts.ZERO_BAR
    assert charts.row_week_bar(2, 5, top=5)[2] == charts.ROW_CHART_HEIGHT


def test_the_newest_week_is_always_in_the_last_slot_and_a_week_not_rated_has_none():
    row = CardRow(kind=CardRow.Kind.EMOTION, name="Sadness")
    rated, not_rated = RowSummary(row, 3, 1, 0, 0), RowSummary(row, None, 0, 0, 0)
    last_x = (charts.MOST_WEEKS - 1) * charts.ROW_CHART_SLOT + 4

    short = RowProgress(rated, [rated], []).svg
    longer = RowProgress(rated, [not_rated, rated], []).svg

    assert short.count("<rect") == longer.count("<rect") == 1
    assert f'x="{last_x}"' in short and f'x="{last_x}"' in longer


def test_a_value_above_the_top_is_drawn_at_the_top():
    assert charts.row_week_bar(0, 30, top=12)[2] == charts.ROW_CHART_HEIGHT


@pytest.mark.django_db
def test_a_row_not_rated_in_the_weeks_says_so_without_a_chart(owner_client, card):
    make_row(card["drink"].owner, "Fear", kind=CardRow.Kind.EMOTION)

    section = _card_section(owner_client.get(PROGRESS).content.decode())

    fear = _row_block(section, "Fear")
    assert "Not rated in these weeks." in fear
    assert "<svg" not in fear and "<table" not in fear


# --- a row's figures (pure) -----------------------------------------------------------


class Answer(NamedTuple):
    value: int | float | bool | None
    acted: bool | None


def week_tallies(weeks: list[list[Answer]]) -> list:
    """One row's answers, week by week, as progress tallies them: each answer on a
    day of its own (packed as journal/card/digest.py packs a day)."""
    start = D(2026, 8, 31).toordinal()
    days = [
        [start + 7 * week + day, False, [0, answer.value, answer.acted]]
        for week, answers in enumerate(weeks)
        for day, answer in enumerate(answers)
    ]
    tallies, _checked = tally_weeks(days, [0], start, 1)
    return tallies[0][: len(weeks)]


def figures(row, answers: list[Answer]):
    total, _each_week = weekly_figures(row, week_tallies([answers]))
    return total


def test_a_day_acted_on_without_a_rating_counts_as_answered_but_not_averaged():
    row = CardRow(kind=CardRow.Kind.URGE, name="Urge")

    summary = figures(row, [Answer(None, True), Answer(3, False)])

    assert (summary.answered_days, summary.acted_days, summary.average) == (2, 1, 3)


def test_yes_is_counted_as_a_yes_never_averaged_as_a_one():
    row = CardRow(kind=CardRow.Kind.YES_NO, name="Took medication")

    summary = figures(row, [Answer(True, None), Answer(False, None)])

    assert (summary.yes_days, summary.answered_days, summary.average) == (1, 2, None)


def test_the_rows_shown_leave_out_hidden_rows_and_paused_ones_without_answers():
    plain = CardRow(kind=CardRow.Kind.EMOTION, name="Sadness", marks={})
    hidden = CardRow(kind=CardRow.Kind.EMOTION, name="Anger", marks={"hidden": True})
    answered = CardRow(kind=CardRow.Kind.NUMBER, name="Sleep", marks={}, is_paused=True)
    silent = CardRow(kind=CardRow.Kind.NUMBER, name="Steps", marks={}, is_paused=True)

    shown = shown_rows(
        [plain, hidden, answered, silent], [{}, {str(answered.uuid): {"value": 7}}]
    )

    assert shown == [plain, answered]


def test_a_rating_of_zero_is_averaged_as_zero_never_taken_for_a_no():
    row = CardRow(kind=CardRow.Kind.EMOTION, name="Sadness")

    summary = figures(row, [Answer(0, None), Answer(3, None)])

    assert (summary.average, summary.yes_days, summary.answered_days) == (1.5, 0, 2)


def test_a_rows_figures_over_its_weeks_are_those_of_all_its_answers_together():
    row = CardRow(kind=CardRow.Kind.URGE, name="Urge")
    weeks = [
        [Answer(2, False), Answer(None, True)],
        [],
        [Answer(4.5, True), Answer(0, None), Answer(True, None)],
    ]

    total, each_week = weekly_figures(row, week_tallies(weeks))

    assert total == figures(row, [answer for week in weeks for answer in week])
    assert each_week == [figures(row, week) for week in weeks]
