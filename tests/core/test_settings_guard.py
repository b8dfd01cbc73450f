"""The settings module refuses an unsafe production start with a one-line reason."""

import datetime
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]


# A valid key for production starts (the development key is refused there); fixed,
# so every test worker collects the same test names.
PRODUCTION_KEY = "dGVzdC1vbmx5LXByb2R1Y3Rpb24ta2V5LTMyYnl0ZSE="
# Named, never reached: importing the settings and the checks opens no connection.
PRODUCTION_DATABASE = "postgres://app:secret@db.example.org:5432/between_sessions"


def clean_environment(**env) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(env)
    return environment


def import_settings(**env):
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env=clean_environment(**env),
        capture_output=True,
        text=True,
        check=False,
    )


def test_debug_off_refuses_the_development_secret_key():
    result = import_settings(DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="example.org")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_debug_off_refuses_empty_allowed_hosts():
    result = import_settings(DJANGO_DEBUG="0", DJANGO_SECRET_KEY="s" * 50)

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_debug_off_starts_with_a_real_key_hosts_and_database():
    result = import_settings(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="s" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=PRODUCTION_KEY,
        DATABASE_URL=PRODUCTION_DATABASE,
    )

    assert result.returncode == 0, result.stderr


def test_debug_off_without_a_database_url_refuses_and_says_what_to_set():
    result = import_settings(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="s" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=PRODUCTION_KEY,
    )

    assert result.returncode != 0
    assert "DJANGO_DEBUG=0 needs DATABASE_URL" in result.stderr


def test_debug_off_accepts_a_sqlite_file_named_explicitly():
    result = import_settings(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="s" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=PRODUCTION_KEY,
        DATABASE_URL="sqlite:////srv/between-sessions/db.sqlite3",
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value", ["maybe", "2", "enabled"])
def test_unclear_boolean_is_refused(value):
    result = import_settings(DJANGO_DEBUG=value)

    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


def test_starting_without_django_debug_fails_and_says_what_to_set():
    result = import_settings()

    assert result.returncode != 0
    assert "Set DJANGO_DEBUG: DJANGO_DEBUG=1 for development" in result.stderr


def test_development_mode_starts_when_asked_for():
    result = import_settings(DJANGO_DEBUG="1")

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value", ["memcached://x", "redis", "db"])
def test_an_unknown_cache_url_is_refused(value):
    result = import_settings(DJANGO_DEBUG="1", DJANGO_CACHE_URL=value)

    assert result.returncode != 0
    assert "DJANGO_CACHE_URL" in result.stderr


@pytest.mark.parametrize("value", ["10.0.0.300", "proxy.example.org", "10.0.0.0/33"])
def test_a_trusted_proxy_that_is_not_an_address_is_refused(value):
    result = import_settings(DJANGO_DEBUG="1", DJANGO_TRUSTED_PROXIES=value)

    assert result.returncode != 0
    assert "DJANGO_TRUSTED_PROXIES" in result.stderr


REAL_CONFIGURATION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_FIELD_ENCRYPTION_KEYS": PRODUCTION_KEY,
    "DJANGO_SECRET_KEY": "a-long-random-deploy-check-key-" + "0123456789abcdef" * 3,
    "DJANGO_ALLOWED_HOSTS": "example.org",
    "DATABASE_URL": PRODUCTION_DATABASE,
    "DJANGO_CACHE_URL": "redis://127.0.0.1:6379/0",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "DJANGO_EMAIL_HOST": "smtp.example.org",
    # Beside the backups in a real deployment; any writable place for the check.
    "DJANGO_ERASED_ACCOUNTS_FILE": str(
        Path(tempfile.gettempdir()) / "between-sessions-erased-accounts.jsonl"
    ),
}


