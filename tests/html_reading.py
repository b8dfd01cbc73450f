"""Reading HTML as a person does: the text of each part, links, buttons, fields.

Tests that check what a card says use this instead of comparing markup, so they
keep passing when the markup changes and fail when what a person reads does.
"""

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

VOID = {"br", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""


class Page(HTMLParser):
    """Every element with its attributes and its text (hidden text included: a
    screen reader reads it), in the order the elements close."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        if tag in VOID:
            self.elements.append(element)
            if tag == "br":
                self.handle_data("\n")
        else:
            self._open.append(element)

    def handle_endtag(self, tag):
        while self._open:
            element = self._open.pop()
            self.elements.append(element)
            if element.tag == tag:
                break

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def all(self, tag=None, *, css=None, **attrs) -> list[Element]:
        """The elements of a tag and/or CSS class, with these attribute values."""
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag)
            and (css is None or css in element.attrs.get("class", "").split())
            and all(element.attrs.get(name) == value for name, value in attrs.items())
        ]

    def text(self, tag=None, *, css=None, **attrs) -> str:
        """The text of the one element that matches, spaces made single."""
        (element,) = self.all(tag, css=css, **attrs)
        return said(element.text)


def read(html) -> Page:
    page = Page()
    page.feed(str(html))
    page.close()
    return page


def said(text: str) -> str:
    """Text as read aloud: runs of spaces and line breaks are one space."""
    return re.sub(r"\s+", " ", text).strip()


# One skill's mark on a day of the week's diary card, and the words a screen reader
# hears for it ("Communication skills: 2 entries").
CARD_MARK = re.compile(
    r'class="skill-mark skill-([a-z-]+)".*?'
    r'<span class="visually-hidden">([^<]+?): (\d+) entr',
    re.S,
)
CARD_DAY = re.compile(r'<span class="visually-hidden">([^<]+)</span>')


def diary_card_days(html) -> list[tuple[str, list[tuple[str, str, int]]]]:
    """The week's diary card a day at a time: (the day as heard, e.g. "Monday 1
    January", and [(skill slug, skill name, count)] for each skill marked)."""
    days = []
    for row in str(html).split('<li class="week-day')[1:]:
        row = row.split("</dl>")[0]
        marks = [
            (slug, unescape(skill), int(count))
            for slug, skill, count in CARD_MARK.findall(row)
        ]
        days.append((unescape(CARD_DAY.search(row).group(1)), marks))
    return days
