"""/journal/check-in/: the day's diary card, once a day, in a few taps."""

import datetime

import pytest
import time_machine

from journal.models import CheckIn
from tests.journal.card.helpers import check_in, make_paper_card, make_row

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _frozen_day():
    with time_machine.travel(datetime.datetime(2026, 11, 20, 18, tzinfo=datetime.UTC)):
        yield


def _field_names(rows):
    urge, emotion, number, yes_no = rows
    return urge, emotion, number, yes_no


@pytest.fixture
def rows(owner):
    return [
        make_row(owner, "Urge to drink", kind="urge"),
        make_row(owner, "Sadness", kind="emotion"),
        make_row(owner, "Hours slept", kind="number"),
        make_row(owner, "Took medication", kind="yes-no"),
    ]


def test_the_check_in_shows_every_active_row(owner_client, rows):
    response = owner_client.get("/journal/check-in/")

    page = response.content.decode()
    assert response.status_code == 200
    for name in ["Urge to drink", "Sadness", "Hours slept", "Took medication"]:
        assert name in page
    assert "Acted on it" in page
    assert "Didn’t try, used them, helped" in page


def test_acted_on_starts_unanswered(owner_client, rows):
    response = owner_client.get("/journal/check-in/")

    acted = response.context["form"][f"acted-{rows[0].pk}"]
    assert acted.value() in (None, "")
    assert 'value="no" checked' not in response.content.decode()


def test_saving_a_check_in_stores_every_value(owner_client, owner, rows):
    urge, emotion, number, yes_no = rows

    response = owner_client.post(
        "/journal/check-in/",
        {
            f"row-{urge.pk}": "0",
            f"acted-{urge.pk}": "yes",
            f"row-{emotion.pk}": "4",
            f"row-{number.pk}": "7.5",
            f"row-{yes_no.pk}": "yes",
            "skills_rating": "6",
            "sentence": "A long day, but I went for a walk.",
        },
    )

    saved = CheckIn.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == "/journal/check-in/2026-11-20/"
    assert saved.day == TODAY
    assert saved.row_answer(urge.uuid) == {"value": 0, "acted": True}
    assert saved.row_answer(emotion.uuid)["value"] == 4
    assert saved.row_answer(number.uuid)["value"] == 7.5
    assert saved.row_answer(yes_no.uuid)["value"] is True
    assert saved.skills_rating == 6
    assert saved.sentence == "A long day, but I went for a walk."


def test_a_zero_is_a_real_answer_and_blank_is_not_rated(owner_client, owner, rows):
    urge, emotion, *_ = rows

    owner_client.post(
        "/journal/check-in/", {f"row-{urge.pk}": "0", f"row-{emotion.pk}": ""}
    )

    saved = CheckIn.objects.get(owner=owner)
    assert saved.row_answer(urge.uuid)["value"] == 0
    assert saved.row_answer(emotion.uuid) == {}


def test_opening_the_day_again_shows_what_was_saved(owner_client, owner, rows):
    urge, emotion, number, yes_no = rows
    check_in(owner, TODAY, {urge: (3, False), number: 6, yes_no: False}, skills=2)

    response = owner_client.get("/journal/check-in/2026-11-20/")

    form = response.context["form"]
    assert str(form[f"row-{urge.pk}"].value()) == "3"
    assert form[f"acted-{urge.pk}"].value() == "no"
    assert str(form[f"row-{number.pk}"].value()) == "6"
    assert form[f"row-{yes_no.pk}"].value() == "no"
    assert str(form["skills_rating"].value()) == "2"


def test_back_filling_an_earlier_day(owner_client, owner, rows):
    owner_client.post("/journal/check-in/2026-11-17/", {f"row-{rows[1].pk}": "2"})

    assert CheckIn.objects.get(owner=owner).day == datetime.date(2026, 11, 17)


def test_a_day_still_to_come_is_a_404(owner_client, rows):
    assert owner_client.get("/journal/check-in/2026-11-21/").status_code == 404


@pytest.mark.parametrize("day", ["1999-12-31", "2026-02-30"])
def test_an_impossible_day_is_a_404(owner_client, day):
    assert owner_client.get(f"/journal/check-in/{day}/").status_code == 404


