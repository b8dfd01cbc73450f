"""Which keys a request asks the shared cache for, alone or together."""

import contextlib
from dataclasses import dataclass, field
from unittest import mock

from django.core.cache import caches


@dataclass
class Trips:
    alone: list = field(default_factory=list)  # keys read with get()
    together: list = field(default_factory=list)  # key lists read with get_many()


@contextlib.contextmanager
def cache_trips():
    """Record the default cache's reads while the block runs; they still happen."""
    cache = caches["default"]  # the backend itself, not the per-thread proxy
    real_get, real_get_many = cache.get, cache.get_many
    trips = Trips()

    def get(key, *args, **kwargs):
        trips.alone.append(key)
        return real_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        trips.together.append(list(keys))
        # The local-memory cache of the tests reads each key with get().
        with mock.patch.object(cache, "get", real_get):
            return real_get_many(keys, *args, **kwargs)

    with (
        mock.patch.object(cache, "get", get),
        mock.patch.object(cache, "get_many", get_many),
    ):
        yield trips
