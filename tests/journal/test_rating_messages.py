"""The rating scales are made once, with the form class: their words still follow
each request's language."""

import datetime

import pytest
from django.utils import translation

from journal.forms import EntryForm, NewEntryForm

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def rated(form_class, **ratings):
    data = {"practiced_on": TODAY.isoformat(), "skill": "distress-tolerance"}
    data.update(note="Breathed slowly.", **ratings)
    return form_class(data, today=TODAY)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Use a number from 0 to 10."),
        ("es", "Usa un número del 0 al 10."),
    ],
)
def test_an_unknown_rating_is_explained_in_the_request_language(language, expected):
    with translation.override(language):
        form = rated(NewEntryForm, distress_before="11")
        assert not form.is_valid()
        assert form.errors["distress_before"] == [expected]


def test_helpfulness_names_its_own_range_in_spanish():
    with translation.override("es"):
        form = rated(EntryForm, helpfulness="9")
        assert not form.is_valid()
        assert form.errors["helpfulness"] == ["Usa un número del 1 al 5."]


def test_the_not_rated_choice_and_label_follow_the_language():
    with translation.override("es"):
        field = NewEntryForm(today=TODAY)["distress_after"]
        spanish = (str(field.label), str(field.field.choices[0][1]))
    with translation.override("en"):
        field = NewEntryForm(today=TODAY)["distress_after"]
        english = (str(field.label), str(field.field.choices[0][1]))
    assert english == ("Distress after (0–10, optional)", "not rated")
    assert spanish[0] != english[0] and spanish[1] != english[1]


def test_each_form_has_its_own_scale_fields():
    first, second = NewEntryForm(today=TODAY), NewEntryForm(today=TODAY)
    first.fields["helpfulness"].widget.attrs["data-probe"] = "1"
    assert "data-probe" not in second.fields["helpfulness"].widget.attrs
    assert "data-probe" not in EntryForm.base_fields["helpfulness"].widget.attrs


def test_forms_share_the_fixed_choices_until_one_is_given_its_own():
    first, second = NewEntryForm(today=TODAY), NewEntryForm(today=TODAY)
    assert first.fields["distress_before"].choices == [("", "not rated")] + [
        (str(n), str(n)) for n in range(11)
    ]

    first.fields["distress_before"].choices = [("1", "1")]

    assert len(second.fields["distress_before"].choices) == 12
    assert len(second.fields["distress_before"].widget.choices) == 12
    assert len(EntryForm.base_fields["distress_before"].choices) == 12
    assert first.fields["distress_before"].widget.choices == [("1", "1")]
