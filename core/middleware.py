"""Site-wide request handling: headers, private pages, sessions, a calm 503."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers

from core.network import drop_untrusted_forwarded_headers
from core.pwa import KEEP_HEADER

logger = logging.getLogger(__name__)

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()"
# No other site may load our responses into its own page (a journal PDF as an
# <img>/<embed>, a JSON answer through a side channel): they are for this origin.
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)
PRIVATE_PREFIXES = ("/journal/", "/accounts/", "/share/")


class ForwardedHeadersMiddleware:
    """Forwarded headers count only when our own proxy sent the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        drop_untrusted_forwarded_headers(request)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault(
            "Cross-Origin-Resource-Policy", CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


def answers_without_database(template_name: str):
    """Mark a view whose page can still be drawn, from a template alone, while the
    database is down: the help page, whose crisis lines must never be out of reach.
    """

    def mark(view):
        view.template_without_database = template_name
        return view

    return mark


def _template_without_database(request) -> str:
    if request is None:
        return "503.html"
    try:
        # Resolved again: the failure may have come before the URL was resolved
        # (a middleware asking for the signed-in person).
        match = resolve(request.path_info)
    except Resolver404:
        return "503.html"
    return getattr(match.func, "template_without_database", "503.html")


def database_unavailable_response(request=None) -> HttpResponse:
    # Rendered without the request: its context would ask the database for the user.
    template_name = _template_without_database(request)
    html = loader.render_to_string(template_name, {"database_is_down": True})
    return HttpResponse(html, status=503)


class DatabaseUnavailableMiddleware:
    """While the database cannot be reached, answer with a calm 503, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_DOWN_ERRORS):
            logger.error("Database unavailable: %s", type(exception).__name__)
            return database_unavailable_response(request)
        return None


class NoStoreForPrivatePagesMiddleware:
    """Journal and account pages are never stored by the browser or a proxy.

    After logging out, the Back button must not bring a page of someone's notes back
    from the cache on a shared phone or computer. Nor may the service worker keep
    one: a private address never carries the header that lets it (a second guard
    behind the views that set it; request.path is already percent-decoded).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        is_signed_in = user is not None and user.is_authenticated
        is_private_path = request.path.startswith(PRIVATE_PREFIXES)
        if is_private_path and KEEP_HEADER in response:
            del response[KEEP_HEADER]
        if is_signed_in or is_private_path:
            add_never_cache_headers(response)
        return response
