"""Today's line of the diary card, drawn in Python: "Today’s card: 2 of 5 rows"
and the way to the check-in.

Today draws it on every visit of everyone with a card; as an included template
(a plural sentence, a URL, a condition) it cost about 0.1 ms in-process. The
words are the same translated ones, and the line holds two figures, never a
row's name. Through journal/html.py's ``html()``, like every piece drawn in
Python.
"""

from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_noop, ngettext

from journal.addresses import fixed_url
from journal.card.today import TodaysCard
from journal.html import _ as translated
from journal.html import html


def render_today_line(card: TodaysCard) -> SafeString:
    """How far along the day's card is, one tap from the check-in."""
    language = translation.get_language()
    heading = ngettext(
        "Today’s card: %(rated)s of %(counter)s row",
        "Today’s card: %(rated)s of %(counter)s rows",
        card.total,
    ) % {"rated": card.rated, "counter": card.total}
    if card.rated:
        action = translated(gettext_noop("Open today’s check-in"), language)
    else:
        action = translated(gettext_noop("Check in for today"), language)
    return html(
        '\n<section class="today-card mt-3" aria-labelledby="today-card-heading">\n'
        '  <h2 id="today-card-heading" class="h5 mb-1">{}</h2>\n'
        '  <a class="btn btn-outline-primary" href="{}">{}</a>\n</section>\n',
        heading,
        fixed_url("journal:check-in"),
        action,
    )
