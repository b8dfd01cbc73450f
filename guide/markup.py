"""Guide pages as text: source files, Markdown rendering, contents, reading time.

Pure functions with no database and no clock, so they are tested on their own. The
HTML produced here is stored on the page and shown with |safe, which is why rendering
always ends in an explicit allow-list sanitiser: an admin typo or a pasted snippet
must never put a script on a page that people in distress read.
"""

import hashlib
import html
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from xml.etree import ElementTree

import markdown
import nh3
from markdown.extensions import Extension
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from core.forms import SEARCH_MAX_LENGTH

HEADER_KEYS = ("title", "summary", "kind", "skill", "order")
REQUIRED_HEADER_KEYS = ("title", "summary", "kind", "order")
KINDS = ("article", "skill")
WORDS_PER_MINUTE = 200
CAPTION_PREFIX = "Table:"
# More words than this add nothing to a search over a handful of pages, only work.
SEARCH_MAX_WORDS = 12

ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
# Any value is fine for these; attributes with a fixed vocabulary are listed in
# ALLOWED_ATTRIBUTE_VALUES instead (nh3 refuses an attribute in both).
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "div": {"aria-label"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "h6": {"id"},
    "ol": {"start"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
ALLOWED_ATTRIBUTE_VALUES = {
    "div": {"role": {"region"}, "tabindex": {"0"}},
    "th": {"scope": {"col", "row"}},
}
ALLOWED_CLASSES = {"div": {"table-scroll"}}
# Relative links (other guide pages, /help/, #sections) are always allowed.
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


@dataclass(frozen=True)
class SourcePage:
    """One guide page as written in guide/content/<slug>.md."""

    title: str
    summary: str
    kind: str
    skill: str
    order: int
    body: str


@dataclass(frozen=True)
class Heading:
    """An entry in a page's table of contents."""

    id: str
    text: str


def parse_source(text: str, name: str = "source") -> SourcePage:
    """Split a source file into its header (between --- lines) and Markdown body.

    Raises ValueError naming the file and the problem when the header is malformed.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ValueError(
            f"{name}: the file must start with a line of three dashes (---)."
        )
    try:
        end = next(
            i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"
        )
    except StopIteration:
        raise ValueError(
            f"{name}: the header is never closed; add a line of three dashes (---) "
            "after it."
        ) from None

    header: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon:
            raise ValueError(
                f"{name}, line {number}: expected 'key: value', got {line!r}."
            )
        if key not in HEADER_KEYS:
            raise ValueError(
                f"{name}, line {number}: unknown header key {key!r} "
                f"(known keys: {', '.join(HEADER_KEYS)})."
            )
        if key in header:
            raise ValueError(f"{name}, line {number}: {key!r} is given twice.")
        header[key] = value.strip()

    for key in REQUIRED_HEADER_KEYS:
        if not header.get(key):
            raise ValueError(f"{name}: the header needs a non-empty {key!r}.")
    kind = header["kind"]
    if kind not in KINDS:
        raise ValueError(
            f"{name}: kind must be one of {', '.join(KINDS)}, not {kind!r}."
        )
    skill = header.get("skill", "")
    if kind == "skill" and not skill:
        raise ValueError(f"{name}: a skill page needs a 'skill' (the skill's slug).")
    if kind == "article" and skill:
        raise ValueError(f"{name}: an article must leave 'skill' empty.")
    try:
        order = int(header["order"])
    except ValueError:
        raise ValueError(
            f"{name}: order must be a whole number, not {header['order']!r}."
        ) from None

    body = "\n".join(lines[end + 1 :]).strip("\n") + "\n"
    return SourcePage(
        title=header["title"],
        summary=header["summary"],
        kind=kind,
        skill=skill,
        order=order,
        body=body,
    )


class _AccessibleTablesTreeprocessor(Treeprocessor):
    """Caption, scroll region and header scope for every Markdown table.

    A paragraph "Table: …" right before a table becomes its <caption>. Each table sits
    in a focusable, labelled region so a keyboard user on a phone can scroll it
    sideways.
    """

    def run(self, root: ElementTree.Element) -> None:
        for parent in list(root.iter()):
            children = list(parent)
            for index, table in enumerate(children):
                if table.tag != "table":
                    continue
                previous = children[index - 1] if index > 0 else None
                label = self._caption_from(parent, previous, table)
                for row in table.iter("tr"):
                    for cell in row.iter("th"):
                        cell.set("scope", "col")
                    # Markdown's alignment arrives as a style attribute, which the
                    # sanitiser removes anyway (no style= anywhere, for the CSP).
                    for cell in row:
                        cell.attrib.pop("style", None)
                if not label:
                    label = ", ".join(
                        " ".join("".join(cell.itertext()).split())
                        for cell in table.iter("th")
                    )
                wrapper = ElementTree.Element(
                    "div",
                    {
                        "class": "table-scroll",
                        "tabindex": "0",
                        "role": "region",
                        "aria-label": label,
                    },
                )
                wrapper.tail = table.tail
                table.tail = None
                position = list(parent).index(table)
                parent.remove(table)
                wrapper.append(table)
                parent.insert(position, wrapper)

    def _caption_from(self, parent, paragraph, table) -> str:
        if paragraph is None or paragraph.tag != "p":
            return ""
        if not (paragraph.text or "").lstrip().startswith(CAPTION_PREFIX):
            return ""
        label = html.unescape(strip_tags(render_inner_html(paragraph, self.md)))
        label = label[len(CAPTION_PREFIX) :].strip()
        caption = ElementTree.Element("caption")
        caption.text = paragraph.text.lstrip()[len(CAPTION_PREFIX) :].lstrip()
        caption.extend(list(paragraph))
        table.insert(0, caption)
        parent.remove(paragraph)
        return label


class _DemoteTitleHeadingsTreeprocessor(Treeprocessor):
    """The page template owns the one <h1>; a '# heading' in a body becomes an <h2>."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter("h1"):
            element.tag = "h2"


class _GuideExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Markdown's API name
        # Before "toc" (5) so demoted headings get ids; tables after it, before
        # "unescape" (0).
        md.treeprocessors.register(_DemoteTitleHeadingsTreeprocessor(md), "guide_h1", 6)
        md.treeprocessors.register(
            _AccessibleTablesTreeprocessor(md), "guide_tables", 4
        )


def render_markdown(text: str) -> str:
    """Markdown to sanitised HTML with heading ids and accessible tables."""
    rendered = markdown.markdown(
        text,
        extensions=["tables", "attr_list", "toc", "sane_lists", _GuideExtension()],
        output_format="html",
    )
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=ALLOWED_ATTRIBUTE_VALUES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


class _HeadingCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings: list[Heading] = []
        self._id: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self._id = dict(attrs).get("id") or None
            self._text = []

    def handle_endtag(self, tag):
        if tag == "h2" and self._id:
            self.headings.append(
                Heading(self._id, " ".join("".join(self._text).split()))
            )
            self._id = None

    def handle_data(self, data):
        if self._id:
            self._text.append(data)


def table_of_contents(body_html: str) -> tuple[Heading, ...]:
    """The second-level headings (with an id) of rendered HTML, in page order."""
    collector = _HeadingCollector()
    collector.feed(body_html)
    collector.close()
    return tuple(collector.headings)


class _TextCollector(HTMLParser):
    # Inline tags join their text to the neighbours' ("**bold**." is "bold."); any
    # other tag separates words.
    INLINE_TAGS = frozenset({"a", "abbr", "code", "del", "em", "strong", "sub", "sup"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.handle_starttag(tag, [])

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(body_html: str) -> str:
    """The words of rendered HTML, without tags or link addresses."""
    collector = _TextCollector()
    collector.feed(body_html)
    collector.close()
    return " ".join("".join(collector.parts).split())


def reading_minutes(text: str, words_per_minute: int = WORDS_PER_MINUTE) -> int:
    """Minutes to read the text at an unhurried pace, never less than one."""
    words = len(re.findall(r"\w+(?:['’]\w+)*", text))
    return max(1, math.ceil(words / words_per_minute))


def fields_hash(*values: str) -> str:
    """A fingerprint of some text fields, to notice later whether any changed."""
    # JSON keeps the boundaries: ("ab", "c") and ("a", "bc") differ.
    encoded = json.dumps(list(values), ensure_ascii=False).encode()
    return hashlib.sha256(encoded).hexdigest()


def clean_query(text: str, max_length: int = SEARCH_MAX_LENGTH) -> str:
    """A search query without control characters, single-spaced and cut to length."""
    # NUL and other control characters can only come from a hand-made URL, and
    # PostgreSQL refuses NUL outright; they become spaces instead of an error.
    text = "".join(
        " " if unicodedata.category(character) in ("Cc", "Cs") else character
        for character in text
    )
    return " ".join(text.split())[:max_length].strip()


_SUFFIXES = (
    "ations",
    "ation",
    "ings",
    "ing",
    "ions",
    "ion",
    "ies",
    "es",
    "ed",
    "s",
    "e",
)


def search_stems(query: str) -> tuple[str, ...]:
    """Rough word stems for substring search, so "regulate" finds "regulation"."""
    stems = []
    for word in re.findall(r"\w+", query.lower()):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        if word not in stems:
            stems.append(word)
    return tuple(stems[:SEARCH_MAX_WORDS])
