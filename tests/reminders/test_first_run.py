"""The first run's second question: would a gentle reminder help? And the whole run."""

import datetime

import pytest
import time_machine
from django.test import Client

from accounts.models import Profile
from journal.models import SessionSchedule
from reminders.models import ReminderSettings
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

WELCOME = "/accounts/reminders/welcome/"
ANSWER = {"time": "08:15", "days": ["0", "3"], "channel_email": "on"}
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def with_address(owner):
    owner.email = "owner@example.com"
    owner.save()
    return owner


def test_answering_turns_on_a_reminder_at_the_chosen_time_and_days(
    owner_client, with_address
):
    response = owner_client.post(WELCOME, ANSWER)

    reminder = ReminderSettings.objects.get(user=with_address)
    assert response["Location"] == "/accounts/welcome/country/"
    assert (reminder.enabled, reminder.time, reminder.days) == (
        True,
        datetime.time(8, 15),
        "03",
    )
    assert reminder.channel_email


def test_not_now_saves_nothing_and_goes_to_the_country_question(
    owner_client, with_address
):
    response = owner_client.post(WELCOME, {**ANSWER, "leave": "not-now"})

    assert response["Location"] == "/accounts/welcome/country/"
    assert not ReminderSettings.objects.filter(user=with_address).exists()


def test_no_day_chosen_says_so_and_saves_nothing(owner_client, with_address):
    response = owner_client.post(WELCOME, {**ANSWER, "days": []})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose at least one day." in page
    assert 'value="08:15"' in page
    assert not ReminderSettings.objects.filter(user=with_address).exists()


def test_without_an_address_or_notifications_it_says_so_kindly(
    owner_client, owner, settings
):
    settings.VAPID_PUBLIC_KEY = ""

    response = owner_client.get(WELCOME)
    answered = owner_client.post(WELCOME, ANSWER)

    page = response.content.decode()
    assert "your journal has no address for you yet" in page
    assert 'name="days"' not in page
    assert answered.status_code == 200
    assert not ReminderSettings.objects.filter(user=owner).exists()


def test_only_the_ways_that_can_reach_the_person_are_offered(
    owner_client, with_address, settings
):
    settings.VAPID_PUBLIC_KEY = ""

    page = owner_client.get(WELCOME).content.decode()

    assert 'name="channel_email"' in page
    assert 'name="channel_push"' not in page


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(WELCOME)

    assert response["Location"].startswith("/accounts/login/?next=")


def test_another_method_is_refused(owner_client):
    assert owner_client.put(WELCOME).status_code == 405


@time_machine.travel(NOW, tick=False)
def test_signing_up_and_answering_all_three_saves_a_session_reminder_and_country(
    client,
):
    signed_up = client.post(
        "/accounts/signup/",
        {
            "username": "marlow",
            "email": "marlow@example.com",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": "Europe/Madrid",
        },
    )
    first = client.post(
        signed_up["Location"], {"repeats": "2", "on": "2026-11-27", "at": "09:00"}
    )
    second = client.post(first["Location"], ANSWER)
    guessed = Profile.objects.get(user__username="marlow").country
    third = client.post(second["Location"], {"country": "MX"})

    user = Profile.objects.get(user__username="marlow").user
    assert signed_up["Location"] == "/journal/welcome/"
    assert second["Location"] == "/accounts/welcome/country/"
    assert guessed == "ES"
    assert third["Location"] == "/journal/"
    assert user.profile.country == "MX"
    assert SessionSchedule.objects.get(owner=user).every_weeks == 2
    assert ReminderSettings.objects.get(user=user).enabled
    assert client.get("/journal/welcome/")["Location"] == "/journal/"


def test_someone_else_answering_changes_only_their_own_reminder(owner, with_address):
    other = make_user("sky")
    client = sign_in(Client(), other)
    other.email = "sky@example.com"
    other.save()

    client.post(WELCOME, ANSWER)

    assert not ReminderSettings.objects.filter(user=owner).exists()
    assert ReminderSettings.objects.get(user=other).enabled
