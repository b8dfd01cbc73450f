"""guide.markup is pure: these tests need no database."""

from pathlib import Path

import pytest

from core.skills import all_skills
from guide.markup import (
    Heading,
    clean_query,
    fields_hash,
    parse_source,
    plain_text,
    reading_minutes,
    render_markdown,
    search_stems,
    table_of_contents,
)

CONTENT_DIR = Path(__file__).resolve().parents[2] / "guide" / "content"

SOURCE = """---
title: Breathing slowly
summary: A short page about breathing.
kind: skill
skill: distress-tolerance
order: 3
---

## First {#first}

Breathe out longer than you breathe in.
"""

TABLE = """Some words first.

Table: Which approaches help

| Condition | Approach |
|---|---|
| Anxiety | CBT |
"""


def test_parse_source_reads_the_header_and_body():
    page = parse_source(SOURCE)

    assert page.title == "Breathing slowly"
    assert page.summary == "A short page about breathing."
    assert page.kind == "skill"
    assert page.skill == "distress-tolerance"
    assert page.order == 3
    assert page.body.startswith("## First {#first}")


def test_parse_source_accepts_an_article_with_an_empty_skill():
    text = SOURCE.replace("kind: skill", "kind: article").replace(
        "skill: distress-tolerance", "skill:"
    )

    page = parse_source(text)

    assert page.kind == "article"
    assert page.skill == ""


def test_parse_source_accepts_windows_line_endings_and_a_byte_order_mark():
    page = parse_source("\ufeff" + SOURCE.replace("\n", "\r\n"))

    assert page.title == "Breathing slowly"
    assert "\r" not in page.body


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: No dashes\n", "must start with a line of three dashes"),
        ("---\ntitle: Never closed\n", "never closed"),
        (SOURCE.replace("order: 3", "order 3"), "expected 'key: value'"),
        (SOURCE.replace("order: 3", "colour: blue"), "unknown header key 'colour'"),
        (
            SOURCE.replace("order: 3", "order: 3\ntitle: Again"),
            "'title' is given twice",
        ),
        (SOURCE.replace("title: Breathing slowly", "title:"), "non-empty 'title'"),
        (SOURCE.replace("order: 3", "order: first"), "order must be a whole number"),
        (SOURCE.replace("kind: skill", "kind: poem"), "kind must be one of"),
        (SOURCE.replace("skill: distress-tolerance", "skill:"), "needs a 'skill'"),
        (SOURCE.replace("kind: skill", "kind: article"), "must leave 'skill' empty"),
    ],
)
def test_parse_source_explains_a_malformed_header(text, message):
    with pytest.raises(ValueError, match="breathing.md") as raised:
        parse_source(text, name="breathing.md")

    assert message in str(raised.value)


def test_rendering_keeps_heading_ids_from_the_source():
    html = render_markdown("## What it is {#what-it-is}\n\nWords.\n")

    assert '<h2 id="what-it-is">What it is</h2>' in html


def test_rendering_gives_headings_without_an_id_one_from_their_text():
    html = render_markdown("## How to practice\n")

    assert '<h2 id="how-to-practice">How to practice</h2>' in html


def test_rendering_turns_a_top_level_heading_into_a_second_level_one():
    html = render_markdown("# Big title\n")

    assert "<h1" not in html
    assert '<h2 id="big-title">Big title</h2>' in html


def test_rendering_makes_the_table_paragraph_the_caption():
    html = render_markdown(TABLE)

    assert "<caption>Which approaches help</caption>" in html
    assert "Table:" not in html


def test_rendering_wraps_each_table_in_a_focusable_labelled_scroll_region():
    html = render_markdown(TABLE)

    assert (
        '<div aria-label="Which approaches help" class="table-scroll" role="region" '
        'tabindex="0"><table>' in html
    )
    assert html.count("table-scroll") == 1


def test_rendering_marks_header_cells_as_column_headers():
    html = render_markdown(TABLE)

    assert '<th scope="col">Condition</th>' in html
    assert '<th scope="col">Approach</th>' in html


def test_rendering_labels_a_table_without_caption_by_its_column_headers():
    html = render_markdown(TABLE.replace("Table: Which approaches help\n", ""))

    assert 'aria-label="Condition, Approach"' in html
    assert "<caption>" not in html


def test_rendering_drops_table_alignment_styles():
    html = render_markdown("| a | b |\n|:--|--:|\n| 1 | 2 |\n")

    assert "style" not in html


def test_a_caption_with_markup_gets_a_plain_text_label():
    html = render_markdown(
        TABLE.replace("Which approaches help", "What *really* & truly")
    )

    assert "<caption>What <em>really</em> &amp; truly</caption>" in html
    assert 'aria-label="What really &amp; truly"' in html


