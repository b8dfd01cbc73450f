"""Rate limits hold across web processes: their counts live in Redis or the database.

Each test counts through one cache client and checks through a second, separate one
(another connection, as another gunicorn worker would have), for both shared
backends the settings offer.
"""

import os
import uuid

import pytest
from django.core.cache import caches
from django.test import override_settings

from config.env import cache_from_url
from core.ratelimit import is_rate_limited

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.django_db

SHARED_CACHES = {
    # As DJANGO_CACHE_URL configures it (core/cache.py).
    "redis": cache_from_url(REDIS_URL),
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "django_cache",
    },
}


@pytest.fixture(params=sorted(SHARED_CACHES))
def shared_cache(request, settings):
    config = {**SHARED_CACHES[request.param], "KEY_PREFIX": uuid.uuid4().hex}
    settings.CACHES = {"default": config}
    if request.param == "database":
        from django.core.management import call_command

        call_command("createcachetable", verbosity=0)
    yield config
    caches["default"].clear()


def second_process_cache():
    """A separate client on the same store, as another web process would have."""
    from django.core.cache import caches as handler

    return handler.create_connection("default")


def test_a_redis_server_is_there_for_these_tests():
    import redis

    assert redis.Redis.from_url(REDIS_URL).ping(), (
        f"Redis must answer at {REDIS_URL} (set TEST_REDIS_URL)"
    )


def test_attempts_counted_in_one_process_are_seen_by_another(shared_cache):
    for _ in range(3):
        is_rate_limited("signup", "192.0.2.1", limit=10, window_seconds=3600)

    other = second_process_cache()

    assert other.get("rate:signup:192.0.2.1") == 3


def test_the_limit_holds_when_attempts_alternate_between_processes(shared_cache):
    other = second_process_cache()
    other.add("rate:signup:192.0.2.2", 0, timeout=3600)
    for _ in range(5):
        other.incr("rate:signup:192.0.2.2")

    over_limit = is_rate_limited("signup", "192.0.2.2", limit=5, window_seconds=3600)

    assert over_limit


def test_another_address_has_its_own_count(shared_cache):
    for _ in range(6):
        is_rate_limited("signup", "192.0.2.3", limit=5, window_seconds=3600)

    assert not is_rate_limited("signup", "192.0.2.4", limit=5, window_seconds=3600)


def test_one_redis_client_serves_many_calls_and_threads():
    """core/cache.py keeps one client per pool; threads share it safely."""
    from concurrent.futures import ThreadPoolExecutor

    from django.core.cache import caches as handler

    config = {**cache_from_url(REDIS_URL), "KEY_PREFIX": uuid.uuid4().hex}
    with override_settings(CACHES={"default": config}):
        cache = handler.create_connection("default")
        try:
            assert cache._cache.get_client() is cache._cache.get_client(write=True)

            def round_trip(n):
                cache.set(f"n{n}", n * n)
                return cache.get(f"n{n}")

            with ThreadPoolExecutor(8) as pool:
                assert list(pool.map(round_trip, range(200))) == [
                    n * n for n in range(200)
                ]
        finally:
            cache.clear()
