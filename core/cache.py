"""Django's Redis cache, keeping one client per connection pool, and working on
without Redis.

Django's backend makes a new ``redis.Redis`` for every call, and each one builds
its table of about 170 reply handlers: a page with three fragments paid for that
three times. A client is safe to share between threads (each command borrows a
connection from the pool), so one per pool is kept and used again.

Nothing kept in the cache is the only copy of anything: sessions are in the
database too, page fragments are drawn again, a share view's "seen" mark is asked
of the database. So while Redis is down (stopped, nothing listening, or a host that
never answers: see the timeouts in config/env.py) a failing read is a miss and a
failing write is skipped, and pages are slower but never an error. After a failed
trip the process leaves Redis alone for RETRY_AFTER_SECONDS, so a hung host costs
one timeout every few seconds rather than one per trip. The outage is
logged once a minute per process, not once per request. A key whose deletion failed
(an ended session) is deleted before anything else on the process's first trip that
works, so a Redis that kept its data does not bring that session back to it.
"""

import logging
import threading
import time

from django.core.cache.backends import redis as django_redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

CACHE_DOWN_ERRORS = (RedisConnectionError, RedisTimeoutError)
LOG_EVERY_SECONDS = 60
# After a failed trip, the process leaves Redis alone this long: a host that never
# answers would otherwise cost half a second on every trip of every page.
RETRY_AFTER_SECONDS = 5
# Keys whose deletion is retried once Redis answers again; beyond this many, the
# oldest are forgotten (their sessions expire on their own).
PENDING_DELETES_LIMIT = 10_000


class OutageLog:
    """Says the cache is unreachable, at most once every LOG_EVERY_SECONDS."""

    def __init__(self):
        self._lock = threading.Lock()
        self._next_at = 0.0

    def report(self, error: Exception) -> None:
        now = time.time()
        with self._lock:
            if now < self._next_at:
                return
            self._next_at = now + LOG_EVERY_SECONDS
        logger.error(
            "The cache is unreachable (%s): pages are drawn without it and rate "
            "limits are not counted until it answers",
            type(error).__name__,
        )


# One for the whole process: Django makes a cache object per thread.
OUTAGES = OutageLog()


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
        self._pending_deletes: dict[str, None] = {}
        self._pending_lock = threading.Lock()
        self._resting_until = 0.0

    def answers(self) -> bool:
        """Whether Redis answers now (for /readyz; every other call hides an outage)."""
        try:
            return bool(self._cache.get_client().ping())
        except CACHE_DOWN_ERRORS:
            return False

    def _delete_pending(self) -> None:
        """Before anything else, delete what could not be deleted while Redis was
        down (raises if it still is, and the keys stay pending)."""
        if not self._pending_deletes:
            return
        with self._pending_lock:
            keys, self._pending_deletes = list(self._pending_deletes), {}
        try:
            self._cache.delete_many(keys)
        except CACHE_DOWN_ERRORS:
            self._remember_deletes(keys)
            raise

    def _remember_deletes(self, keys) -> None:
        with self._pending_lock:
            for key in keys:
                self._pending_deletes[key] = None
            while len(self._pending_deletes) > PENDING_DELETES_LIMIT:
                del self._pending_deletes[next(iter(self._pending_deletes))]

    def _trip(self, method, fallback, *args, **kwargs):
        """Django's ``method``; while Redis is down, ``fallback()`` instead."""
        if time.monotonic() < self._resting_until:
            return fallback()
        try:
            self._delete_pending()
            return getattr(super(), method)(*args, **kwargs)
        except CACHE_DOWN_ERRORS as error:
            self._resting_until = time.monotonic() + RETRY_AFTER_SECONDS
            OUTAGES.report(error)
            return fallback()

    def get(self, key, default=None, version=None):
        return self._trip("get", lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._trip("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._trip("has_key", lambda: False, key, version)

    def set(self, key, value, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        self._trip("set", lambda: None, key, value, timeout, version)

    def set_many(self, data, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        return self._trip("set_many", lambda: list(data), data, timeout, version)

    def add(self, key, value, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        return self._trip("add", lambda: False, key, value, timeout, version)

    def touch(self, key, timeout=django_redis.DEFAULT_TIMEOUT, version=None):
        return self._trip("touch", lambda: False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        # An unreachable key is a missing one: incr() on a missing key raises
        # ValueError, and callers already know what to do then (core/ratelimit.py).
        def missing():
            raise ValueError(f"Key '{key}' not found (the cache is down)")

        return self._trip("incr", missing, key, delta, version)

    def delete(self, key, version=None):
        def later():
            self._remember_deletes([self.make_and_validate_key(key, version=version)])
            return False

        return self._trip("delete", later, key, version)

    def delete_many(self, keys, version=None):
        keys = list(keys)

        def later():
            self._remember_deletes(
                [self.make_and_validate_key(key, version=version) for key in keys]
            )

        self._trip("delete_many", later, keys, version)

    def clear(self):
        # Nothing pending is worth deleting after everything is.
        self._pending_deletes = {}
        return self._trip("clear", lambda: False)
