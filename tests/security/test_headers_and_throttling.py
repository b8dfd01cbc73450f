"""Response headers, HTTPS, log-in and sign-up throttling, sessions, logs and admin."""

import datetime
import ipaddress
import json
import logging
import os
import secrets
import string
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.utils import timezone

from core.network import client_ip
from journal.models import Entry, WeeklyReflection
from portability.document import FORMAT_NAME
from sharing.models import ShareLink
from sharing.services import hash_token
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
STRONG_PASSWORD = "calm-river-stones-42"
SHARE_TOKEN = "header-test-share-token"


# --- headers on every response -----------------------------------------------------


@pytest.fixture
def share_url(owner):
    ShareLink.objects.create(
        owner=owner,
        token_hash=hash_token(SHARE_TOKEN),
        weeks=4,
        first_day=datetime.date(2026, 10, 26),
        last_day=datetime.date(2026, 11, 22),
        expires_at=timezone.now() + datetime.timedelta(days=30),
    )
    return f"/share/{SHARE_TOKEN}/"


PAGES = [
    ("/", None, 200),
    ("/journal/", "owner", 200),
    ("/guide/", None, 200),
    ("/no-such-page/", None, 404),
    ("/healthz", None, 200),
    ("/accounts/login/", None, 200),
    ("/accounts/export/json/", "owner", 200),
]


def get_page(client, owner, url, who):
    if who == "owner":
        sign_in(client, owner)
    return client.get(url)


@pytest.mark.parametrize(("url", "who", "status"), PAGES)
def test_every_response_carries_a_strict_content_security_policy(
    client, owner, url, who, status
):
    response = get_page(client, owner, url, who)

    policy = response["Content-Security-Policy"]
    assert response.status_code == status
    assert "default-src 'self'" in policy
    assert "img-src 'self' data:" in policy
    assert "frame-ancestors 'none'" in policy
    assert "form-action 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy


@pytest.mark.parametrize(("url", "who", "status"), PAGES)
def test_every_response_carries_the_protective_headers(client, owner, url, who, status):
    response = get_page(client, owner, url, who)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions


def test_the_shared_page_sends_no_referrer_and_the_same_protections(client, share_url):
    response = client.get(share_url)

    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]


