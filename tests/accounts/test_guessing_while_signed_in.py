"""A signed-in session cannot guess the password (or a code) without limit.

Every place that checks one while signed in counts toward the same pause as log-in,
and a browser that signed in before is no way around it (accounts/lockout.py).
"""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from accounts import lockout, two_factor
from tests.accounts.test_two_factor import code_for, device_of, turn_on_two_factor
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
NEW_PASSWORD = "fresh-harbour-lights-42"
PAUSED = "paused this for a little while"


@pytest.fixture
def river(db):
    return make_user("river")


@pytest.fixture
def owners_phone(river):
    """Signed in through the log-in form: a remembered browser (the device cookie)."""
    client = Client()
    client.post("/accounts/login/", {"username": "river", "password": PASSWORD})
    assert lockout.DEVICE_COOKIE in client.cookies
    return client


def change_password(client, old_password):
    data = {
        "old_password": old_password,
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
    }
    return client.post("/accounts/password_change/", data)


def confirm(client, password):
    return client.post(
        "/accounts/confirm/?next=/journal/", {"confirm-password": password}
    )


def erase(client, password):
    return client.post("/accounts/delete/", {"password": password})


def turn_off(client, password):
    user = get_user_model().objects.get(username="river")
    return client.post(
        "/accounts/two-factor/off/",
        {"password": password, "code": code_for(device_of(user))},
    )


def password_is_unchanged():
    return get_user_model().objects.get(username="river").check_password(PASSWORD)


def account_exists():
    return get_user_model().objects.filter(username="river").exists()


def two_factor_is_on():
    return two_factor.is_enabled(get_user_model().objects.get(username="river"))


PLACES = {
    "password change": (change_password, password_is_unchanged),
    # A right answer there redirects; the 200 is already the proof.
    "is it you": (confirm, None),
    "erasure": (erase, account_exists),
    "turning two-factor off": (turn_off, two_factor_is_on),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_after_ten_wrong_passwords_even_the_right_one_waits(owners_phone, place):
    turn_on_two_factor(get_user_model().objects.get(username="river"))
    attempt, still_as_before = PLACES[place]
    for _ in range(lockout.USERNAME_LIMIT):
        attempt(owners_phone, "wrong-password")

    response = attempt(owners_phone, PASSWORD)

    assert response.status_code == 200
    assert PAUSED in response.content.decode()
    assert still_as_before is None or still_as_before()


def test_nine_wrong_passwords_do_not_pause_a_password_change(owners_phone):
    for _ in range(lockout.USERNAME_LIMIT - 1):
        change_password(owners_phone, "wrong-password")

    response = change_password(owners_phone, PASSWORD)

    assert response.status_code == 302
    assert not password_is_unchanged()


def test_the_pause_shows_beside_the_password_field(owners_phone):
    for _ in range(lockout.USERNAME_LIMIT):
        change_password(owners_phone, "wrong-password")

    response = change_password(owners_phone, PASSWORD)

    errors = response.context["form"].errors
    assert PAUSED in errors["old_password"][0]


def test_wrong_passwords_while_signed_in_pause_log_in_elsewhere(owners_phone):
    for _ in range(lockout.USERNAME_LIMIT):
        change_password(owners_phone, "wrong-password")

    response = Client().post(
        "/accounts/login/", {"username": "river", "password": PASSWORD}
    )

    assert response.status_code == 429


def test_failed_log_ins_elsewhere_do_not_pause_the_owners_signed_in_checks(
    owners_phone,
):
    for number in range(lockout.USERNAME_LIMIT):
        Client().post(
            "/accounts/login/",
            {"username": "river", "password": "wrong-password"},
            REMOTE_ADDR=f"198.51.100.{number + 1}",
        )

    response = change_password(owners_phone, PASSWORD)

    assert response.status_code == 302
    assert not password_is_unchanged()


def test_the_pause_on_signed_in_checks_ends_after_fifteen_minutes(owners_phone):
    for _ in range(lockout.USERNAME_LIMIT):
        change_password(owners_phone, "wrong-password")
    later = timezone.now() + lockout.COOL_OFF + datetime.timedelta(seconds=1)

    with time_machine.travel(later):
        response = change_password(owners_phone, PASSWORD)

    assert response.status_code == 302
