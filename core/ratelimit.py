"""Counting attempts in the shared cache, so every web process sees the same count.

While the cache is unreachable nothing can be counted (core/cache.py answers as if
the count were missing), so no one is limited: sign-ups and reset e-mails go on
working rather than refusing everyone. The log-in pauses that guard passwords live
in the database and hold throughout (accounts/lockout.py).
"""

from django.core.cache import cache


def is_rate_limited(scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count an attempt for (scope, key): True once over ``limit`` in the window."""
    cache_key = f"rate:{scope}:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        attempts = cache.incr(cache_key)
    except ValueError:  # the key expired between add() and incr(), or the cache is down
        cache.set(cache_key, 1, timeout=window_seconds)
        attempts = 1
    return attempts > limit