def test_strict_transport_security_is_sent_over_https(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    secure = client.get("/", secure=True)
    plain = client.get("/")

    assert "max-age=31536000" in secure["Strict-Transport-Security"]
    assert "includeSubDomains" in secure["Strict-Transport-Security"]
    assert not plain.has_header("Strict-Transport-Security")


def test_plain_http_health_probes_are_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    health = client.get("/healthz")
    guide = client.get("/guide/")

    assert health.status_code == 200
    assert health.content == b"ok"
    assert guide.status_code == 301
    assert guide["Location"] == "https://testserver/guide/"


# --- log-in throttling ---------------------------------------------------------------

ADDRESS = "203.0.113.5"
OTHER_ADDRESS = "203.0.113.77"


@pytest.fixture
def river(db):
    return make_user("river", password=STRONG_PASSWORD)


def log_in(client, password, **extra):
    return client.post(
        "/accounts/login/", {"username": "river", "password": password}, **extra
    )


def fail_five_times(client, **extra):
    return [log_in(client, "wrong-password", **extra) for _ in range(5)]


def test_five_wrong_passwords_lock_even_the_right_one_out_with_a_calm_page(
    client, river
):
    failures = fail_five_times(client, REMOTE_ADDR=ADDRESS)

    response = log_in(client, STRONG_PASSWORD, REMOTE_ADDR=ADDRESS)

    assert [failure.status_code for failure in failures[:4]] == [200] * 4
    assert response.status_code == 429
    assert "registration/locked_out.html" in [t.name for t in response.templates]
    assert 'href="/accounts/password_reset/"' in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_lock_out_does_not_reach_another_address(client, river):
    fail_five_times(client, REMOTE_ADDR=ADDRESS)

    response = log_in(Client(), STRONG_PASSWORD, REMOTE_ADDR=OTHER_ADDRESS)

    assert response.status_code == 302
    assert response["Location"] == "/journal/"


def test_a_lock_out_ends_after_fifteen_minutes(client, river):
    fail_five_times(client, REMOTE_ADDR=ADDRESS)
    still_locked = log_in(client, STRONG_PASSWORD, REMOTE_ADDR=ADDRESS)
    later = timezone.now() + datetime.timedelta(minutes=15, seconds=1)

    with (
        mock.patch("axes.handlers.proxy.now", return_value=later),
        mock.patch.object(timezone, "now", return_value=later),
    ):
        response = log_in(client, STRONG_PASSWORD, REMOTE_ADDR=ADDRESS)

    assert still_locked.status_code == 429
    assert response.status_code == 302
    assert response["Location"] == "/journal/"


def test_without_a_trusted_proxy_forwarded_addresses_are_ignored(
    client, river, settings
):
    settings.TRUST_PROXY = False
    fail_five_times(client, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")

    response = log_in(
        Client(),
        STRONG_PASSWORD,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.2",
    )

    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_right_most_forwarded_address_counts(
    client, river, settings
):
    settings.TRUST_PROXY = True
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8")]
    fail_five_times(
        client,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.9, 198.51.100.1",
    )

    another_person = log_in(
        Client(),
        STRONG_PASSWORD,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="192.0.2.9, 198.51.100.2",
    )
    same_person_forging_the_left = log_in(
        Client(),
        STRONG_PASSWORD,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.1",
    )

    assert another_person.status_code == 302
    assert same_person_forging_the_left.status_code == 429


@pytest.mark.parametrize(
    ("trust_proxy", "forwarded", "expected"),
    [
        (False, "198.51.100.1", "10.0.0.1"),
        (False, "", "10.0.0.1"),
        (True, "198.51.100.1", "198.51.100.1"),
        (True, "192.0.2.9, 198.51.100.1", "198.51.100.1"),
        (True, "192.0.2.9,198.51.100.1 , ", "198.51.100.1"),
        (True, "", "10.0.0.1"),
        (True, " , ", "10.0.0.1"),
    ],
)
def test_client_ip_trusts_forwarded_for_only_behind_a_proxy(
    settings, trust_proxy, forwarded, expected
):
    settings.TRUST_PROXY = trust_proxy
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/8")]
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", **extra)

    assert client_ip(request) == expected


# --- sign-up rate limit ------------------------------------------------------------


def signup_data(username, **overrides):
    data = {
        "username": username,
        "email": "",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        "time_zone": "UTC",
    }
    data.update(overrides)
    return data


def test_too_many_sign_ups_from_one_address_are_refused_and_make_nobody(client):
    limit = django_settings.SIGNUP_RATE_LIMIT
    attempts = [
        client.post(
            "/accounts/signup/",
            signup_data(f"person{n}", password2="does-not-match-99"),
            REMOTE_ADDR=ADDRESS,
        )
        for n in range(limit)
    ]
    users_before = get_user_model().objects.count()

    response = client.post(
        "/accounts/signup/", signup_data("one-too-many"), REMOTE_ADDR=ADDRESS
    )
    elsewhere = Client().post(
        "/accounts/signup/", signup_data("from-elsewhere"), REMOTE_ADDR=OTHER_ADDRESS
    )

    assert [attempt.status_code for attempt in attempts] == [200] * limit
    assert response.status_code == 429
    assert "accounts/signup_limited.html" in [t.name for t in response.templates]
    assert not get_user_model().objects.filter(username="one-too-many").exists()
    assert elsewhere.status_code == 302
    assert get_user_model().objects.count() == users_before + 1


# --- sessions ------------------------------------------------------------------------


def test_changing_the_password_ends_every_other_session(owner):
    here, elsewhere = Client(), Client()
    here.force_login(owner)
    elsewhere.force_login(owner)

    changed = here.post(
        "/accounts/password_change/",
        {
            "old_password": "a-long-test-password",
            "new_password1": "new-quiet-harbour-73",
            "new_password2": "new-quiet-harbour-73",
        },
    )

    assert changed.status_code == 302
    assert here.get("/journal/").status_code == 200
    away = elsewhere.get("/journal/")
    assert away.status_code == 302
    assert away["Location"] == "/accounts/login/?next=/journal/"


def test_sessions_last_fourteen_days():
    assert django_settings.SESSION_COOKIE_AGE == 14 * 24 * 60 * 60


@pytest.mark.parametrize(("days", "status"), [(13, 200), (15, 302)])
def test_a_session_unused_for_fourteen_days_ends(owner_client, days, status):
    later = timezone.now() + datetime.timedelta(days=days)

    # The whole clock moves: the session's database row and its cached copy
    # (cached_db sessions) both expire with it.
    with time_machine.travel(later, tick=False):
        response = owner_client.get("/journal/")

    assert response.status_code == status


def production_environment() -> dict:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(50)),
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DATABASE_URL="postgres://app@db.example.org:5432/between_sessions",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        DJANGO_ERASED_ACCOUNTS_FILE=os.path.join(
            tempfile.gettempdir(), "between-sessions-erased-accounts.jsonl"
        ),
    )
    return environment


