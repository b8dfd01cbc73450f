"""Our stylesheets parse whole: one unclosed block would silently drop every rule
after it (a merge once lost a closing brace, and with it the controls' colours)."""

from pathlib import Path

import pytest
import tinycss2
from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "static" / "css").glob("*.css"))


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: path.name)
def test_a_stylesheet_has_no_parse_error_and_every_block_is_closed(path):
    text = path.read_text()

    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)

    errors = [rule for rule in rules if rule.type == "error"]
    assert errors == []
    assert text.count("{") == text.count("}")
    # Every rule ends at the top level: a rule swallowed by an unclosed block would
    # show up as the block's content, so the last top-level rule must be a real one.
    assert rules and rules[-1].type in {"qualified-rule", "at-rule"}
