"""Log-in pauses after too many wrong passwords, without locking the owner out."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.utils import timezone

from accounts import lockout
from accounts.models import LoginFailure
from tests.factories import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ROOT = Path(__file__).resolve().parents[2]


def log_in(client, username="river", password=PASSWORD, address="192.0.2.200"):
    return client.post(
        "/accounts/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def fail_from_many_addresses(username="river", times=lockout.USERNAME_LIMIT):
    # A different address each time: the username+address rule never trips.
    for number in range(times):
        log_in(Client(), username, "wrong-password", address=f"198.51.100.{number + 1}")


@pytest.fixture
def river(db):
    return make_user("river")


def test_ten_failures_from_anywhere_pause_the_username(river):
    fail_from_many_addresses()

    response = log_in(Client())

    assert response.status_code == 429
    assert "You can try again in about 15 minutes." in response.content.decode()
    assert 'href="/accounts/password_reset/"' in response.content.decode()


def test_nine_failures_do_not_pause_the_username(river):
    fail_from_many_addresses(times=lockout.USERNAME_LIMIT - 1)

    response = log_in(Client())

    assert response.status_code == 302


def test_a_paused_log_in_starts_no_session(river):
    fail_from_many_addresses()
    client = Client()

    log_in(client)

    assert "_auth_user_id" not in client.session


def test_thirty_failures_from_one_address_pause_every_username_there(river):
    for number in range(lockout.ADDRESS_LIMIT):
        log_in(Client(), f"guess{number}", "wrong-password", address="203.0.113.9")

    from_there = log_in(Client(), address="203.0.113.9")
    from_elsewhere = log_in(Client(), address="203.0.113.10")

    assert from_there.status_code == 429
    assert from_elsewhere.status_code == 302


def test_a_browser_that_signed_in_before_passes_the_pause(river):
    owners_phone = Client()
    log_in(owners_phone)
    owners_phone.post("/accounts/logout/")
    fail_from_many_addresses()

    response = log_in(owners_phone)

    assert response.status_code == 302
    assert response["Location"] == "/journal/"


def test_a_known_browser_still_needs_the_right_password(river):
    owners_phone = Client()
    log_in(owners_phone)
    owners_phone.post("/accounts/logout/")
    fail_from_many_addresses()

    response = log_in(owners_phone, password="wrong-password")

    assert response.status_code == 200
    assert "_auth_user_id" not in owners_phone.session


def test_another_accounts_device_cookie_does_not_pass_the_pause(river):
    make_user("sky")
    skys_laptop = Client()
    log_in(skys_laptop, "sky")
    skys_laptop.post("/accounts/logout/")
    fail_from_many_addresses()

    response = log_in(skys_laptop)

    assert response.status_code == 429


def test_a_forged_device_cookie_does_not_pass_the_pause(river):
    fail_from_many_addresses()
    client = Client()
    client.cookies[lockout.DEVICE_COOKIE] = f"[{river.pk}]:forged:signature"

    response = log_in(client)

    assert response.status_code == 429


def test_the_pause_ends_after_fifteen_minutes(river):
    fail_from_many_addresses()
    later = timezone.now() + lockout.COOL_OFF + datetime.timedelta(seconds=1)

    with time_machine.travel(later):
        response = log_in(Client())

    assert response.status_code == 302


def test_a_password_reset_lifts_the_pause(river):
    fail_from_many_addresses()

    lockout.clear("river")

    assert log_in(Client()).status_code == 302


def test_wrong_two_factor_codes_count_toward_the_pause(river):
    from tests.accounts.test_two_factor import turn_on_two_factor

    turn_on_two_factor(river)
    for number in range(lockout.USERNAME_LIMIT):
        client = Client()
        log_in(client, address=f"198.51.100.{number + 1}")
        client.post("/accounts/login/code/", {"code": "000000"})

    response = log_in(Client())

    assert response.status_code == 429


def test_failures_are_counted_in_the_database():
    lockout.record_failure("river", "192.0.2.1", timezone.now())

    assert LoginFailure.objects.filter(username="river").count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_failures_counted_by_another_process_pause_this_one():
    make_user("river")
    database = connection.settings_dict
    url = (
        f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}"
    )
    script = (
        "import django; django.setup()\n"
        "from django.utils import timezone\n"
        "from accounts import lockout\n"
        f"for n in range({lockout.USERNAME_LIMIT}):\n"
        "    lockout.record_failure('river', f'198.51.100.{n + 1}', timezone.now())\n"
    )
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": url,
    }

    subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, check=True
    )

    assert log_in(Client()).status_code == 429
    assert get_user_model().objects.filter(username="river").exists()


def test_a_remembered_browser_passes_the_username_and_address_pair_rule(river):
    owners_phone = Client()
    log_in(owners_phone, address="192.0.2.50")
    owners_phone.post("/accounts/logout/")
    for _ in range(6):
        log_in(Client(), password="wrong-password", address="192.0.2.50")

    response = log_in(owners_phone, address="192.0.2.50")

    assert response.status_code == 302
    assert owners_phone.session["_auth_user_id"] == str(river.pk)


def test_the_pair_rule_still_pauses_a_browser_that_never_signed_in(river):
    for _ in range(6):
        log_in(Client(), password="wrong-password", address="192.0.2.50")

    response = log_in(Client(), address="192.0.2.50")

    assert response.status_code == 429


def test_a_remembered_browser_under_the_pair_rule_still_needs_the_password(river):
    owners_phone = Client()
    log_in(owners_phone, address="192.0.2.50")
    owners_phone.post("/accounts/logout/")
    for _ in range(6):
        log_in(Client(), password="wrong-password", address="192.0.2.50")

    response = log_in(owners_phone, password="wrong-password", address="192.0.2.50")

    assert response.status_code == 200
    assert "_auth_user_id" not in owners_phone.session
