"""journal/html.py's html(): the template's own text around escaped values, the
template read once (no database)."""

import pytest
from django.utils.safestring import SafeString

from journal.html import _lines, html


def test_each_place_gets_its_value_in_order():
    drawn = html("<p>{}</p><p>{}</p>{}", "one", 2, html("<b>{}</b>", "three"))

    assert drawn == "<p>one</p><p>2</p><b>three</b>"
    assert isinstance(drawn, SafeString)


def test_doubled_braces_are_one_brace_of_the_template():
    assert html("{{x}} {} }}", "<y>") == "{x} &lt;y&gt; }"


def test_a_value_with_braces_is_text():
    assert html("<p>{}</p>", "{} {0} {{") == "<p>{} {0} {{</p>"


def test_values_beyond_the_places_are_left_out_as_format_did():
    assert html("<p>{}</p>", "one", "two") == "<p>one</p>"


def test_too_few_values_is_a_mistake():
    with pytest.raises(IndexError):
        html("<p>{}{}</p>", "one")


@pytest.mark.parametrize("template", ["<p>{0}</p>", "<p>{name}</p>", "<p>{:>3}</p>"])
def test_a_template_with_anything_but_plain_places_is_refused(template):
    with pytest.raises(ValueError, match="fills only"):
        html(template, "one")


@pytest.mark.parametrize(
    ("text", "drawn"),
    [
        ("one", "one"),
        ("one\ntwo", "one<br>two"),
        ("a\r\nb\rc\n", "a<br>b<br>c<br>"),
        ("<b>\n&", "&lt;b&gt;<br>&amp;"),
    ],
)
def test_lines_are_escaped_with_a_break_between_two(text, drawn):
    assert _lines(text) == drawn
