"""The week as a PDF; the PDF engine itself (and its one-origin fetcher) is core's."""

from django.template.loader import render_to_string

from core.pdf import (  # noqa: F401 - the journal's views and tests use these names
    RefusedURL,
    html_to_pdf,
    missing_reason,
    static_files_only,
)


def render_week_pdf(context: dict) -> bytes:
    """Render the week's summary to PDF bytes, with its CSS read from static files."""
    return html_to_pdf(render_to_string("journal/week_pdf.html", context))
