"""The crisis lines on a page, for the person's country: ``{% load crisis_lines %}``.

Templates pass ``crisis_country`` (safety/context_processors.py puts it in every
page drawn with a request; views that draw without one, such as the PDFs, pass it
themselves). Missing, it is "" and the US lines show with the directory.
"""

import re

from django import template
from django.utils.safestring import mark_safe

from accounts.countries import country_choices, country_name
from safety import phrases
from safety.crisis_lines import COUNTRIES, DIRECTORY_URL, shown_for

register = template.Library()

# Where a guide page names the crisis lines: a paragraph's words, "{crisis-lines}".
GUIDE_MARK = re.compile(r"\{crisis-lines\}")


def _lines_context(code: str, id_prefix: str) -> dict:
    shown = shown_for(code)
    return {
        "shown": shown,
        "country_name": country_name(shown.code),
        "emergency_numbers": phrases.emergency_numbers(shown),
        "directory_url": DIRECTORY_URL,
        "id_prefix": id_prefix,
    }


@register.inclusion_tag("safety/includes/country_lines.html", takes_context=True)
def crisis_lines(context, id_prefix="help"):
    """The cards of the page's country: each line, the emergency number, the
    directory."""
    return _lines_context(context.get("crisis_country") or "", id_prefix)


@register.inclusion_tag("safety/includes/every_country_lines.html")
def every_country_lines():
    """Every country's cards, hidden, for the offline page to show the one last
    seen online (core/js/site/crisis-lines.js); the unknown country's first."""
    return {
        "countries": [
            {
                "code": code,
                "footer_link": phrases.footer_link(shown_for(code)),
                "footer_note": phrases.footer_note(shown_for(code)),
                **_lines_context(code, f"offline-{code.lower() or 'default'}"),
            }
            for code in ("", *COUNTRIES)
        ]
    }


@register.simple_tag
def crisis_footer_link(code):
    return phrases.footer_link(shown_for(code))


@register.simple_tag
def crisis_footer_note(code):
    return phrases.footer_note(shown_for(code))


@register.simple_tag
def crisis_pdf_note(code):
    return phrases.pdf_note(shown_for(code))


@register.simple_tag
def crisis_plan_lines(code):
    return phrases.plan_lines(shown_for(code))


@register.simple_tag
def country_options():
    """(code, name) of every country, sorted in the active language."""
    return country_choices()


@register.filter
def with_crisis_lines(body_html, code):
    """A guide page's HTML with its {crisis-lines} mark replaced by the lines of
    the reader's country. The page's HTML was cleaned when it was saved; the
    sentence is escaped as it is made."""
    if not GUIDE_MARK.search(body_html):
        return mark_safe(body_html)  # noqa: S308 - cleaned by guide.markup on save
    sentence = phrases.guide_sentence(shown_for(code))
    return mark_safe(GUIDE_MARK.sub(lambda _mark: sentence, body_html))  # noqa: S308
