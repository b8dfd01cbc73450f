"""The installable app: its manifest, its service worker, and the offline page."""

import hashlib
from functools import wraps

from django.templatetags.static import static
from django.utils.translation import gettext as _

# The server, not the worker, decides what a device may keep for offline reading: the
# worker keeps a page only if its answer carries this header. A path test in the
# worker could be fooled (/%6Aournal/ is /journal/ to Django), and Cache-Control
# cannot be the signal: a signed-in person's guide page is no-store too.
KEEP_HEADER = "X-Offline-Keep"
KEEP_VALUE = "public"

# Everything the offline page needs, fetched once the first page has loaded.
PRECACHE_STATIC = [
    "bootstrap/css/bootstrap.min.css",
    "bootstrap/js/bootstrap.bundle.min.js",
    "css/site.css",
    "css/print.css",
    "js/theme.js",
    "js/site.js",
    "img/favicon.svg",
    "img/icons/icon-192.png",
]


def manifest() -> dict:
    """The web app manifest, in the active language."""
    return {
        "id": "/journal/",
        "name": _("Between Sessions"),
        "short_name": _("Between"),
        "description": _("Practice your therapy skills between sessions."),
        "start_url": "/journal/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#1f6f78",
        "icons": [
            {
                "src": static("img/icons/icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
            },
            {
                "src": static("img/icons/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
            },
            {
                "src": static("img/icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


def precache_urls() -> list[str]:
    return [static(path) for path in PRECACHE_STATIC]


def worker_version(urls: list[str]) -> str:
    """Changes whenever a precached file does (hashed names in production)."""
    return hashlib.sha256("\n".join(urls).encode()).hexdigest()[:12]


def kept_offline(view):
    """Mark a public page the service worker may keep: the same for everyone.

    Such a page never carries who is signed in (see is_kept_offline), so a page kept
    on a shared device tells the next person nothing about the last one.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            response[KEEP_HEADER] = KEEP_VALUE
        return response

    wrapped.is_kept_offline = True
    return wrapped


def is_kept_offline(request) -> bool:
    """Whether the page answering this request may be kept on the device."""
    match = getattr(request, "resolver_match", None)
    return bool(match and getattr(match.func, "is_kept_offline", False))