def run_deploy_check(**env):
    """``check --deploy`` on the real configuration, with ``env`` changed (None
    removes a variable)."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(REAL_CONFIGURATION)
    environment.update(env)
    environment = {
        key: value for key, value in environment.items() if value is not None
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_warns_when_the_cache_is_process_memory():
    result = run_deploy_check(DJANGO_CACHE_URL="locmem://")

    assert result.returncode != 0
    assert "core.W001" in result.stderr + result.stdout


@pytest.mark.parametrize("cache_url", ["redis://127.0.0.1:6379/0", "db://", None])
def test_deploy_check_is_clean_with_a_shared_cache(cache_url):
    result = run_deploy_check(DJANGO_CACHE_URL=cache_url)

    assert result.returncode == 0, result.stderr + result.stdout


def test_deploy_check_is_clean_with_a_real_configuration():
    result = run_deploy_check()

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "backend", [None, "django.core.mail.backends.console.EmailBackend"]
)
def test_deploy_check_fails_on_the_console_mail_backend(backend):
    result = run_deploy_check(DJANGO_EMAIL_BACKEND=backend)

    assert result.returncode != 0
    assert "core.E001" in result.stderr + result.stdout


def test_deploy_check_accepts_an_explicit_choice_of_no_mail():
    result = run_deploy_check(DJANGO_EMAIL_BACKEND="none")

    assert result.returncode == 0, result.stderr + result.stdout


def test_deploy_check_fails_without_a_database_url():
    result = run_deploy_check(DATABASE_URL=None)

    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_no_mail_backend_sends_nothing():
    backend = settings_value("EMAIL_BACKEND", DJANGO_EMAIL_BACKEND="none")

    assert backend == "django.core.mail.backends.dummy.EmailBackend"


def test_mail_timeout_is_five_seconds_unless_told():
    assert settings_value("EMAIL_TIMEOUT") == "5"
    assert settings_value("EMAIL_TIMEOUT", DJANGO_EMAIL_TIMEOUT="2") == "2"


def settings_value(name, **env) -> str:
    return subprocess.run(
        [sys.executable, "-c", f"import config.settings as s; print(s.{name})"],
        cwd=ROOT,
        env=clean_environment(**{"DJANGO_DEBUG": "1", **env}),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_security_txt_expires_a_year_after_start_up_by_default():
    before = datetime.datetime.now(datetime.UTC).date()

    expires = settings_value("SECURITY_TXT_EXPIRES")

    after = datetime.datetime.now(datetime.UTC).date()
    a_year = datetime.timedelta(days=365)
    assert datetime.date.fromisoformat(expires) in (before + a_year, after + a_year)


def test_security_txt_expiry_is_read_from_the_environment():
    expires = settings_value(
        "SECURITY_TXT_EXPIRES", DJANGO_SECURITY_TXT_EXPIRES="2027-06-30"
    )

    assert expires == "2027-06-30"


def test_security_contact_is_read_from_the_environment():
    contact = settings_value(
        "SECURITY_CONTACT", DJANGO_SECURITY_CONTACT="https://example.org/report"
    )

    assert contact == "https://example.org/report"


@pytest.mark.parametrize("value", ["next year", "2027-13-01", "30/06/2027"])
def test_unclear_security_txt_expiry_is_refused(value):
    result = import_settings(DJANGO_DEBUG="1", DJANGO_SECURITY_TXT_EXPIRES=value)

    assert result.returncode != 0
    assert "DJANGO_SECURITY_TXT_EXPIRES" in result.stderr


def production(**env):
    return import_settings(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="s" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        **env,
    )


def test_debug_off_refuses_to_start_without_encryption_keys():
    result = production()

    assert result.returncode != 0
    assert "DJANGO_DEBUG=0 needs DJANGO_FIELD_ENCRYPTION_KEYS" in result.stderr


def test_debug_off_refuses_the_development_encryption_key():
    from config.settings import DEV_FIELD_ENCRYPTION_KEY

    result = production(DJANGO_FIELD_ENCRYPTION_KEYS=DEV_FIELD_ENCRYPTION_KEY)

    assert result.returncode != 0
    assert "holds the development key" in result.stderr


@pytest.mark.parametrize("keys", ["not-a-key", f"{PRODUCTION_KEY},short", "é" * 44])
def test_an_encryption_key_that_is_not_a_fernet_key_is_refused(keys):
    result = production(DJANGO_FIELD_ENCRYPTION_KEYS=keys)

    assert result.returncode != 0
    assert "must be comma-separated Fernet keys" in result.stderr


def test_several_encryption_keys_start_newest_first():
    newer = Fernet.generate_key().decode()

    keys = settings_value(
        "FIELD_ENCRYPTION_KEYS",
        DATABASE_URL=PRODUCTION_DATABASE,
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="s" * 50,
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=f"{newer},{PRODUCTION_KEY}",
    )

    assert keys == str([newer, PRODUCTION_KEY])
