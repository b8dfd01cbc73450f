"""The day's check-in draws its fields in Python (journal/card/check_in_fields.py):
each row of chips offers the radio buttons Django's widget would, and a number or
the sentence reads as crispy drew it, blank, filled or with its mistake."""

import re

import pytest
from crispy_forms.templatetags.crispy_forms_filters import as_crispy_field
from django.utils import translation

from journal.card.check_in_fields import render_chips, render_field
from journal.card.forms import CheckInForm
from journal.models import CardRow
from tests.html_reading import read

URGE = CardRow(pk=4, kind=CardRow.Kind.URGE, name="Urge <to> drink")
SLEEP = CardRow(pk=5, kind=CardRow.Kind.NUMBER, name='Hours "slept"')
ROWS = [URGE, SLEEP]


def _radios(html: str) -> list[tuple]:
    return [
        (e.attrs["name"], e.attrs["id"], e.attrs["value"], "checked" in e.attrs)
        for e in read(html).elements
        if e.tag == "input"
    ]


def _widget_radios(field) -> list[tuple]:
    return [
        (r.data["name"], r.id_for_label, r.data["value"], bool(r.data["selected"]))
        for r in field
    ]


FORMS = {
    "blank": lambda: CheckInForm(rows=ROWS),
    "saved": lambda: CheckInForm(
        rows=ROWS,
        initial={"row-4": 3, "acted-4": "no", "skills_rating": 0, "row-5": 7.5},
    ),
    "submitted": lambda: CheckInForm(
        {"row-4": "9", "acted-4": "maybe", "skills_rating": "2"}, rows=ROWS
    ),
}


@pytest.mark.parametrize("state", FORMS)
@pytest.mark.parametrize("name", ["row-4", "acted-4", "skills_rating"])
def test_chips_offer_the_radio_buttons_the_widget_would(state, name):
    form = FORMS[state]()
    form.is_valid()
    field = form[name]

    drawn = render_chips(field, legend_suffix=URGE.name)

    assert _radios(drawn) == _widget_radios(field)
    labels = [e.text for e in read(drawn).elements if e.tag == "label"]
    assert labels == [
        "–" + str(r.choice_label) if not r.data["value"] else str(r.choice_label)
        for r in field
    ]


def test_a_chips_mistake_is_said_beside_them_and_tied_to_them():
    form = FORMS["submitted"]()
    form.is_valid()

    drawn = render_chips(form["row-4"])

    fieldset = next(e for e in read(drawn).elements if e.tag == "fieldset")
    assert fieldset.attrs["aria-describedby"] == "id_row-4_error"
    assert 'id="id_row-4_error"' in drawn
    assert "Choose a number from 0 to 5" in drawn
    assert drawn.count('aria-invalid="true"') == 7


def test_a_rows_name_in_the_legend_is_escaped():
    drawn = render_chips(CheckInForm(rows=ROWS)["acted-4"], legend_suffix=URGE.name)

    assert "Urge &lt;to&gt; drink" in drawn and "<to>" not in drawn


def _spaces_aside(html: str) -> str:
    """crispy's templates leave runs of spaces and new lines between tags."""
    html = re.sub(r"\s+", " ", str(html)).strip()
    return re.sub(r"\s*(<[^>]*>)\s*", r"\1", html)


FIELD_FORMS = [
    ({}, {}),
    ({}, {"row-5": 7.5, "sentence": 'A day <b>"long"</b> & slow\nand more'}),
    ({"row-5": "abc", "sentence": "x" * 281}, {}),
    ({"row-5": "-1", "sentence": ""}, {}),
    ({"row-5": "8", "sentence": "Fine"}, {}),
]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(("data", "initial"), FIELD_FORMS)
@pytest.mark.parametrize("name", ["row-5", "sentence"])
def test_a_number_or_the_sentence_is_drawn_as_crispy_drew_it(
    language, data, initial, name
):
    with translation.override(language):
        form = CheckInForm(data or None, rows=ROWS, initial=initial)
        form.is_valid()

        drawn = render_field(form[name])

        assert _spaces_aside(drawn) == _spaces_aside(as_crispy_field(form[name]))
