"""The settings module refuses an unsafe production start with a one-line reason."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def import_settings(**env):
    """Import the settings in a fresh process with only these DJANGO_ variables."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings"],
        cwd=ROOT,
        env=environment,
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


def test_debug_off_starts_with_a_real_key_and_hosts():
    result = import_settings(
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY="s" * 50, DJANGO_ALLOWED_HOSTS="example.org"
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


def run_deploy_check(**env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    environment.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-long-random-deploy-check-key-" + "0123456789abcdef" * 3,
        DJANGO_ALLOWED_HOSTS="example.org",
        **env,
    )
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
    env = {"DJANGO_CACHE_URL": cache_url} if cache_url else {}

    result = run_deploy_check(**env)

    assert result.returncode == 0, result.stderr + result.stdout
