"""The week as a PDF, made with WeasyPrint when the system has Pango."""

from functools import cache

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


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


def render_week_pdf(context: dict) -> bytes:
    """Render the week's summary to PDF bytes, with its CSS read from static files."""
    import weasyprint

    html = render_to_string("journal/week_pdf.html", context)
    stylesheet = weasyprint.CSS(filename=finders.find("css/pdf.css"))
    # No base URL and no fetching: everything the PDF needs is in the HTML and the CSS.
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[stylesheet])
