"""Web Push: a local push service receives the real encrypted message and decrypts it.

The endpoint below is an HTTP server on this machine standing in for a browser's
push service (RFC 8030). The test holds the browser's keys, so it decrypts what
arrives exactly as the browser would (RFC 8291, aes128gcm), and sees the VAPID
signature (RFC 8292) the push service would check.
"""

import base64
import datetime
import http.server
import json
import os
import threading

import http_ece
import pytest
import time_machine
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management import call_command

from accounts.models import profile_for
from reminders.models import PushSubscription, ReminderSettings
from reminders.sending import send_due
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db

AT_EIGHT_LA = datetime.datetime(2026, 11, 19, 4, 0, tzinfo=datetime.UTC)


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


class PushService:
    """A push service on 127.0.0.1 that records what it is sent."""

    def __init__(self, status=201):
        self.received = []
        service = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                headers = {name.lower(): value for name, value in self.headers.items()}
                service.received.append((headers, self.rfile.read(length)))
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Browser:
    """The keys a browser makes when it subscribes."""

    def __init__(self):
        self.private_key = ec.generate_private_key(ec.SECP256R1())
        self.auth_secret = os.urandom(16)
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        self.keys = {"p256dh": b64(public), "auth": b64(self.auth_secret)}

    def decrypt(self, body: bytes) -> dict:
        plain = http_ece.decrypt(
            body,
            private_key=self.private_key,
            auth_secret=self.auth_secret,
            version="aes128gcm",
        )
        return json.loads(plain)


@pytest.fixture
def vapid(settings):
    from io import StringIO

    output = StringIO()
    call_command("generate_vapid_keys", stdout=output)
    lines = dict(line.split("=", 1) for line in output.getvalue().split())
    settings.VAPID_PUBLIC_KEY = lines["DJANGO_VAPID_PUBLIC_KEY"]
    settings.VAPID_PRIVATE_KEY = lines["DJANGO_VAPID_PRIVATE_KEY"]
    settings.VAPID_SUBJECT = "mailto:reminders@example.org"
    settings.PUSH_SERVICE_HOSTS = [*settings.PUSH_SERVICE_HOSTS, "127.0.0.1"]
    settings.PUSH_INSECURE_HOSTS = ["127.0.0.1"]
    return lines


@pytest.fixture
def push_service():
    service = PushService()
    yield service
    service.close()


def subscribed_person(service, browser):
    user = make_user("river")
    profile = profile_for(user)
    profile.time_zone = "America/Los_Angeles"
    profile.save()
    ReminderSettings.objects.create(
        user=user, enabled=True, channel_email=False, channel_push=True
    )
    PushSubscription.objects.create(
        user=user,
        endpoint=f"http://127.0.0.1:{service.port}/push/abc123",
        **browser.keys,
    )
    return user


def run(at):
    with time_machine.travel(at, tick=False):
        return send_due(at)


def test_the_reminder_arrives_encrypted_and_decrypts_to_kind_words(vapid, push_service):
    browser = Browser()
    subscribed_person(push_service, browser)

    report = run(AT_EIGHT_LA)

    [(headers, body)] = push_service.received
    message = browser.decrypt(body)
    assert report.sent == 1
    assert message == {
        "title": "A moment for your practice?",
        "body": "Two sentences is plenty. Your journal is here when you are ready.",
        "url": "/journal/",
    }
    assert headers["content-encoding"] == "aes128gcm"
    assert "vapid" in headers["authorization"].lower()
    assert vapid["DJANGO_VAPID_PUBLIC_KEY"] in headers["authorization"]


def test_the_push_holds_no_journal_text(vapid, push_service):
    browser = Browser()
    user = subscribed_person(push_service, browser)
    make_entry(user, practiced_on=datetime.date(2026, 11, 17), note="Panic at work")

    run(AT_EIGHT_LA)

    [(_headers, body)] = push_service.received
    assert b"Panic" not in body
    assert "Panic" not in json.dumps(browser.decrypt(body))


