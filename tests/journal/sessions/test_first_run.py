"""The first run's first question: the next therapy session, asked once."""

import datetime

import pytest
import time_machine

from accounts.models import Profile
from journal.models import SessionSchedule, TherapySession

pytestmark = pytest.mark.django_db

WELCOME = "/journal/welcome/"
# Monday 23 November 2026, 10:00 in New York.
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=datetime.UTC)
WEEKLY = {"repeats": "1", "on": "2026-11-26", "at": "17:00"}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def has_seen_welcome(user) -> bool:
    return Profile.objects.get(user=user).has_seen_welcome


def test_a_new_person_is_asked_when_the_next_session_is(owner_client):
    response = owner_client.get(WELCOME)

    page = response.content.decode()
    assert response.status_code == 200
    assert "When is your next therapy session?" in page
    assert 'name="label"' not in page
    assert 'value="not-now"' in page and 'value="skip-all"' in page


def test_answering_saves_a_weekly_schedule_and_asks_about_a_reminder(
    owner_client, owner
):
    response = owner_client.post(WELCOME, WEEKLY)

    assert response["Location"] == "/accounts/reminders/welcome/"
    schedule = SessionSchedule.objects.get(owner=owner)
    assert (schedule.every_weeks, schedule.starts_on) == (
        1,
        datetime.date(2026, 11, 26),
    )
    assert TherapySession.objects.filter(owner=owner).exists()
    assert has_seen_welcome(owner)


def test_answering_once_saves_one_session(owner_client, owner):
    owner_client.post(WELCOME, {**WEEKLY, "repeats": "once"})

    assert TherapySession.objects.filter(owner=owner).count() == 1
    assert not SessionSchedule.objects.filter(owner=owner).exists()


def test_not_now_saves_nothing_and_goes_on_to_the_reminder_question(
    owner_client, owner
):
    response = owner_client.post(WELCOME, {**WEEKLY, "leave": "not-now"})

    assert response["Location"] == "/accounts/reminders/welcome/"
    assert not TherapySession.objects.filter(owner=owner).exists()
    assert has_seen_welcome(owner)


def test_skipping_both_lands_on_today_and_never_asks_again(owner_client, owner):
    skipped = owner_client.post(WELCOME, {"leave": "skip-all"})
    again = owner_client.get(WELCOME)
    today = owner_client.get("/journal/")

    assert skipped["Location"] == "/journal/"
    assert again.status_code == 302 and again["Location"] == "/journal/"
    assert today.status_code == 200
    assert not TherapySession.objects.filter(owner=owner).exists()


def test_a_wrong_date_keeps_what_was_typed_and_saves_nothing(owner_client, owner):
    response = owner_client.post(WELCOME, {**WEEKLY, "on": "2026-02-30"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Use a date like 2026-12-03." in page
    assert 'value="17:00"' in page
    assert not TherapySession.objects.filter(owner=owner).exists()
    assert not has_seen_welcome(owner)


def test_someone_who_has_seen_it_goes_straight_to_today(owner_client, owner):
    Profile.objects.filter(user=owner).update(has_seen_welcome=True)

    response = owner_client.get(WELCOME)

    assert response["Location"] == "/journal/"


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(WELCOME)

    assert response["Location"].startswith("/accounts/login/?next=/journal/welcome/")


def test_another_method_is_refused(owner_client):
    assert owner_client.put(WELCOME).status_code == 405
