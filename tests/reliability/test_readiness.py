"""/readyz names each dependency and answers 503 while any one is down."""

import uuid
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from config.env import cache_from_url
from tests.reliability.outages import RedisProcess

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_redis(settings, tmp_path):
    redis = RedisProcess(tmp_path)
    redis.start()
    settings.CACHES = {
        **settings.CACHES,
        "default": {**cache_from_url(redis.url), "KEY_PREFIX": uuid.uuid4().hex},
    }
    yield redis
    redis.stop()


def test_ready_when_database_cache_and_migrations_are(client, own_redis):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.content.decode() == ("database: ok\ncache: ok\nmigrations: ok\n")


def test_not_ready_while_the_cache_is_stopped(client, own_redis):
    own_redis.stop()

    response = client.get("/readyz")

    assert response.status_code == 503
    assert "cache: unavailable" in response.content.decode()
    assert "database: ok" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_not_ready_while_a_migration_is_not_applied(client):
    call_command("migrate", "reminders", "zero", verbosity=0)
    try:
        response = client.get("/readyz")
    finally:
        call_command("migrate", "reminders", verbosity=0)

    assert response.status_code == 503
    assert "not applied" in response.content.decode()


def test_not_ready_while_the_database_is_unreachable(client):
    with mock.patch.object(
        BaseDatabaseWrapper,
        "ensure_connection",
        side_effect=OperationalError("could not connect to server"),
    ):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert "database: unavailable" in response.content.decode()
    assert "migrations: unknown" in response.content.decode()


def test_plain_http_readiness_probes_are_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    response = client.get("/readyz")

    assert response.status_code == 200


def test_readiness_refuses_a_post(client):
    assert client.post("/readyz").status_code == 405