@pytest.mark.parametrize("status", [404, 410])
def test_a_subscription_the_push_service_reports_gone_is_removed(vapid, status):
    service = PushService(status=status)
    try:
        subscribed_person(service, Browser())

        run(AT_EIGHT_LA)
    finally:
        service.close()

    assert not PushSubscription.objects.exists()


def test_without_vapid_keys_no_push_is_attempted(settings, push_service):
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = ""
    subscribed_person(push_service, Browser())

    report = run(AT_EIGHT_LA)

    assert report.sent == 0
    assert push_service.received == []


# --- subscribing from the settings page ------------------------------------------------


def test_a_browser_subscribes_with_a_post(owner_client, owner, vapid):
    subscription = {
        "endpoint": "https://fcm.googleapis.com/fcm/send/abc",
        "keys": Browser().keys,
    }

    response = owner_client.post(
        "/accounts/reminders/push/subscribe/",
        json.dumps(subscription),
        content_type="application/json",
    )

    assert response.json() == {"status": "subscribed"}
    assert PushSubscription.objects.get(user=owner).endpoint == subscription["endpoint"]


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/abc",
        "https://169.254.169.254/latest/meta-data/",
        "https://evil.example/fcm.googleapis.com",
        "file:///etc/passwd",
    ],
)
def test_a_subscription_to_an_unknown_address_is_refused(owner_client, vapid, endpoint):
    response = owner_client.post(
        "/accounts/reminders/push/subscribe/",
        json.dumps({"endpoint": endpoint, "keys": Browser().keys}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert not PushSubscription.objects.exists()


@pytest.mark.parametrize("body", ["not json", "[]", '{"endpoint": 5}', "{}"])
def test_a_broken_subscription_is_refused_calmly(owner_client, vapid, body):
    response = owner_client.post(
        "/accounts/reminders/push/subscribe/", body, content_type="application/json"
    )

    assert response.status_code == 400


def test_unsubscribing_removes_only_ones_own_subscription(owner_client, owner, vapid):
    theirs = PushSubscription.objects.create(
        user=make_user("sky"),
        endpoint="https://fcm.googleapis.com/x",
        p256dh="a",
        auth="b",
    )

    owner_client.post(
        "/accounts/reminders/push/unsubscribe/",
        json.dumps({"endpoint": theirs.endpoint}),
        content_type="application/json",
    )

    assert PushSubscription.objects.filter(pk=theirs.pk).exists()


def test_without_push_the_settings_page_says_e_mail_works_in_a_persons_words(
    owner_client, settings
):
    settings.VAPID_PUBLIC_KEY = ""

    page = owner_client.get("/accounts/reminders/").content.decode()

    assert "Notifications aren't available here yet; e-mail works." in page
    assert "on this server" not in page


@pytest.mark.parametrize(
    "path",
    ["/accounts/reminders/push/subscribe/", "/accounts/reminders/push/unsubscribe/"],
)
def test_subscribing_refuses_get(owner_client, path):
    assert owner_client.get(path).status_code == 405


@pytest.mark.parametrize(
    "path",
    ["/accounts/reminders/push/subscribe/", "/accounts/reminders/push/unsubscribe/"],
)
def test_subscribing_needs_a_login(client, path):
    assert client.post(path)["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "path",
    ["/accounts/reminders/push/subscribe/", "/accounts/reminders/push/unsubscribe/"],
)
def test_a_script_post_without_the_csrf_token_is_refused(owner, vapid, path):
    from django.test import Client

    script = Client(enforce_csrf_checks=True)
    script.force_login(owner)
    body = json.dumps(
        {"endpoint": "https://fcm.googleapis.com/fcm/send/x", "keys": Browser().keys}
    )

    refused = script.post(path, body, content_type="application/json")
    script.get("/accounts/reminders/")  # the page sets the CSRF cookie
    token = script.cookies["csrftoken"].value
    accepted = script.post(
        path, body, content_type="application/json", HTTP_X_CSRFTOKEN=token
    )

    assert refused.status_code == 403
    assert accepted.status_code == 200
