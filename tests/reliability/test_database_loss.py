"""Losing the database connection is survived, and an outage reads calmly."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from tests.reliability.live_http import LiveSession


def test_settings_turn_on_connection_health_checks():
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_next_request_succeeds_after_the_connection_is_closed_under_the_app(
    live_server, owner
):
    session = LiveSession(live_server.url, owner)
    assert session.request("GET", "/journal/")[0] == 200

    # End every other connection to the test database from the server's side, as a
    # restart or a network blip would.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )

    status, _, body = session.request("GET", "/journal/")

    assert status == 200
    assert "Log a skill you used" in body


@pytest.fixture
def signed_in(owner):
    # The real handler's answer, not the exception: the test client would re-raise it.
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    return client


@pytest.fixture
def database_unreachable():
    # Simulated: every attempt to reach the database fails. The shared PostgreSQL
    # server itself is never stopped.
    with mock.patch.object(
        BaseDatabaseWrapper,
        "ensure_connection",
        side_effect=OperationalError("could not connect to server"),
    ):
        yield


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/journal/", "/journal/entries/", "/journal/week/", "/accounts/settings/"]
)
def test_pages_answer_a_calm_503_while_the_database_is_unreachable(
    signed_in, database_unreachable, url
):
    response = signed_in.get(url)

    html = response.content.decode()
    assert response.status_code == 503
    assert "reach your journal right now" in html
    assert "What you saved before is safe." in html
    assert "Traceback" not in html and "OperationalError" not in html
    assert "In crisis? Call or text 988" in html


@pytest.mark.django_db
def test_saving_while_the_database_is_unreachable_is_a_calm_503(
    signed_in, database_unreachable
):
    response = signed_in.post("/journal/entries/new/", {"note": "x"})

    assert response.status_code == 503


@pytest.mark.django_db
def test_health_check_reports_the_outage(client, database_unreachable):
    assert client.get("/healthz").status_code == 503
