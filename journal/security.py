"""Request-level protections: client address, headers, rate limits, a calm 503."""

import ipaddress
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)


def client_ip(request) -> str:
    """The address of the person, not of our proxy.

    X-Forwarded-For is trusted only with DJANGO_TRUST_PROXY=1: otherwise anyone could
    send a false one, and behind a proxy without it every client would share the
    proxy's address, so one person's failed log-ins could lock everyone out. The
    right-most address is the one our own proxy added.
    """
    if settings.TRUST_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses and _is_ip_address(addresses[-1]):
            return addresses[-1]
    return request.META.get("REMOTE_ADDR", "")


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def database_unavailable_response() -> HttpResponse:
    # Rendered without the request: its context would ask the database for the user.
    return HttpResponse(loader.render_to_string("503.html"), status=503)


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer with a calm 503, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN_ERRORS):
            logger.error("Database unavailable: %s", type(exception).__name__)
            return database_unavailable_response()
        return None


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
