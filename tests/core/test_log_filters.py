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