def test_sanitiser_removes_script_elements_and_their_content():
    html = render_markdown("Hello\n\n<script>alert('hi')</script>\n\nBye\n")

    assert "<script" not in html
    assert "alert" not in html
    assert "Hello" in html
    assert "Bye" in html


def test_sanitiser_removes_event_handler_attributes():
    html = render_markdown(
        'Look <img src="x" onerror="alert(1)"> <a href="/help/" onclick="x()">here</a>\n'
    )

    assert "onerror" not in html
    assert "onclick" not in html
    assert "<img" not in html
    assert '<a href="/help/">here</a>' in html


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "vbscript:x"],
)
def test_sanitiser_removes_dangerous_link_addresses(href):
    html = render_markdown(f"[Click]({href})\n")

    assert "<a>Click</a>" in html
    assert "script:" not in html.lower()
    assert "data:" not in html


@pytest.mark.parametrize(
    "href",
    [
        "/guide/how-therapy-works/#how-long",
        "#faq",
        "https://988lifeline.org/",
        "mailto:care@example.org",
        "tel:988",
    ],
)
def test_sanitiser_keeps_ordinary_links(href):
    html = render_markdown(f"[Go]({href})\n")

    assert f'<a href="{href}">Go</a>' in html


def test_sanitiser_removes_styles_iframes_and_style_attributes():
    html = render_markdown(
        '<style>p{}</style>\n\n<iframe src="https://example.com"></iframe>\n\n'
        '<p style="color:red" class="big">Text</p>\n'
    )

    assert "<style" not in html
    assert "<iframe" not in html
    assert "style=" not in html
    assert "class=" not in html
    assert "<p>Text</p>" in html


def test_sanitiser_keeps_only_the_scroll_region_class_and_role():
    html = render_markdown('<div class="alert table-scroll" role="alert">Hi</div>\n')

    assert '<div class="table-scroll">Hi</div>' in html


def test_table_of_contents_lists_second_level_headings_in_order():
    html = render_markdown(
        "## One {#one}\n\n### Inner\n\n## Two &amp; *three* {#two}\n\nText\n"
    )

    assert table_of_contents(html) == (
        Heading("one", "One"),
        Heading("two", "Two & three"),
    )


def test_table_of_contents_of_a_page_without_sections_is_empty():
    assert table_of_contents(render_markdown("Just a paragraph.\n")) == ()


def test_plain_text_leaves_out_tags_and_link_addresses():
    html = render_markdown("A [link](/guide/some-long-address/) and **bold**.\n")

    assert plain_text(html) == "A link and bold."


@pytest.mark.parametrize(
    ("words", "minutes"),
    [(0, 1), (1, 1), (200, 1), (201, 2), (400, 2), (1000, 5)],
)
def test_reading_time_is_words_over_two_hundred_rounded_up_and_at_least_one(
    words, minutes
):
    text = " ".join(["word"] * words)

    assert reading_minutes(text) == minutes


def test_reading_time_counts_a_contraction_as_one_word():
    assert reading_minutes("don't " * 201) == 2


def test_fields_hash_notices_a_change_and_keeps_field_boundaries():
    original = fields_hash("Title", "Summary", "Body")

    assert fields_hash("Title", "Summary", "Body") == original
    assert fields_hash("Title", "Summary", "Body!") != original
    assert fields_hash("TitleSummary", "", "Body") != original


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  EMDR  ", "EMDR"),
        ("EMDR\x00", "EMDR"),
        ("grief\x00and\tloss\n", "grief and loss"),
        ("a" * 250, "a" * 200),
        ("\x00\x01", ""),
    ],
)
def test_clean_query_strips_control_characters_and_cuts_to_length(raw, cleaned):
    assert clean_query(raw) == cleaned


@pytest.mark.parametrize(
    ("query", "stems"),
    [
        ("regulate", ("regulat",)),
        ("Regulation", ("regul",)),
        ("EMDR", ("emdr",)),
        ("therapies helping", ("therap", "help")),
        ("calm calm", ("calm",)),
        ("?!", ()),
    ],
)
def test_search_stems_trim_common_endings(query, stems):
    assert search_stems(query) == stems


def test_every_shipped_source_file_parses():
    paths = sorted(CONTENT_DIR.glob("*.md"))

    pages = [
        parse_source(path.read_text(encoding="utf-8"), path.name) for path in paths
    ]

    assert len(pages) == 7
    assert all(page.title and page.summary and page.body.strip() for page in pages)


@pytest.mark.parametrize("skill", all_skills(), ids=lambda skill: skill.slug)
def test_every_skill_has_a_shipped_skill_page(skill):
    path = CONTENT_DIR / f"{skill.slug}.md"

    page = parse_source(path.read_text(encoding="utf-8"), path.name)

    assert page.kind == "skill"
    assert page.skill == skill.slug