@pytest.mark.parametrize(
    ("row_index", "field", "value", "message"),
    [
        (1, "row", "6", "Choose a number from 0 to 5"),
        (1, "row", "-1", "Choose a number from 0 to 5"),
        (1, "row", "three", "Choose a number from 0 to 5"),
        (2, "row", "abc", "Use a number from 0 to 1,000"),
        (2, "row", "-2", "Use a number from 0 to 1,000"),
        (2, "row", "1" * 400, "Use a number from 0 to 1,000"),
        (2, "row", "1001", "Use a number from 0 to 1,000"),
        (2, "row", "7.25", "Use at most one decimal"),
        (3, "row", "maybe", "Choose yes or no"),
        (0, "acted", "sometimes", "Choose yes or no"),
    ],
)
def test_bad_values_are_explained_beside_the_field_and_nothing_is_saved(
    owner_client, owner, rows, row_index, field, value, message
):
    row = rows[row_index]
    other = rows[1] if row_index != 1 else rows[0]

    response = owner_client.post(
        "/journal/check-in/",
        {f"{field}-{row.pk}": value, f"row-{other.pk}": "2", "sentence": "Kept"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert f"{field}-{row.pk}" in response.context["form"].errors
    assert "Kept" in page
    assert not CheckIn.objects.filter(owner=owner).exists()


@pytest.mark.parametrize("value", ["8", "-1", "x"])
def test_a_skills_rating_out_of_range_is_explained(owner_client, owner, value):
    response = owner_client.post("/journal/check-in/", {"skills_rating": value})

    assert "Choose a number from 0 to 7" in response.content.decode()
    assert not CheckIn.objects.filter(owner=owner).exists()


def test_a_sentence_too_long_is_explained_and_kept(owner_client, owner):
    response = owner_client.post("/journal/check-in/", {"sentence": "z" * 281})

    page = response.content.decode()
    assert "Please keep the sentence to 280 characters (it has 281 now)." in page
    assert "z" * 281 in page
    assert not CheckIn.objects.filter(owner=owner).exists()


def test_saving_again_keeps_values_of_rows_paused_since(owner_client, owner, rows):
    urge, emotion, *_ = rows
    check_in(owner, TODAY, {urge: (2, False), emotion: 3})
    urge.is_paused = True
    urge.save()

    owner_client.post("/journal/check-in/", {f"row-{emotion.pk}": "1"})

    saved = CheckIn.objects.get(owner=owner)
    assert saved.row_answer(urge.uuid) == {"value": 2, "acted": False}
    assert saved.row_answer(emotion.uuid)["value"] == 1


def test_a_days_check_in_can_be_deleted_after_asking(owner_client, owner, rows):
    check_in(owner, TODAY, {rows[1]: 3})

    asked = owner_client.get("/journal/check-in/2026-11-20/delete/")
    response = owner_client.post("/journal/check-in/2026-11-20/delete/")

    assert asked.status_code == 200
    assert response.status_code == 302
    assert not CheckIn.objects.filter(owner=owner).exists()


def test_deleting_a_day_without_a_check_in_is_a_404(owner_client):
    response = owner_client.post("/journal/check-in/2026-11-20/delete/")

    assert response.status_code == 404


def test_another_persons_check_in_is_never_shown_or_deleted(other_client, owner, rows):
    check_in(owner, TODAY, {rows[1]: 3}, sentence="Mine alone")

    page = other_client.get("/journal/check-in/2026-11-20/").content.decode()
    deleted = other_client.post("/journal/check-in/2026-11-20/delete/")

    assert "Mine alone" not in page
    assert "Sadness" not in page
    assert deleted.status_code == 404
    assert CheckIn.objects.filter(owner=owner).exists()


def test_another_persons_row_ids_are_ignored_by_the_check_in(
    other_client, other_user, owner, rows
):
    other_client.post("/journal/check-in/", {f"row-{rows[1].pk}": "4"})

    assert not CheckIn.objects.filter(owner=owner).exists()
    saved = CheckIn.objects.filter(owner=other_user).first()
    assert saved is None or saved.row_answer(rows[1].uuid) == {}


def test_a_high_risk_rating_shows_calm_words_and_the_crisis_lines(owner_client, owner):
    row = make_row(owner, "Urge to self-harm", risk=True)

    response = owner_client.post(
        "/journal/check-in/", {f"row-{row.pk}": "5"}, follow=True
    )

    page = response.content.decode()
    assert "Nobody watches this journal in real time" in page
    assert "a share link alerts nobody" in page
    assert 'href="tel:988"' in page
    assert 'href="/help/"' in page
    assert 'href="/journal/safety-plan/"' in page
    title = page.split("<title>")[1].split("</title>")[0]
    assert "self-harm" not in title.lower()


def test_acting_on_a_risk_urge_at_zero_still_shows_the_crisis_lines(
    owner_client, owner
):
    row = make_row(owner, "Urge to self-harm", risk=True)

    response = owner_client.post(
        "/journal/check-in/",
        {f"row-{row.pk}": "0", f"acted-{row.pk}": "yes"},
        follow=True,
    )

    assert "Nobody watches this journal in real time" in response.content.decode()


def test_a_high_rating_of_an_ordinary_urge_shows_no_crisis_notice(owner_client, owner):
    row = make_row(owner, "Urge to drink")

    response = owner_client.post(
        "/journal/check-in/", {f"row-{row.pk}": "5"}, follow=True
    )

    assert "Nobody watches this journal" not in response.content.decode()


def test_the_check_in_costs_the_same_queries_for_a_full_card(
    owner_client, owner, django_assert_max_num_queries
):
    rows = make_paper_card(owner)
    check_in(owner, TODAY, {row: 1 for row in rows if row.kind != "yes-no"})

    with django_assert_max_num_queries(9):
        response = owner_client.get("/journal/check-in/")

    assert response.status_code == 200


def test_values_and_the_sentence_are_encrypted_at_rest(owner):
    from django.db import connection

    row = make_row(owner, "Urge to self-harm", risk=True)
    check_in(owner, TODAY, {row: (5, True)}, skills=3, sentence="hard day")

    with connection.cursor() as cursor:
        cursor.execute('SELECT day, "values", sentence FROM journal_checkin')
        day, values, sentence = cursor.fetchone()
    assert "acted" not in values and "5" not in values[:2]
    assert "hard" not in sentence


def test_an_empty_check_in_saves_no_day(owner_client, owner, rows):
    response = owner_client.post("/journal/check-in/", {}, follow=True)

    assert "Nothing to save yet" in response.content.decode()
    assert not CheckIn.objects.filter(owner=owner).exists()
