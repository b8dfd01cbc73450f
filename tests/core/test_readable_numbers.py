"""The server writes counts as the page's counter (the browser's Intl) does."""

import pytest
from django import forms
from django.utils import translation

from core.forms import CrispyFormMixin, readable_number


@pytest.mark.parametrize(
    ("number", "language", "written"),
    [
        (345, "en", "345"),
        (2345, "en", "2,345"),
        (12345, "en", "12,345"),
        (2345, "es", "2345"),
        (12345, "es", "12.345"),
        (2345, None, "2,345"),
    ],
)
def test_a_count_is_written_as_people_of_that_language_write_it(
    number, language, written
):
    assert readable_number(number, language) == written


class NoteForm(CrispyFormMixin, forms.Form):
    note = forms.CharField(max_length=2000)


def test_a_field_without_its_own_message_gets_the_products_words():
    form = NoteForm({"note": "a" * 2001})

    with translation.override("en"):
        said = form.errors["note"][0]

    assert said == "Please keep this to 2,000 characters (it has 2,001 now)."


def test_the_counter_is_given_the_same_message_with_its_placeholders():
    html = str(NoteForm()["note"])

    assert 'data-over-limit-text="Please keep this to {limit} characters' in html
    assert "maxlength" not in html
