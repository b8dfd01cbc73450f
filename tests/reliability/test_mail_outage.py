"""A mail server that hangs never holds a person's request: every action that sends
mail completes within EMAIL_TIMEOUT, and the person sees the page they expect.

The server is real: it accepts the connection and never says a word (not even the
SMTP greeting), as a wedged or overloaded mail server does.
"""

import datetime
import time

import pytest
import time_machine

from accounts.models import profile_for
from reminders.models import ReminderSettings
from reminders.sending import send_due
from tests.factories import make_user, sign_in
from tests.reliability.outages import SilentListener

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
TIMEOUT = 0.5
# One timeout per message, with room for a busy shared machine.
SLOWEST_SECONDS = 6


@pytest.fixture
def hanging_mail_server(settings):
    with SilentListener() as listener:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        settings.EMAIL_TIMEOUT = TIMEOUT
        yield listener


@pytest.fixture
def river():
    user = make_user("river", password=PASSWORD)
    user.email = "river@example.org"
    user.save()
    profile = profile_for(user)
    profile.confirmed_email = user.email
    profile.save()
    return user


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_a_password_reset_request_completes(hanging_mail_server, river, client):
    response, seconds = timed(
        lambda: client.post(
            "/accounts/password_reset/", {"email": "river@example.org"}, follow=True
        )
    )

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()
    assert hanging_mail_server.accepted, "the mail server was asked"
    assert seconds < SLOWEST_SECONDS


def test_signing_up_with_an_address_completes(hanging_mail_server, client):
    fields = {
        "username": "sky",
        "email": "sky@example.org",
        "password1": "quiet-harbour-lanterns-73",
        "password2": "quiet-harbour-lanterns-73",
        "time_zone": "UTC",
    }

    response, seconds = timed(lambda: client.post("/accounts/signup/", fields))

    assert response.status_code == 302
    assert hanging_mail_server.accepted
    assert seconds < SLOWEST_SECONDS


def test_sending_the_confirm_link_again_completes(hanging_mail_server, client):
    user = make_user("sky")
    user.email = "sky@example.org"
    user.save()
    sign_in(client, user)

    response, seconds = timed(lambda: client.post("/accounts/email/send-link/"))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/settings/"
    assert hanging_mail_server.accepted
    assert seconds < SLOWEST_SECONDS


def test_a_password_change_completes_without_its_notice(
    hanging_mail_server, river, client
):
    sign_in(client, river)

    response, seconds = timed(
        lambda: client.post(
            "/accounts/password_change/",
            {
                "old_password": PASSWORD,
                "new_password1": "fresh-harbour-lights-42",
                "new_password2": "fresh-harbour-lights-42",
            },
        )
    )

    assert response.status_code == 302
    river.refresh_from_db()
    assert river.check_password("fresh-harbour-lights-42")
    assert hanging_mail_server.accepted
    assert seconds < SLOWEST_SECONDS


def test_making_a_share_link_completes_without_its_notice(
    hanging_mail_server, river, client
):
    sign_in(client, river)

    response, seconds = timed(
        lambda: client.post(
            "/journal/sharing/", {"weeks": "4", "expires_in_days": "30"}
        )
    )

    assert response.status_code == 200
    assert "/share/" in response.content.decode()
    assert hanging_mail_server.accepted
    assert seconds < SLOWEST_SECONDS


def test_a_reminder_run_completes_and_counts_the_failure(hanging_mail_server, river):
    ReminderSettings.objects.create(user=river, enabled=True)
    profile = profile_for(river)
    profile.time_zone = "America/Los_Angeles"
    profile.save()
    at = datetime.datetime(2026, 11, 19, 4, 0, tzinfo=datetime.UTC)  # 20:00 there

    started = time.monotonic()
    with time_machine.travel(at, tick=False):
        report = send_due(at)
    seconds = time.monotonic() - started

    assert report.failed == 1
    assert hanging_mail_server.accepted
    assert seconds < SLOWEST_SECONDS
