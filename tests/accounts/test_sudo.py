"""Sensitive actions ask "is it you?" unless the password was typed in 10 minutes."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.test import Client
from django.utils import timezone

from accounts.sudo import PAYLOAD_SALT, SESSION_KEY, SUDO_DURATION
from sharing.models import ShareLink
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
LINK = {"weeks": "8", "include_notes": "on", "expires_in_days": "7"}


@pytest.fixture
def river(db):
    return make_user("river")


@pytest.fixture
def stale_client(river):
    """Signed in long enough ago that the password counts as not recent."""
    client = Client()
    client.force_login(river)
    return client


def ask_for_link(client):
    return client.post("/journal/sharing/", LINK)


def test_making_a_link_without_a_recent_password_asks_first(stale_client, river):
    response = ask_for_link(stale_client)

    assert response.status_code == 200
    assert "accounts/confirm_identity.html" in [t.name for t in response.templates]
    assert not ShareLink.objects.filter(owner=river).exists()


def test_after_the_password_the_link_asked_for_is_made(stale_client, river):
    asked = ask_for_link(stale_client)

    stale_client.post(
        "/journal/sharing/",
        {"sudo_payload": asked.context["payload"], "confirm-password": PASSWORD},
    )

    link = ShareLink.objects.get(owner=river)
    assert (link.weeks, link.include_notes) == (8, True)
    assert (link.expires_at - link.created_at).days == 7


def test_a_wrong_password_makes_nothing_and_says_so(stale_client, river):
    asked = ask_for_link(stale_client)

    response = stale_client.post(
        "/journal/sharing/",
        {"sudo_payload": asked.context["payload"], "confirm-password": "not-it"},
    )

    assert response.context["form"].non_field_errors()
    assert not ShareLink.objects.filter(owner=river).exists()


def test_a_tampered_request_is_refused(stale_client, river):
    asked = ask_for_link(stale_client)

    response = stale_client.post(
        "/journal/sharing/",
        {"sudo_payload": asked.context["payload"] + "x", "confirm-password": PASSWORD},
    )

    assert response.status_code == 400
    assert not ShareLink.objects.filter(owner=river).exists()


def test_another_persons_request_is_refused(stale_client, river):
    sky = make_user("sky")
    theirs = signing.dumps(
        {"user": sky.pk, "path": "/journal/sharing/", "fields": {"weeks": ["4"]}},
        salt=PAYLOAD_SALT,
    )

    response = stale_client.post(
        "/journal/sharing/", {"sudo_payload": theirs, "confirm-password": PASSWORD}
    )

    assert response.status_code == 400
    assert not ShareLink.objects.exists()


def test_a_download_asks_then_offers_the_file(stale_client):
    asked = stale_client.get("/accounts/export/json/")
    confirm_url = asked["Location"]

    confirmed = stale_client.post(confirm_url, {"confirm-password": PASSWORD})
    download = stale_client.get("/accounts/export/json/")

    assert confirm_url.startswith("/accounts/confirm/?next=")
    assert 'http-equiv="refresh"' in confirmed.content.decode()
    assert download["Content-Type"].startswith("application/json")


def test_after_ten_minutes_it_asks_again(client, river):
    sign_in(client, river)
    later = timezone.now() + SUDO_DURATION + datetime.timedelta(seconds=1)

    with time_machine.travel(later):
        response = client.get("/accounts/export/csv/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm/")


def test_signing_in_with_the_password_counts_as_recent(client, river):
    client.post("/accounts/login/", {"username": "river", "password": PASSWORD})

    assert client.session[SESSION_KEY] > timezone.now().timestamp()
    assert client.get("/accounts/export/csv/").status_code == 200


def test_the_confirm_page_returns_only_to_a_page_of_this_site(stale_client):
    response = stale_client.post(
        "/accounts/confirm/?next=https://elsewhere.example/",
        {"confirm-password": PASSWORD},
    )

    assert response["Location"] == "/journal/"
