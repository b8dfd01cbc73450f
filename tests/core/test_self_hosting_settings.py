"""What an operator sets for a self-hosted site: .env.example's placeholders are
refused, the erased-accounts list is checked, PgBouncer's setting, JSON log lines."""

import datetime
import json
import subprocess
import sys
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

from tests.core.test_settings_guard import (
    PRODUCTION_DATABASE,
    PRODUCTION_KEY,
    ROOT,
    clean_environment,
    import_settings,
    run_deploy_check,
    settings_value,
)
from tests.security.test_access_log import load_gunicorn_config

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "s" * 50,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DJANGO_FIELD_ENCRYPTION_KEYS": PRODUCTION_KEY,
    "DATABASE_URL": PRODUCTION_DATABASE,
}


def env_example() -> dict[str, str]:
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, value = line.partition("=")
            values[name.strip()] = value.strip()
    return values


def placeholders() -> dict[str, str]:
    """What a copied .env.example with nothing filled in gives the app; compose.yaml
    builds DATABASE_URL from POSTGRES_PASSWORD."""
    values = env_example()
    password = values["POSTGRES_PASSWORD"]
    return {
        "DJANGO_SECRET_KEY": values["DJANGO_SECRET_KEY"],
        "DJANGO_FIELD_ENCRYPTION_KEYS": values["DJANGO_FIELD_ENCRYPTION_KEYS"],
        "DATABASE_URL": f"postgres://between_sessions:{password}@db:5432/bs",
    }


@pytest.mark.parametrize(
    "name", ["DJANGO_SECRET_KEY", "DJANGO_FIELD_ENCRYPTION_KEYS", "DATABASE_URL"]
)
def test_the_env_example_placeholders_are_refused(name):
    result = import_settings(**{**PRODUCTION, name: placeholders()[name]})

    assert result.returncode != 0
    assert f"{name} still holds the placeholder from .env.example" in result.stderr


def test_the_env_example_marks_each_value_to_fill_in():
    values = env_example()

    assert "fill-in-" in values["DJANGO_SECRET_KEY"]
    assert "fill-in-" in values["DJANGO_FIELD_ENCRYPTION_KEYS"]
    assert "fill-in-" in values["POSTGRES_PASSWORD"]


def readme_variables() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    names = set()
    for row in table.splitlines():
        if row.startswith("| `"):
            first_cell = row.split("|")[1]
            names |= {part.strip(" `") for part in first_cell.split(",")}
    return names


def test_the_env_example_names_every_variable_of_the_readme_table():
    text = (ROOT / ".env.example").read_text()

    missing = [name for name in readme_variables() if f"{name}=" not in text]

    assert readme_variables()
    assert not missing


def test_deploy_check_warns_without_an_erased_accounts_list():
    result = run_deploy_check(DJANGO_ERASED_ACCOUNTS_FILE=None)

    assert result.returncode != 0
    assert "core.W002" in result.stderr + result.stdout


def test_deploy_check_warns_when_the_erased_accounts_list_cannot_be_written():
    result = run_deploy_check(
        DJANGO_ERASED_ACCOUNTS_FILE="/proc/no-such-folder/erased-accounts.jsonl"
    )

    assert result.returncode != 0
    assert "core.W003" in result.stderr + result.stdout


@pytest.mark.parametrize(("value", "expected"), [(None, "False"), ("1", "True")])
def test_server_side_cursors_can_be_turned_off_for_pgbouncer(value, expected):
    env = {**PRODUCTION}
    if value is not None:
        env["DJANGO_DISABLE_SERVER_SIDE_CURSORS"] = value

    shown = settings_value("DATABASES", **env)

    assert f"'DISABLE_SERVER_SIDE_CURSORS': {expected}" in shown


def log_through_django(**env) -> subprocess.CompletedProcess:
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('journal').warning("
        "'Opened /share/tOkEn123/ from /journal/entries/?q=mother')"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean_environment(
            DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings", **env
        ),
        capture_output=True,
        text=True,
        check=False,
    )


def test_json_log_lines_are_one_object_each_with_the_same_redaction():
    result = log_through_django(DJANGO_LOG_FORMAT="json")

    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    fields = json.loads(line)
    assert fields["level"] == "WARNING"
    assert fields["logger"] == "journal"
    assert (
        fields["message"]
        == "Opened /share/[redacted]/ from /journal/entries/?[redacted]"
    )
    assert datetime.datetime.fromisoformat(fields["time"].replace("Z", "+00:00"))


def test_text_log_lines_stay_the_default():
    result = log_through_django()

    assert result.stderr.strip() == (
        "Opened /share/[redacted]/ from /journal/entries/?[redacted]"
    )


def test_an_unknown_log_format_is_refused():
    result = import_settings(DJANGO_DEBUG="1", DJANGO_LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "DJANGO_LOG_FORMAT must be one of text, json" in result.stderr


def test_no_error_reporting_library_is_loaded_without_a_dsn():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, django; django.setup(); print('sentry_sdk' in sys.modules)",
        ],
        cwd=ROOT,
        env=clean_environment(
            DJANGO_DEBUG="1", DJANGO_SETTINGS_MODULE="config.settings"
        ),
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stdout.strip() == "False"


def test_the_access_log_is_one_json_object_a_request(monkeypatch, capsys):
    monkeypatch.setenv("DJANGO_LOG_FORMAT", "json")
    settings = load_gunicorn_config()
    config = Config()
    config.set("accesslog", "-")
    logger = settings.logger_class(config)
    path, query = "/share/tOkEn123/", "q=mother"
    request = SimpleNamespace(
        method="GET",
        path=path,
        query=query,
        uri=f"{path}?{query}",
        version=(1, 1),
        headers=[],
    )
    response = SimpleNamespace(status="200 OK", sent=5, headers=[], response_length=5)
    environ = {
        "REMOTE_ADDR": "192.0.2.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"{path}?{query}",
        "QUERY_STRING": query,
        "PATH_INFO": path,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }

    logger.access(response, request, environ, datetime.timedelta(seconds=0.01))

    line = capsys.readouterr().out.strip().splitlines()[-1]
    fields = json.loads(line)
    assert fields["path"] == "/share/[redacted]/"
    assert fields["status"] == "200"
    assert "mother" not in line and "tOkEn123" not in line
