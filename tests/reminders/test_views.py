"""The reminder settings page, and unsubscribing without logging in."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.test import Client

from reminders.channels import UNSUBSCRIBE_MAX_AGE, UNSUBSCRIBE_SALT, unsubscribe_url
from reminders.models import ReminderSettings
from tests.factories import make_user

pytestmark = pytest.mark.django_db

SETTINGS = "/accounts/reminders/"
GOOD = {
    "enabled": "on",
    "time": "07:30",
    "days": ["0", "2", "4"],
    "channel_email": "on",
    "paused_until": "",
}


def unsubscribe_path(user) -> str:
    return unsubscribe_url(user).split("127.0.0.1:8000", 1)[1]


def test_the_page_shows_the_defaults_for_a_new_person(owner_client):
    response = owner_client.get(SETTINGS)

    form = response.context["form"]
    assert response.status_code == 200
    assert form["time"].value().strftime("%H:%M") == "20:00"
    assert form.initial["days"] == list("0123456")
    assert not form["enabled"].value()


def test_saving_keeps_the_chosen_time_days_and_channel(owner_client, owner):
    response = owner_client.post(SETTINGS, GOOD)

    reminder = ReminderSettings.objects.get(user=owner)
    assert response.status_code == 302
    assert (reminder.enabled, reminder.time.strftime("%H:%M"), reminder.days) == (
        True,
        "07:30",
        "024",
    )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"days": []}, "days"),
        ({"channel_email": ""}, "channel_email"),
        ({"time": "25:00"}, "time"),
        ({"time": "nine"}, "time"),
        ({"days": ["7"]}, "days"),
        ({"paused_until": "2026-02-30"}, "paused_until"),
        ({"paused_until": "9" * 500}, "paused_until"),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_nothing_saved(
    owner_client, owner, change, field
):
    data = {**GOOD, **change}
    if data.get("channel_email") == "":
        del data["channel_email"]

    response = owner_client.post(SETTINGS, data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not ReminderSettings.objects.filter(user=owner, enabled=True).exists()


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(SETTINGS)

    assert response["Location"].startswith("/accounts/login/")


def test_the_settings_page_refuses_put(owner_client):
    assert owner_client.put(SETTINGS).status_code == 405


def test_the_page_says_when_there_is_no_confirmed_address(owner_client):
    response = owner_client.get(SETTINGS)

    assert "need a confirmed address" in response.content.decode()


def test_each_person_sees_only_their_own_settings(owner_client, owner):
    sky = make_user("sky")
    ReminderSettings.objects.create(user=sky, enabled=True, days="6")

    owner_client.post(SETTINGS, GOOD)

    assert ReminderSettings.objects.get(user=sky).days == "6"


def test_the_unsubscribe_link_asks_first_without_logging_in(owner):
    ReminderSettings.objects.create(user=owner, enabled=True)

    response = Client().get(unsubscribe_path(owner))

    assert response.status_code == 200
    assert ReminderSettings.objects.get(user=owner).channel_email


def test_the_unsubscribe_button_turns_email_reminders_off(owner):
    ReminderSettings.objects.create(user=owner, enabled=True)

    response = Client().post(unsubscribe_path(owner))

    assert response.status_code == 200
    assert not ReminderSettings.objects.get(user=owner).channel_email


def test_a_mail_apps_one_click_unsubscribe_works(owner):
    ReminderSettings.objects.create(user=owner, enabled=True)
    mail_app = Client(enforce_csrf_checks=True)

    response = mail_app.post(
        unsubscribe_path(owner),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert not ReminderSettings.objects.get(user=owner).channel_email


@pytest.mark.parametrize(
    "token",
    [
        "not-a-token",
        signing.dumps({"user": 1}, salt="another-purpose"),
        signing.dumps({"who": 1}, salt=UNSUBSCRIBE_SALT),
    ],
    # Fixed names: a signed token holds the time, and pytest-xdist's workers must
    # collect the same test ids even when they start a second apart.
    ids=["not-a-token", "other-purpose", "no-user"],
)
def test_a_broken_unsubscribe_link_changes_nothing(owner, token):
    ReminderSettings.objects.create(user=owner, enabled=True)

    response = Client().post(f"/accounts/reminders/unsubscribe/{token}/")

    assert response.status_code == 400
    assert ReminderSettings.objects.get(user=owner).channel_email


SENT_AT = datetime.datetime(2026, 11, 2, 20, 0, tzinfo=datetime.UTC)


def unsubscribe_path_sent_at(user, when) -> str:
    with time_machine.travel(when, tick=False):
        return unsubscribe_path(user)


def test_unsubscribe_links_last_sixty_days():
    assert datetime.timedelta(days=60) == UNSUBSCRIBE_MAX_AGE


def test_a_mail_apps_one_click_unsubscribe_works_on_a_recent_email(owner):
    ReminderSettings.objects.create(user=owner, enabled=True)
    path = unsubscribe_path_sent_at(owner, SENT_AT)

    with time_machine.travel(SENT_AT + datetime.timedelta(days=59), tick=False):
        response = Client(enforce_csrf_checks=True).post(
            path,
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )

    assert response.status_code == 200
    assert not ReminderSettings.objects.get(user=owner).channel_email


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_expired_unsubscribe_link_changes_nothing_and_says_where_to_stop_them(
    owner, method
):
    ReminderSettings.objects.create(user=owner, enabled=True)
    path = unsubscribe_path_sent_at(owner, SENT_AT)

    with time_machine.travel(SENT_AT + datetime.timedelta(days=61), tick=False):
        response = getattr(Client(), method)(path)

    html = response.content.decode()
    assert response.status_code == 410
    assert "This link has expired" in html
    assert 'href="/accounts/reminders/"' in html
    assert ReminderSettings.objects.get(user=owner).channel_email


def test_the_expired_unsubscribe_page_speaks_spanish(owner):
    path = unsubscribe_path_sent_at(owner, SENT_AT)

    with time_machine.travel(SENT_AT + datetime.timedelta(days=61), tick=False):
        response = Client(HTTP_ACCEPT_LANGUAGE="es").get(path)

    assert "Este enlace caducó" in response.content.decode()