def test_production_cookies_are_secure_http_only_and_same_site_lax():
    names = [
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_COOKIE_AGE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
    ]
    script = (
        "import json, config.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    )

    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SESSION_COOKIE_AGE"] == 14 * 24 * 60 * 60
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000


def test_the_deploy_check_finds_no_issues_in_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=production_environment(),
        capture_output=True,
        text=True,
        check=False,
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no issues" in output
    assert "WARNING" not in output


# --- logs ----------------------------------------------------------------------------

DISTINCT = {
    "note": "Zephyr-note-7731 about my sister",
    "situation": "Quokka-situation-4410 at the clinic",
    "edited": "Marmalade-edit-9902 later that day",
    "reflection": "Tamarind-reflection-5518 for Tuesday",
    "imported": "Obsidian-import-2267 from my old phone",
    "guide_query": "Halcyon-search-6604",
    "history_query": "Juniper-history-3309",
}


def test_journal_text_search_words_and_tokens_never_reach_the_logs(
    fixed_clock, owner_client, caplog
):
    token = secrets.token_urlsafe(32)
    entry_uuid = "7e57ab1e-0000-4000-8000-000000000001"
    document = {
        "format": FORMAT_NAME,
        "version": 1,
        "entries": [
            {
                "uuid": "7e57ab1e-0000-4000-8000-000000000002",
                "practiced_on": "2026-11-19",
                "skill": "communication",
                "note": DISTINCT["imported"],
            }
        ],
    }

    with caplog.at_level(logging.DEBUG):
        owner_client.post(
            "/journal/entries/new/",
            {
                "uuid": entry_uuid,
                "skill": "communication",
                "note": DISTINCT["note"],
                "situation": DISTINCT["situation"],
                "practiced_on": "2026-11-21",
            },
        )
        entry = Entry.objects.get(uuid=entry_uuid)
        owner_client.post(
            f"/journal/entries/{entry.pk}/edit/",
            {
                "skill": "communication",
                "note": DISTINCT["edited"],
                "practiced_on": "2026-11-21",
            },
        )
        owner_client.post(
            "/journal/week/2026-11-16/reflection/",
            {
                "what_helped": DISTINCT["reflection"],
                "what_was_hard": "",
                "for_next_session": "",
            },
        )
        owner_client.post(
            "/accounts/import/",
            {"file": SimpleUploadedFile("export.json", json.dumps(document).encode())},
        )
        missing_share = Client().get(f"/share/{token}/?from={DISTINCT['guide_query']}")
        owner_client.get("/guide/search/", {"q": DISTINCT["guide_query"]})
        owner_client.get("/journal/entries/", {"q": DISTINCT["history_query"]})
        owner_client.get(
            "/journal/entries/999999/edit/", {"q": DISTINCT["history_query"]}
        )

    messages = "\n".join(record.getMessage() for record in caplog.records)
    everything = messages + "\n" + caplog.text
    assert missing_share.status_code == 404
    assert DISTINCT["imported"] in [entry.note for entry in Entry.objects.all()]
    assert DISTINCT["reflection"] in [
        r.what_helped for r in WeeklyReflection.objects.all()
    ]
    assert f"Entry {entry.pk} saved for user" in messages  # the logs were captured
    assert "Not Found" in messages
    for text in [*DISTINCT.values(), token]:
        assert text not in everything


# --- the admin -----------------------------------------------------------------------


@pytest.mark.parametrize("model", [Entry, WeeklyReflection, ShareLink])
def test_private_records_are_not_in_the_admin(model):
    assert model not in admin.site._registry
