"""Counting attempts in the shared cache, so every web process sees the same count."""

from django.core.cache import cache


def is_rate_limited(scope: str, key: str, limit: int, window_seconds: int) -> bool:
    """Count an attempt for (scope, key): True once over ``limit`` in the window."""
    cache_key = f"rate:{scope}:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        attempts = cache.incr(cache_key)
    except ValueError:  # the key expired between add() and incr()
        cache.set(cache_key, 1, timeout=window_seconds)
        attempts = 1
    return attempts > limit
