"""The gunicorn access log never carries search words or share tokens."""

import datetime
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

CONFIG_FILE = Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"


def load_gunicorn_config():
    spec = importlib.util.spec_from_file_location("gunicorn_settings", CONFIG_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def access_line(path: str, query: str) -> str:
    settings = load_gunicorn_config()
    config = Config()
    config.set("access_log_format", settings.access_log_format)
    logger = settings.logger_class(config)
    raw_uri = f"{path}?{query}" if query else path
    request = SimpleNamespace(
        method="GET", path=path, query=query, uri=raw_uri, version=(1, 1), headers=[]
    )
    response = SimpleNamespace(
        status="200 OK", sent=123, headers=[], response_length=123
    )
    environ = {
        "REMOTE_ADDR": "192.0.2.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": raw_uri,
        "QUERY_STRING": query,
        "HTTP_REFERER": f"https://example.org{raw_uri}",
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    atoms = logger.atoms(response, request, environ, datetime.timedelta(seconds=0.01))
    return settings.access_log_format % atoms


def test_gunicorn_config_uses_the_private_access_logger():
    settings = load_gunicorn_config()

    assert settings.logger_class.__name__ == "PrivateAccessLogger"
    assert "%(U)s" in settings.access_log_format
    assert "%(r)s" not in settings.access_log_format


def test_access_log_drops_search_words():
    line = access_line("/journal/entries/", "q=my+private+words")

    assert "/journal/entries/" in line
    assert "private" not in line


def test_access_log_hides_share_tokens():
    token = "SSsUMZWMx5lbPUd3bOiKJr-LukH5ELbuYu-aqi3ZDMM"

    line = access_line(f"/share/{token}/", "")

    assert token not in line
    assert "/share/[redacted]/" in line


@pytest.mark.parametrize(
    ("path", "token"),
    [
        ("/accounts/reset/MQ/cz8u3a-5f0b2c9e1d7a/", "cz8u3a-5f0b2c9e1d7a"),
        ("/accounts/reset/MQ/set-password/", "MQ"),
        ("/accounts/email/confirm/eyJ1c2VyIjoxfQ:1w:abcSecret/", "abcSecret"),
        (
            "/accounts/reminders/unsubscribe/eyJ1c2VyIjo3fQ:1v:unsubSecret/",
            "unsubSecret",
        ),
    ],
)
def test_access_log_hides_reset_confirm_and_unsubscribe_links(path, token):
    line = access_line(path, "")

    assert token not in line
    assert "[redacted]" in line
