"""/healthz and /readyz answer a platform's probe: any Host header, plain HTTP,
no redirect, while every other page still refuses a host it does not serve."""

import pytest
from django.conf import settings as django_settings

pytestmark = pytest.mark.django_db

PRODUCTION_LIKE = {
    "ALLOWED_HOSTS": ["journal.example.org"],
    "SECURE_SSL_REDIRECT": True,
    "DEBUG": False,
}


@pytest.fixture
def production_like(settings):
    for name, value in PRODUCTION_LIKE.items():
        setattr(settings, name, value)
    return settings


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
@pytest.mark.parametrize("host", ["10.89.0.7:8000", "127.0.0.1:8000", "web"])
def test_a_probe_by_address_over_plain_http_is_answered(
    client, production_like, path, host
):
    response = client.get(path, HTTP_HOST=host)

    assert response.status_code == 200
    assert "Location" not in response


def test_healthz_answers_ok_whatever_the_host(client, production_like):
    response = client.get("/healthz", HTTP_HOST="10.89.0.7:8000")

    assert response.content == b"ok"
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_lists_each_dependency_whatever_the_host(client, production_like):
    response = client.get("/readyz", HTTP_HOST="10.89.0.7:8000")

    assert response.content.decode().splitlines() == [
        "database: ok",
        "cache: ok",
        "migrations: ok",
    ]


def test_a_page_for_an_unknown_host_is_still_refused(client, production_like):
    response = client.get("/privacy/", HTTP_HOST="10.89.0.7:8000", secure=True)

    assert response.status_code == 400


def test_a_page_over_plain_http_is_still_redirected(client, production_like):
    response = client.get("/privacy/", HTTP_HOST="journal.example.org")

    assert response.status_code == 301
    assert response["Location"] == "https://journal.example.org/privacy/"


def test_a_probe_still_refuses_writes(client, production_like):
    response = client.post("/healthz", HTTP_HOST="10.89.0.7:8000")

    assert response.status_code == 405


def test_a_probe_answer_carries_the_security_headers(client, production_like):
    response = client.get("/healthz", HTTP_HOST="10.89.0.7:8000")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_probes_are_answered_before_anything_reads_the_host():
    middleware = django_settings.MIDDLEWARE
    probes = middleware.index("core.probes.HealthProbeMiddleware")

    # The HTTPS redirect (exempting the probes) comes first; CommonMiddleware, which
    # refuses unknown hosts, and the session and user middleware come after.
    assert middleware.index("django.middleware.security.SecurityMiddleware") < probes
    for later in (
        "django.middleware.common.CommonMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
    ):
        assert probes < middleware.index(later)
