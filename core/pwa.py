"""The installable app: its manifest, its service worker, and the offline page."""

import hashlib

from django.templatetags.static import static
from django.utils.translation import gettext as _

# Everything the offline page needs, fetched once the first page has loaded.
PRECACHE_STATIC = [
    "bootstrap/css/bootstrap.min.css",
    "bootstrap/js/bootstrap.bundle.min.js",
    "css/site.css",
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
        "description": _("Practise your therapy skills between sessions."),
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
