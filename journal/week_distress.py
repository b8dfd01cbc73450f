"""The week page's "Distress before and after", written in Python.

As a template (journal/includes/week_distress.html, which the share page still
includes) a week with five skills cost more than half a millisecond: a dozen
translated sentences and number filters per skill card. Every piece is made by
journal.html.html(), which escapes every value; the figures are numbers and the
skills' names are the built-in ones, and tests/journal/test_week_distress.py checks
the HTML is the template's, in both languages.
"""

import functools

from django.template.defaultfilters import floatformat
from django.utils import formats, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from journal.html import EMPTY, html, html_join, sentence


def _overall(overall) -> SafeString:
    return sentence(
        ngettext(
            "In the one entry with both ratings, your distress went from "
            "%(before)s before practicing to %(after)s after.",
            "Across %(counter)s entries with both ratings, your distress went from "
            "%(before)s before practicing to %(after)s after, on average.",
            overall.paired,
        ),
        counter=overall.paired,
        before=overall.average_before,
        after=overall.average_after,
    )


@functools.lru_cache(maxsize=1024)
def _skill_card(name: str, figures, language: str) -> SafeString:
    """One skill's figures as a card: a built-in skill's name and four numbers,
    drawn once per process (``language`` only keys the memo; the words are
    translated in the active one)."""
    drop = EMPTY
    if figures.average_drop > 0:
        drop = html(
            "<div><dt>{}</dt><dd>{}</dd></div>",
            gettext("Lower by"),
            floatformat(figures.average_drop, 1),
        )
    return html(
        '\n  <li class="distress-card">\n    <p class="distress-card-skill">{}</p>\n'
        '    <dl class="distress-figures">\n'
        "      <div><dt>{}</dt><dd>{}</dd></div>\n"
        "      <div><dt>{}</dt><dd>{}</dd></div>\n"
        "      {}\n    </dl>\n"
        '    <p class="distress-card-count">{}</p>\n  </li>\n  ',
        name,
        gettext("Before"),
        formats.localize(figures.average_before),
        gettext("After"),
        formats.localize(figures.average_after),
        drop,
        sentence(
            ngettext(
                "%(counter)s entry with both ratings",
                "%(counter)s entries with both ratings",
                figures.paired,
            ),
            counter=figures.paired,
        ),
    )


def render_week_distress(report) -> SafeString:
    """What journal/includes/week_distress.html draws for the person (not shared)."""
    helped = EMPTY
    if report.most_helpful_skill_name:
        helped = html(
            "\n<p>{}</p>\n",
            sentence(
                gettext(
                    "What lowered your distress most this week: "
                    "<strong>%(skill)s</strong>."
                ),
                skill=report.most_helpful_skill_name,
            ),
        )
    by_skill = report.distress_by_skill
    language = translation.get_language()
    cards = EMPTY
    if len(by_skill) > 1:
        cards = html(
            '\n<p class="distress-cards-intro">{}</p>\n'
            '<ul class="distress-cards list-unstyled">\n  {}\n</ul>\n',
            gettext("Average distress (0–10) by skill, for entries with both ratings:"),
            html_join(
                _skill_card(str(name), figures, language) for name, figures in by_skill
            ),
        )
    return html(
        "\n\n\n<p>{}</p>\n\n{}\n{}\n",
        _overall(report.distress.overall),
        helped,
        cards,
    )
