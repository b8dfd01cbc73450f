"""Inputs found by the fuzz tests (and by probing around them), each a plain test.

Each one failed when it was written, some only on PostgreSQL (issue 7 report).
"""

import ipaddress
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from accounts.models import Profile
from core.network import client_ip
from journal.models import Entry, WeeklyReflection
from portability.document import FORMAT_NAME
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


# --- weeks at the very start of the calendar ---------------------------------------


@pytest.mark.parametrize(
    ("week_start", "url"),
    [
        ("monday", "/journal/week/0001-01-01/"),
        ("monday", "/journal/week/0001-01-01/pdf/"),
        ("sunday", "/journal/week/0001-01-01/"),
        ("sunday", "/journal/week/0001-01-06/pdf/"),
    ],
)
def test_a_week_in_year_one_is_not_a_server_error(
    fixed_clock, owner, owner_client, week_start, url
):
    Profile.objects.filter(user=owner).update(week_start=week_start)

    response = owner_client.get(url)

    assert response.status_code < 500


@pytest.mark.parametrize("week_start", ["monday", "sunday"])
def test_a_refused_reflection_in_year_one_is_not_a_server_error(
    fixed_clock, owner, owner_client, week_start
):
    Profile.objects.filter(user=owner).update(week_start=week_start)

    response = owner_client.post(
        "/journal/week/0001-01-01/reflection/",
        {"what_helped": "x" * 2001, "what_was_hard": "", "for_next_session": ""},
    )

    assert response.status_code < 500
    assert not WeeklyReflection.objects.exists()


def test_a_reflection_for_a_week_before_2000_is_not_saved(fixed_clock, owner_client):
    # Entries and imported reflections refuse days before 2000 (forms.EARLIEST_DAY).
    response = owner_client.post(
        "/journal/week/0001-01-08/reflection/",
        {"what_helped": "Long ago", "what_was_hard": "", "for_next_session": ""},
    )

    assert response.status_code < 500
    assert not WeeklyReflection.objects.exists()


# --- import: times that parse but cannot exist -------------------------------------

IMPOSSIBLE_MOMENTS = [
    "2026-02-30T10:00:00+00:00",  # no such day
    "2026-11-20T25:00:00Z",  # no such hour
    "2026-11-20T10:00:00+99:00",  # no such offset
    "0001-01-01T00:00:00+14:00",  # before year one in UTC
    "9999-12-31T23:59:59-14:00",  # after year 9999 in UTC
]


def upload(client, document):
    raw = json.dumps(document).encode()
    return client.post(
        "/accounts/import/", {"file": SimpleUploadedFile("export.json", raw)}
    )


@pytest.mark.parametrize("moment", IMPOSSIBLE_MOMENTS)
def test_an_entry_with_an_impossible_created_at_is_refused_not_a_server_error(
    fixed_clock, owner_client, moment
):
    entry = {
        "uuid": "5d2b8e8e-2f0b-4a57-9d7c-6a1f3c9b2e10",
        "practiced_on": "2026-11-20",
        "skill": "communication",
        "note": "Imported",
        "created_at": moment,
    }

    response = upload(
        owner_client, {"format": FORMAT_NAME, "version": 1, "entries": [entry]}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Entry.objects.exists()


@pytest.mark.parametrize("moment", IMPOSSIBLE_MOMENTS)
def test_a_reflection_with_an_impossible_created_at_is_refused_not_a_server_error(
    fixed_clock, owner_client, moment
):
    reflection = {"week_of": "2026-11-16", "what_helped": "Tea", "created_at": moment}

    response = upload(
        owner_client,
        {"format": FORMAT_NAME, "version": 1, "reflections": [reflection]},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not WeeklyReflection.objects.exists()


# --- "next" that is a word, not a path ---------------------------------------------


@pytest.mark.parametrize("target", ["0", "today", "journal"])
def test_saving_an_edit_with_a_next_that_is_not_a_path_is_not_a_server_error(
    fixed_clock, owner, owner_client, target
):
    entry = make_entry(owner)

    response = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        {
            "skill": "communication",
            "note": "Changed",
            "practiced_on": "2026-11-20",
            "next": target,
        },
    )

    assert response.status_code == 302
    assert "//" not in response["Location"]


@pytest.mark.parametrize("target", ["0", "today", "journal"])
def test_deleting_with_a_next_that_is_not_a_path_is_not_a_server_error(
    fixed_clock, owner, owner_client, target
):
    entry = make_entry(owner)

    response = owner_client.post(
        f"/journal/entries/{entry.pk}/delete/", {"next": target}
    )

    assert response.status_code == 302
    assert "//" not in response["Location"]


# --- log-in input that reaches django-axes' table -----------------------------------


def test_a_very_long_username_at_log_in_is_refused_not_a_server_error(client, owner):
    # Django's log-in form does not check the username's length; django-axes then
    # records the failure in a 255-character column, which PostgreSQL enforces.
    response = client.post(
        "/accounts/login/", {"username": "x" * 300, "password": "wrong"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors


@pytest.mark.parametrize("forwarded", ["junk", "192.0.2.9, 999.1.1.1", "unknown"])
def test_a_forwarded_for_that_is_not_an_address_is_not_a_server_error(
    client, owner, settings, forwarded
):
    settings.TRUST_PROXY = True
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8")]

    response = client.post(
        "/accounts/login/",
        {"username": "owner", "password": "wrong"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded,
    )

    assert response.status_code == 200


@pytest.mark.parametrize("forwarded", ["junk", "192.0.2.9, 999.1.1.1", "unknown"])
def test_client_ip_falls_back_to_the_peer_when_forwarded_for_is_not_an_address(
    settings, forwarded
):
    settings.TRUST_PROXY = True
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8")]
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
    )

    assert client_ip(request) == "10.0.0.1"
