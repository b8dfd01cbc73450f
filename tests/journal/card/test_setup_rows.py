"""My diary card's rows are drawn in Python (journal/card/setup_rows.py): the rename
field reads as crispy drew it, blank or with its mistake, in both languages."""

import re

import pytest
from crispy_forms.utils import render_crispy_form
from django.utils import translation

from core.forms import over_limit_text
from journal.card.forms import NAME_ERRORS, RenameForm
from journal.card.setup_rows import rename_field


def _spaces_aside(html: str) -> str:
    """crispy's templates leave runs of spaces and new lines between tags."""
    html = re.sub(r"\s+", " ", str(html)).strip()
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", html)


def _drawn(form: RenameForm) -> str:
    field = form["name"]
    return rename_field(
        field.html_name,
        field.value(),
        field.errors,
        label=str(field.label),
        over_limit=over_limit_text(NAME_ERRORS),
    )


NAMES = ["Urge to drink", 'Tom & "Jerry" <b>', "Ánimo bajo"]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", NAMES)
def test_a_rows_rename_field_is_drawn_as_crispy_drew_it(language, name):
    with translation.override(language):
        form = RenameForm(initial={"name": name}, prefix="r12")

        assert _spaces_aside(_drawn(form)) == _spaces_aside(render_crispy_form(form))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("typed", ["", "x" * 41, "<i>" * 14])
def test_a_failed_rename_is_drawn_as_crispy_drew_it(language, typed):
    with translation.override(language):
        form = RenameForm({"r12-name": typed}, prefix="r12")
        assert not form.is_valid()

        drawn = _drawn(form)

        assert _spaces_aside(drawn) == _spaces_aside(render_crispy_form(form))
        assert 'aria-describedby="id_r12-name_error"' in drawn
