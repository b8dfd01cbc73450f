"""What works for me, written in Python: on progress and a session's summary.

Named with the person's own words, so never kept; as a template its three lists
of the same items cost progress a tenth of its time. Every piece is made by
journal.html.html(), which escapes every value (a named skill's name is the
person's own): tests/journal/test_card_escaping.py checks it.
"""

from __future__ import annotations

from itertools import chain
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import translation
from django.utils.safestring import SafeString

from journal.html import _, html

if TYPE_CHECKING:
    from journal.skills.reports import NamedDrop, WhatWorksReport


# Each list in one html() call, its line repeated once per item: a call an item
# was three calls per named skill, and a person may rank two dozen.
SENTENCE = "<li>{}</li>"
BAR = '<rect x="0" y="{}" height="6" width="{}" class="what-works-bar"></rect>'
TABLE_LINE = '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>'


def _sentences(items: list[NamedDrop], language: str) -> SafeString:
    return html(SENTENCE * len(items), *[item.sentence_in(language) for item in items])


def _ranked(works: WhatWorksReport, language: str) -> SafeString:
    items = works.ranked
    return html(
        '\n  <ol class="what-works-list">\n    {}\n  </ol>\n'
        '  <figure class="what-works-chart mb-2" aria-hidden="true">\n'
        '    <svg viewBox="0 0 100 {}" preserveAspectRatio="none" '
        'class="what-works-bars" focusable="false">\n      {}\n    </svg>\n'
        "  </figure>\n"
        '  <table class="table table-sm what-works-table">\n'
        '    <caption class="visually-hidden">{}</caption>\n'
        '    <thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
        '<th scope="col">{}</th></tr></thead>\n'
        "    <tbody>\n      {}\n    </tbody>\n  </table>\n  ",
        _sentences(items, language),
        works.chart_height,
        html(
            BAR * len(items),
            *chain.from_iterable((item.y, item.percent) for item in items),
        ),
        _("Typical change in distress for each named skill", language),
        _("Named skill", language),
        _("Typical change", language),
        _("Rated practices", language),
        html(
            TABLE_LINE * len(items),
            *chain.from_iterable(
                (item.name, item.change_in(language), item.drop.count) for item in items
            ),
        ),
    )


def _short_list(heading: str, items: list[NamedDrop], language: str) -> SafeString:
    return html(
        '\n  <h3 class="h6">{}</h3>\n  <ul class="small">\n    {}\n  </ul>\n  ',
        heading,
        _sentences(items, language),
    )


def render_what_works(works: WhatWorksReport) -> SafeString:
    """The whole section, from its heading to the link to the named skills."""
    language = translation.get_language()
    if works.is_empty:
        body = html(
            "\n  <p>{}</p>\n  ",
            _(
                "Nothing to show yet. When you log, rate your distress before and "
                "after and name the skill you used; after five rated practices of "
                "one named skill, it shows here.",
                language,
            ),
        )
    else:
        empty = html("")
        body = html(
            "\n  {}\n  {}\n  {}\n  ",
            _ranked(works, language) if works.ranked else empty,
            _short_list(
                _("Not enough ratings yet", language), works.not_enough, language
            )
            if works.not_enough
            else empty,
            _short_list(_("By skill", language), works.families, language)
            if works.families
            else empty,
        )
    return html(
        '<section aria-labelledby="what-works-heading" class="mb-4 what-works">\n'
        '  <h2 id="what-works-heading" class="h4">{}</h2>\n'
        "  <p>{}</p>\n  {}\n"
        '  <p class="small"><a href="{}">{}</a></p>\n</section>',
        _("What works for me", language),
        _(
            "From your own distress ratings, before and after each practice. This "
            "is your own record, not a measure of what works for everyone, and not "
            "a promise for next time.",
            language,
        ),
        body,
        reverse("journal:skills"),
        _("Your named skills", language),
    )
