"""The one way the journal draws HTML in Python: ``html()`` and ``html_join()``,
which escape every value they are given, and the words and dates such pieces
repeat, translated and formatted once per language.

The entry card (journal/cards.py), the diary card's pieces (journal/card/), the
share page's weeks and the other pieces drawn in Python all go through here: no
other code marks text safe, and no value reaches their HTML another way. Each has
a test that puts markup in every field a person writes and finds it escaped.
"""

import datetime
import functools
import re
import string
from html import escape

from django.utils import formats, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext


def html(template: str, *values) -> SafeString:
    """``template`` (our own markup, never a value) with each ``{}`` filled by a
    value, escaped; a value already safe (made by ``html()``) is kept as it is."""
    pieces = _pieces(template)
    if len(values) < len(pieces) - 1:
        raise IndexError(
            f"{template!r} has {len(pieces) - 1} places, not {len(values)}"
        )
    # A number (a bool is not one: "True") is written as it is, nothing to escape.
    escaped = [
        value
        if isinstance(value, SafeString)
        else (str(value) if type(value) in (int, float) else escape(str(value)))
        for value in values[: len(pieces) - 1]
    ]
    # The template's text and the values, one after the other: str.format() read
    # the template afresh, character by character, on every call (a page of cards
    # spent a tenth of its time there).
    parts = [*pieces, *escaped]
    parts[::2], parts[1::2] = pieces, escaped
    # The one place this module marks text safe. mark_safe() itself would do the
    # same, but its lazy-text wrapper doubled the cost of a card (a dozen calls each).
    return SafeString("".join(parts))


@functools.lru_cache(maxsize=1024)
def _pieces(template: str) -> tuple[str, ...]:
    """The template's own text before, between and after its ``{}`` ("{{" and
    "}}" are a brace), read once per template."""
    pieces, text = [], ""
    for literal, field, spec, conversion in string.Formatter().parse(template):
        text += literal
        if field is None:  # the end, or a doubled brace: the text goes on
            continue
        if field or spec or conversion:
            raise ValueError(f"html() fills only {{}}, not {{{field}}}: {template!r}")
        pieces.append(text)
        text = ""
    return (*pieces, text)


def html_join(parts) -> SafeString:
    """The parts one after the other, each escaped unless made by ``html()``."""
    parts = parts if isinstance(parts, list) else list(parts)
    # Most joins are of pieces html() made: one look at their types (in C), not
    # a generator's step per piece (a shared page joins three thousand a visit).
    if set(map(type, parts)) <= {SafeString}:
        return SafeString("".join(parts))
    return SafeString(
        "".join(
            part if isinstance(part, SafeString) else escape(str(part))
            for part in parts
        )
    )


EMPTY = html("")
NEWLINE = html("\n")


@functools.lru_cache(maxsize=512)
def _translated(message: str, language: str) -> str:
    # ``language`` only keys the memo: gettext reads the active language.
    return gettext(message)


def _(message: str, language: str | None = None) -> str:
    """gettext, remembered: a page of cards asks for the same words 25 times."""
    return _translated(message, language or translation.get_language())


@functools.lru_cache(maxsize=64)
def _word(message: str, language: str) -> SafeString:
    """A fixed word of the card, translated and escaped once per language. Callers
    mark the word with gettext_noop, so makemessages finds it."""
    return html("{}", _(message, language))


@functools.lru_cache(maxsize=4096)
def _date(value: datetime.date, fmt: str, language: str) -> str:
    # ``language`` only keys the memo: the active language formats the words.
    return formats.date_format(value, fmt)


def local_date(value: datetime.date, fmt: str, language: str | None = None) -> str:
    """``value|date:fmt`` with the format already translated, remembered."""
    return _date(value, fmt, language or translation.get_language())


def _lines(text) -> SafeString:
    """``text|linebreaksbr`` (escaped, then each line break a <br>), without the
    filter's lazy-text wrappers: a page of cards calls it dozens of times."""
    lines = str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Each line escaped by html_join(), a <br> (ours) between two.
    parts = [BREAK] * (2 * len(lines) - 1)
    parts[::2] = lines
    return html_join(parts)


BREAK = html("<br>")


VALUE = re.compile(r"%\((\w+)\)s")


def sentence(message: str, **values) -> SafeString:
    """A translated message of ours (it may hold markup, as {% blocktranslate %}
    allows) with each value localised, as a template shows it, and escaped."""
    template = message.replace("{", "{{").replace("}", "}}")
    names = VALUE.findall(template)
    return html(
        VALUE.sub("{}", template), *(formats.localize(values[n]) for n in names)
    )
