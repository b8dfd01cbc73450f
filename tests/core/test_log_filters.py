"""Links that work for whoever holds them never reach a log line."""

import pytest

from core.log_filters import redact


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            '"GET /accounts/reset/MQ/cz8u3a-5f0b2c9e1d/ HTTP/1.1" 302',
            '"GET /accounts/reset/[redacted]/ HTTP/1.1" 302',
        ),
        (
            '"POST /accounts/reset/MQ/set-password/ HTTP/1.1" 302',
            '"POST /accounts/reset/[redacted]/ HTTP/1.1" 302',
        ),
        (
            '"POST /accounts/email/confirm/eyJ1c2VyIjoxfQ:1w:abc/ HTTP/1.1" 302',
            '"POST /accounts/email/confirm/[redacted]/ HTTP/1.1" 302',
        ),
        ("GET /share/abc123/ 200", "GET /share/[redacted]/ 200"),
        ("GET /journal/entries/?q=anger 200", "GET /journal/entries/?[redacted] 200"),
    ],
)
def test_secret_links_are_redacted(line, expected):
    assert redact(line) == expected


def test_ordinary_paths_stay_readable():
    assert redact("GET /journal/week/2026-11-16/ 200") == (
        "GET /journal/week/2026-11-16/ 200"
    )


def test_unsubscribe_links_are_redacted():
    line = '"POST /accounts/reminders/unsubscribe/eyJ1c2VyIjo3fQ:1v:sig/ HTTP/1.1" 200'

    assert redact(line) == (
        '"POST /accounts/reminders/unsubscribe/[redacted]/ HTTP/1.1" 200'
    )


SECRET = "tOkEnThAtOpEnSdOoRs"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        # A mangled link, a wrong method, a damaged token: Django logs each
        # refusal with its path.
        ("get", f"/accounts/reset/MQ/{SECRET}/mangled/"),
        ("post", f"/accounts/email/confirm/{SECRET}/"),
        ("put", f"/accounts/email/confirm/{SECRET}/?next={SECRET}"),
        ("post", f"/accounts/reminders/unsubscribe/{SECRET}/"),
        ("put", f"/accounts/reminders/unsubscribe/{SECRET}/"),
        ("get", f"/share/{SECRET}/"),
    ],
)
def test_no_log_line_holds_a_link_token(client, caplog, method, path):
    caplog.set_level("DEBUG")

    getattr(client, method)(path)

    assert caplog.records, "the request should have been logged"
    assert not [r for r in caplog.records if SECRET in r.getMessage()]
