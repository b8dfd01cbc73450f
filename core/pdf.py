"""PDFs made with WeasyPrint when the system has Pango: the journal's week and
session summaries, the safety plan. Whatever text a PDF holds, it may load our
static files and nothing else."""

import posixpath
from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation


@cache
def missing_reason() -> str | None:
    """None when PDFs can be made; otherwise what is missing, in a few words."""
    try:
        import weasyprint  # noqa: F401 - importing loads Pango through cffi
    except ImportError:
        return "the WeasyPrint package is not installed"
    except OSError:
        return "the Pango text library is not installed on the server"
    return None


class RefusedURL(ValueError):
    """The PDF asked for something that is not one of our own static files."""


def static_files_only(url: str) -> dict:
    """What the PDF may load: the project's own static files, nothing else.

    Journal text ends up in the PDF's HTML; whatever it says, the renderer must never
    read a file of the server (file:///etc/passwd) or call another host. The HTML's
    base is ``file:///``, so "/static/css/pdf.css" arrives here as
    file:///static/css/pdf.css and is looked up among our static files, never on
    the file system by that path.
    """
    parts = urlsplit(url)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    path = posixpath.normpath(parts.path)
    if parts.scheme != "file" or parts.netloc or not path.startswith(prefix):
        raise RefusedURL(url)
    try:
        found = finders.find(path.removeprefix(prefix))
    except SuspiciousFileOperation:
        found = None
    if not found:
        raise RefusedURL(url)
    with open(found, "rb") as file:
        return {"string": file.read(), "filename": found}


def _fetcher():
    """A WeasyPrint URL fetcher that answers only through static_files_only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesOnly(URLFetcher):
        def fetch(self, url, headers=None):
            found = static_files_only(url)
            return URLFetcherResponse(url, found["string"])

    return StaticFilesOnly()


def html_to_pdf(html: str, extra_stylesheets: tuple[str, ...] = ()) -> bytes:
    """PDF bytes of our HTML; it may load our static files and nothing else.

    ``extra_stylesheets`` names static files read after css/pdf.css (a page size).
    """
    import weasyprint

    fetcher = _fetcher()
    stylesheets = [
        weasyprint.CSS(filename=finders.find(name), url_fetcher=fetcher)
        for name in ("css/pdf.css", *extra_stylesheets)
    ]
    document = weasyprint.HTML(string=html, base_url="file:///", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=stylesheets)
