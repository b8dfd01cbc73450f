"""The built-in named skills on /journal/skills/, drawn in Python.

Twenty-one items, each with its description, caution and links, were most of the
page as a template. They are our own words and a count, the same for everyone with
that count: each item is made once per process, language and count (the person's
own skills stay in the template). Every value goes through journal/cards.py's
``html()``.
"""

import functools

from django.template.defaultfilters import urlencode
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from journal.html import EMPTY, html, html_join
from journal.skills.catalogue import Technique


@functools.lru_cache(maxsize=2048)
def _item(
    key, family, name, description, caution, uses, new_entry_url, history_url, language
) -> SafeString:
    # ``language`` only keys the memo: the words are the active language's.
    check_first = EMPTY
    if caution:
        check_first = html(
            '\n        <p class="named-skill-caution small mb-1"><strong>{}</strong> '
            "{}</p>",
            gettext("Check first:"),
            caution,
        )
    entries = EMPTY
    if uses:
        entries = html(
            ' · <a href="{}?technique={}">{}'
            '<span class="visually-hidden"> ({})</span></a>',
            history_url,
            urlencode(key),
            ngettext(
                "See the %(counter)s entry that names it",
                "See the %(counter)s entries that name it",
                uses,
            )
            % {"counter": uses},
            name,
        )
    return html(
        '\n      <li class="named-skill">'
        '\n        <p class="fw-semibold mb-1">{}</p>'
        '\n        <p class="mb-1">{}</p>{}'
        '\n        <p class="small mb-0"><a href="{}?skill={}&amp;technique={}">{}'
        '<span class="visually-hidden"> ({})</span></a>{}</p>'
        "\n      </li>",
        name,
        description,
        check_first,
        new_entry_url,
        urlencode(family),
        urlencode(key),
        gettext("Log it"),
        name,
        entries,
    )


def render_built_in(
    techniques: list[Technique], new_entry_url: str, history_url: str
) -> SafeString:
    language = translation.get_language()
    return html_join(
        _item(
            t.key,
            t.family,
            t.name,
            t.description,
            t.caution,
            t.uses,
            new_entry_url,
            history_url,
            language,
        )
        for t in techniques
    )
