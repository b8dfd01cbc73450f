"""The journal's addresses reversed once per process: the same as reverse(), under
any script prefix."""

import datetime
import uuid

import pytest
from django.urls import reverse, set_script_prefix

from journal.addresses import day_url, fixed_url, pk_url, uuid_url


@pytest.fixture
def served_under_a_path():
    set_script_prefix("/journal-app/")
    yield
    set_script_prefix("/")


@pytest.mark.parametrize("name", ["journal:today", "journal:check-in"])
def test_an_address_without_values_is_the_one_django_reverses(name):
    assert fixed_url(name) == reverse(name)


@pytest.mark.parametrize("pk", [1, 40, 123456])
def test_an_address_around_an_id_is_the_one_django_reverses(pk):
    assert pk_url("journal:plan", pk) == reverse("journal:plan", args=[pk])


def test_a_site_served_under_a_path_gets_its_own_addresses(served_under_a_path):
    assert fixed_url("journal:today") == "/journal-app/journal/"
    assert pk_url("journal:plan-not-this-time", 7) == reverse(
        "journal:plan-not-this-time", args=[7]
    )
    assert pk_url("journal:plan-not-this-time", 7).startswith("/journal-app/")


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(2000, 1, 1),
        datetime.date(2026, 11, 17),
        datetime.date(2031, 2, 28),
    ],
)
def test_an_address_around_a_day_is_the_one_django_reverses(day):
    assert day_url("journal:check-in-day", day) == reverse(
        "journal:check-in-day", args=[day]
    )


def test_a_site_served_under_a_path_gets_its_own_day_addresses(served_under_a_path):
    day = datetime.date(2026, 11, 17)
    assert (
        day_url("journal:check-in-day", day)
        == "/journal-app/journal/check-in/2026-11-17/"
    )


def test_an_address_around_a_uuid_is_the_one_django_reverses(served_under_a_path):
    value = uuid.uuid4()
    assert uuid_url("journal:practice-item-tick", value) == reverse(
        "journal:practice-item-tick", args=[value]
    )
