"""Error reports leave with nothing a person wrote or holds (core/error_reports.py)."""

import json
import sys
import types

import pytest
from django.core.exceptions import ImproperlyConfigured

from core import error_reports

NOTE = "I wanted to disappear after the call with my mother"
TOKEN = "tOkEnThAtOpEnSaNoTeBoOk"
SEARCH = "mother"


def an_event() -> dict:
    """An event shaped as sentry-sdk's Django integration sends one."""
    return {
        "level": "error",
        "transaction": "/journal/entries/<int:pk>/edit/",
        "request": {
            "method": "POST",
            "url": f"https://journal.example.org/share/{TOKEN}/?q={SEARCH}",
            "query_string": f"q={SEARCH}",
            "data": {"note": NOTE, "csrfmiddlewaretoken": "csrf-secret"},
            "cookies": {"sessionid": "session-secret", "csrftoken": "csrf-secret"},
            "headers": {
                "Host": "journal.example.org",
                "User-Agent": "Firefox",
                "Cookie": "sessionid=session-secret",
                "Referer": f"https://journal.example.org/share/{TOKEN}/",
                "Authorization": "Basic c2VjcmV0",
                "X-Csrftoken": "csrf-secret",
            },
            "env": {"REMOTE_ADDR": "203.0.113.9"},
        },
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "value": (
                        "duplicate key value violates unique constraint\n"
                        f"DETAIL: Failing row contains ({NOTE})."
                    ),
                    "stacktrace": {
                        "frames": [
                            {
                                "function": "save_entry",
                                "context_line": "entry.save()",
                                "vars": {"note": NOTE, "token": TOKEN},
                            }
                        ]
                    },
                }
            ]
        },
        "logentry": {
            "message": f"Share link viewed /share/{TOKEN}/",
            "params": [NOTE],
        },
        "breadcrumbs": {
            "values": [
                {
                    "category": "query",
                    "message": "SELECT … WHERE note = %s",
                    "data": {"params": [NOTE]},
                },
                {
                    "category": "django.request",
                    "message": f"GET /accounts/reset/MQ/{TOKEN}/",
                    "level": "info",
                    "data": {"note": NOTE},
                },
            ]
        },
        "extra": {"note": NOTE},
        "user": {"id": 42, "username": "sam", "email": "sam@example.org"},
        "contexts": {
            "runtime": {"name": "CPython"},
            "response": {"body": NOTE},
        },
        "tags": {"url": f"/share/{TOKEN}/"},
    }


def test_nothing_a_person_wrote_or_holds_leaves_in_a_report():
    sent = json.dumps(error_reports.scrub_event(an_event()))

    for secret in (NOTE, TOKEN, "session-secret", "csrf-secret", "c2VjcmV0"):
        assert secret not in sent
    assert SEARCH not in sent
    assert "sam@example.org" not in sent and "203.0.113.9" not in sent


def test_a_report_still_says_what_went_wrong_and_where():
    event = error_reports.scrub_event(an_event())

    (exception,) = event["exception"]["values"]
    assert exception["type"] == "IntegrityError"
    assert exception["value"] == "duplicate key value violates unique constraint"
    assert exception["stacktrace"]["frames"][0]["context_line"] == "entry.save()"
    assert event["request"]["url"] == "https://journal.example.org/share/[redacted]/"
    assert event["request"]["headers"] == {
        "Host": "journal.example.org",
        "User-Agent": "Firefox",
    }
    assert event["user"] == {"id": 42}
    assert event["transaction"] == "/journal/entries/<int:pk>/edit/"


def test_sql_breadcrumbs_are_dropped_and_others_lose_their_data():
    crumbs = error_reports.scrub_event(an_event())["breadcrumbs"]["values"]

    assert crumbs == [
        {
            "category": "django.request",
            "level": "info",
            "message": "GET /accounts/reset/[redacted]/",
        }
    ]


@pytest.fixture
def fake_sentry(monkeypatch):
    calls = []
    module = types.ModuleType("sentry_sdk")
    module.init = lambda **options: calls.append(options)
    monkeypatch.setitem(sys.modules, "sentry_sdk", module)
    return calls


def test_reports_start_with_the_scrubbers_and_nothing_personal(fake_sentry):
    error_reports.start("https://key@errors.example.org/1", "production")

    (options,) = fake_sentry
    assert options["dsn"] == "https://key@errors.example.org/1"
    assert options["environment"] == "production"
    assert options["before_send"] is error_reports.scrub_event
    assert options["before_breadcrumb"] is error_reports.scrub_breadcrumb
    assert options["send_default_pii"] is False
    assert options["include_local_variables"] is False
    assert options["max_request_body_size"] == "never"


def test_a_dsn_without_sentry_sdk_installed_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentry_sdk", None)

    with pytest.raises(ImproperlyConfigured, match=r"between-sessions\[sentry\]"):
        error_reports.start("https://key@errors.example.org/1")
