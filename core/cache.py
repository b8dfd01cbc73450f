"""Django's Redis cache, keeping one client per connection pool.

Django's backend makes a new ``redis.Redis`` for every call, and each one builds
its table of about 170 reply handlers: a page with three fragments paid for that
three times. A client is safe to share between threads (each command borrows a
connection from the pool), so one per pool is kept and used again.
"""

from django.core.cache.backends import redis as django_redis


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
