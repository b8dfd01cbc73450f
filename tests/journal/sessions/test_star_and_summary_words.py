"""Starring without leaving the page, and words that follow the person's sessions."""

import datetime

import pytest
import time_machine

from journal.models import SessionStar, TherapySession
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)
AS_DATA = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def star_url(entry) -> str:
    return f"/journal/entries/{entry.pk}/star/"


def test_a_star_asked_for_as_data_answers_with_the_new_button_and_a_status(
    owner_client, owner
):
    entry = make_entry(owner, practiced_on=datetime.date(2026, 11, 20))

    response = owner_client.post(star_url(entry), **AS_DATA)

    answer = response.json()
    assert response.status_code == 200
    assert answer["starred"] is True
    assert answer["message"] == "Starred to bring up at your next session."
    assert 'aria-pressed="true"' in answer["button"]
    assert "Starred" in answer["button"]
    assert SessionStar.objects.filter(entry=entry).exists()


def test_a_second_star_asked_for_as_data_takes_it_back(owner_client, owner):
    entry = make_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    owner_client.post(star_url(entry), **AS_DATA)

    answer = owner_client.post(star_url(entry), **AS_DATA).json()

    assert answer["starred"] is False
    assert answer["message"] == "Star taken back."
    assert 'aria-pressed="false"' in answer["button"]
    assert "Bring this up" in answer["button"]
    assert not SessionStar.objects.exists()


def test_the_answer_as_data_keeps_the_entry_text_out(owner_client, owner):
    entry = make_entry(owner, note="Something private about my sister")

    answer = owner_client.post(star_url(entry), **AS_DATA).content.decode()

    assert "sister" not in answer


def test_another_persons_entry_cannot_be_starred_as_data(owner_client, other_user):
    theirs = make_entry(other_user)

    response = owner_client.post(star_url(theirs), **AS_DATA)

    assert response.status_code == 404
    assert not SessionStar.objects.exists()


def test_a_visitor_starring_as_data_is_sent_to_log_in(client, owner):
    entry = make_entry(owner)

    response = client.post(star_url(entry), **AS_DATA)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_without_javascript_the_star_comes_back_to_the_same_card(owner_client, owner):
    entry = make_entry(owner)
    back = f"/journal/#entry-{entry.pk}-title"

    response = owner_client.post(star_url(entry), {"next": back})

    assert response.status_code == 302
    assert response["Location"] == back


def test_the_summary_asks_for_sessions_when_there_are_none(owner_client):
    html = owner_client.get("/journal/sessions/next/").content.decode()

    assert "Add your sessions and this page will run from one to the next." in html


def test_the_summary_stops_asking_for_sessions_once_one_is_coming(owner_client, owner):
    TherapySession.objects.create(
        owner=owner, starts_at=NOW + datetime.timedelta(days=3), time_zone="UTC"
    )

    html = owner_client.get("/journal/sessions/next/").content.decode()

    assert "Add your sessions" not in html
    assert "After your first session, this page will run from one session" in html
