"""The crisis-line data walked entry by entry, and the sentences made from it.
Pure: no database."""

import re
from datetime import date

import pytest
from django.utils import translation

from accounts.countries import is_country
from safety import phrases
from safety.crisis_lines import COUNTRIES, DEFAULT_COUNTRY, shown_for

LINES = [
    pytest.param(country, line, id=f"{code}-{line.digits}")
    for code, country in COUNTRIES.items()
    for line in country.lines
]
# Names that are the same in Spanish because they are what the line answers to.
OWN_NAMES = {"Samaritans", "Lifeline", "Línea de la Vida"}


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_is_a_country_a_person_can_choose(code):
    assert is_country(code)
    assert COUNTRIES[code].code == code


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_has_an_emergency_number_with_its_source(code):
    emergency = COUNTRIES[code].emergency

    assert emergency.numbers
    assert all(re.fullmatch(r"\d{3}", number) for number in emergency.numbers)
    assert [link for _number, link in emergency.links] == [
        f"tel:{number}" for number in emergency.numbers
    ]
    assert emergency.source.url.startswith("https://")
    assert date(2026, 1, 1) <= emergency.source.read_on <= date(2026, 12, 7)


@pytest.mark.parametrize(("country", "line"), LINES)
def test_every_line_names_its_source_and_when_it_was_read(country, line):
    assert line.source.url.startswith("https://")
    assert date(2026, 1, 1) <= line.source.read_on <= date(2026, 12, 7)


@pytest.mark.parametrize(("country", "line"), LINES)
def test_every_number_makes_a_valid_call_link_and_a_text_link_only_if_it_takes_texts(
    country, line
):
    assert re.fullmatch(r"tel:\d{3,12}", line.tel)
    assert line.digits == line.number.replace(" ", "")
    if line.can_text:
        assert line.sms == f"sms:{line.digits}"
    else:
        assert line.sms == ""


@pytest.mark.parametrize(("country", "line"), LINES)
def test_every_line_says_what_it_is_for_and_when_it_is_open_in_both_languages(
    country, line
):
    texts = [line.name, line.action, line.purpose, line.hours]
    if line.language_note:
        texts.append(line.language_note)

    with translation.override("en"):
        english = [str(text) for text in texts]
    with translation.override("es"):
        spanish = [str(text) for text in texts]

    assert all(english) and all(spanish)
    translated = [
        (en, es) for en, es in zip(english, spanish, strict=True) if en not in OWN_NAMES
    ]
    assert [pair for pair in translated if pair[0] == pair[1]] == []
    assert line.digits in english[1].replace(" ", "")


def test_the_us_line_tells_spanish_speakers_how_to_reach_spanish_counselors():
    line = COUNTRIES["US"].lines[0]

    assert "marca 2" in line.spanish_note
    assert "AYUDA" in line.spanish_note


def test_an_unknown_country_shows_the_us_lines():
    shown = shown_for("")

    assert shown.is_unknown
    assert shown.country is COUNTRIES[DEFAULT_COUNTRY]


@pytest.mark.parametrize("code", ["es", " ES ", "ES"])
def test_a_country_code_is_read_in_any_case(code):
    assert shown_for(code).country is COUNTRIES["ES"]


def test_a_country_with_no_lines_here_shows_none_and_is_not_unknown():
    shown = shown_for("FR")

    assert not shown.is_unknown
    assert not shown.has_lines


@pytest.mark.parametrize(
    ("code", "language", "link", "note"),
    [
        ("ES", "es", "¿En crisis? Llama al 024", "En una emergencia, llama al 112."),
        ("ES", "en", "In crisis? Call 024", "In an emergency, call 112."),
        ("", "en", "In crisis? Call or text 988", "In an emergency, call 911."),
        ("IE", "en", "In crisis? Call Samaritans on 116 123", "call 112 or 999."),
        (
            "FR",
            "es",
            "¿En crisis? Busca una línea de ayuda cerca de ti",
            "donde estés.",
        ),
    ],
)
def test_the_footer_names_the_countrys_line_and_emergency_number(
    code, language, link, note
):
    with translation.override(language):
        assert phrases.footer_link(shown_for(code)) == link
        assert phrases.footer_note(shown_for(code)).endswith(note)


def test_the_pdf_note_names_the_line_and_the_country_in_spanish():
    with translation.override("es"):
        note = phrases.pdf_note(shown_for("ES"))

    assert "Llama al 024 (España)" in note
    assert "en una emergencia, llama al 112" in note


def test_in_spanish_the_us_line_says_how_to_reach_spanish_speaking_counselors():
    with translation.override("es"):
        link = phrases.footer_link(shown_for(""))
        sentence = phrases.guide_sentence(shown_for("US"))

    assert (
        link == "¿En crisis? Llama al 988 (marca 2 para español) o envía AYUDA al 988"
    )
    assert sentence.count("marca 2") == 1


def test_the_pdf_note_for_an_unknown_country_adds_the_directory():
    with translation.override("en"):
        note = phrases.pdf_note(shown_for(""))

    assert "Call or text 988 (United States)" in note
    assert "findahelpline.com" in note


def test_the_guide_sentence_for_an_unknown_country_links_the_directory():
    with translation.override("en"):
        sentence = phrases.guide_sentence(shown_for(""))

    assert "Call or text 988" in sentence
    assert '<a href="https://findahelpline.com/">findahelpline.com</a>' in sentence
    assert '<span lang="es">En español: llama al 988 y marca 2' in sentence
