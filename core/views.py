"""Pages not about one person's journal: landing, privacy, health, errors,
and the security contact."""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.http.request import split_domain_port
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.views import csrf
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core import pwa, readiness
from core.context_processors import account_mark
from core.middleware import DATABASE_DOWN_ERRORS, database_unavailable_response
from core.security_txt import security_txt as security_txt_text
from core.skills import all_skills
from core.uploads import upload_too_large

logger = logging.getLogger(__name__)


@require_safe
@pwa.kept_offline
def home(request):
    if request.user.is_authenticated:
        return redirect("journal:today")
    return render(request, "core/home.html", {"skills": all_skills()})


@require_safe
@pwa.kept_offline
def privacy(request):
    return render(request, "core/privacy.html")


@require_safe
def security_txt(request):
    text = security_txt_text(
        settings.SECURITY_CONTACT,
        settings.SECURITY_TXT_EXPIRES,
        _canonical_url(request),
    )
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


def _canonical_url(request) -> str:
    """This file's address, when the host asked for is one named in ALLOWED_HOSTS.

    A host matched only by a pattern ("*", ".example.org") is whatever the client
    sent, so it is not claimed as the canonical home of the file.
    """
    domain, _port = split_domain_port(request.get_host())
    if domain not in (host.lower() for host in settings.ALLOWED_HOSTS):
        return ""
    return request.build_absolute_uri(request.path)


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.warning("Health check: the database did not answer")
        return HttpResponse(
            "database unavailable", status=503, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_safe
def readyz(request):
    """Readiness: each dependency on its own line, 503 while any one is down.

    For the image's HEALTHCHECK and a load balancer; /healthz stays the liveness
    check (the database alone), so a cache outage never gets a process restarted.
    """
    states = readiness.check()
    status = 200 if all(state == readiness.OK for state in states.values()) else 503
    if status == 503:
        logger.warning("Readiness check: %s", readiness.as_text(states).strip())
    return HttpResponse(
        readiness.as_text(states), status=status, content_type="text/plain"
    )


@never_cache
@require_safe
def csrf_token(request):
    """A fresh CSRF token for scripts (the cookie itself stays HttpOnly), and the
    live session's account mark: the offline queue's owner comes only from here or
    from a page no device keeps, never from a page kept offline."""
    user = request.user
    account = account_mark(user) if user.is_authenticated else ""
    return JsonResponse({"token": get_token(request), "account": account})


@require_safe
def manifest(request):
    response = JsonResponse(pwa.manifest(), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@never_cache
@require_safe
def service_worker(request):
    """The worker at the site root, so its scope is the whole site."""
    urls = pwa.precache_urls()
    context = {
        "precache": urls,
        "version": pwa.worker_version(urls),
        "offline_url": reverse("core:offline"),
        "icon_url": static("img/icons/icon-192.png"),
        "keep_header": pwa.KEEP_HEADER,
        "keep_value": pwa.KEEP_VALUE,
    }
    response = render(
        request, "core/sw.js", context, content_type="application/javascript"
    )
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
@pwa.kept_offline
def offline(request):
    """What the app shows with no connection: log now, send later. No journal text."""
    # Kept for everyone on the device, so it names no account: the queue uses the one
    # the server last confirmed for the live session (cleared on log-out).
    return render(request, "core/offline.html", {"skills": all_skills()})


def csrf_failure(request, reason=""):
    """Django's CSRF refusal, unless the real problem was an upload that was too big.

    An upload refused while it arrived (core/uploads.py) is never read, so its CSRF
    token is never read either: say what went wrong instead of "verification
    failed". Nothing was changed either way.
    """
    if upload_too_large(request):
        context = {"back_url": request.path}
        return render(request, "core/upload_too_large.html", context, status=413)
    return csrf.csrf_failure(request, reason=reason)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # Django calls this while handling the exception, so it can still be seen here.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN_ERRORS):
        return database_unavailable_response(request)
    # Rendered without the request: its context processors would ask the database
    # for the user, and the database may be what failed.
    return HttpResponseServerError(loader.render_to_string("500.html"))
