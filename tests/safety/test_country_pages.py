"""The crisis lines follow where the person lives, on every page that names one:
the footer, /help/, the guide, the PDFs, 503.html and /offline/."""

import io
import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from journal import pdf
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def spain(client):
    """A Spanish-speaking person who lives in Spain, signed in."""
    person = make_user(language="es", country="ES", time_zone="Europe/Madrid")
    client.force_login(person)
    return person


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


def test_a_person_in_spain_sees_024_and_112_in_spanish_on_the_help_page(client, spain):
    html = client.get("/help/").content.decode()

    assert 'href="tel:024"' in html
    assert "Llamar al 024" in html
    assert 'href="tel:112"' in html
    assert "En una emergencia, llama al 112" in html
    assert "tel:988" not in html
    assert "tel:911" not in html


def test_a_person_in_spain_sees_024_and_112_in_the_footer_of_every_page(client, spain):
    html = client.get("/journal/").content.decode()

    assert "¿En crisis? Llama al 024" in html
    assert "En una emergencia, llama al 112." in html
    assert "988" not in html


def test_a_person_in_spain_sees_024_and_112_on_a_guide_page(client, spain):
    call_command("load_guide", stdout=StringIO())

    html = client.get("/guide/communication/").content.decode()

    assert "Si estás en crisis: Llama al 024" in html
    assert "En una emergencia, llama al 112." in html
    assert "{crisis-lines}" not in html
    assert "988" not in html


def test_the_guide_page_is_kept_per_country(client, spain):
    call_command("load_guide", stdout=StringIO())
    client.get("/guide/communication/")
    client.logout()

    html = client.get("/guide/communication/?lang=es").content.decode()

    assert "Llama al 988 (marca 2 para español) o envía AYUDA al 988" in html
    assert "024" not in html


@pytest.mark.skipif(pdf.missing_reason() is not None, reason="no PDF renderer")
def test_a_person_in_spain_sees_024_and_112_in_the_week_pdf(client, spain):
    make_entry(spain, note="Respiré despacio")

    text = pdf_text(client.get("/journal/week/2026-11-16/pdf/", follow=True))

    assert "Llama al 024 (España)" in text
    assert "llama al 112" in text
    assert "988" not in text


@pytest.mark.skipif(pdf.missing_reason() is not None, reason="no PDF renderer")
def test_a_person_in_spain_sees_024_and_112_in_the_session_pdf(client, spain):
    text = pdf_text(client.get("/journal/sessions/next/pdf/"))

    assert "Llama al 024 (España)" in text
    assert "llama al 112" in text
    assert "988" not in text


def test_a_visitor_sees_the_us_lines_and_the_directory(client):
    html = client.get("/help/").content.decode()

    assert 'href="tel:988"' in html
    assert 'href="sms:988"' in html
    assert 'href="tel:911"' in html
    assert 'href="https://findahelpline.com/"' in html
    assert "In crisis? Call or text 988" in html


def test_a_profile_with_no_country_sees_the_us_lines_and_the_directory(client, owner):
    client.force_login(owner)

    html = client.get("/help/").content.decode()

    assert 'href="tel:988"' in html
    assert "Outside the United States" in html


def test_a_visitor_can_look_at_another_countrys_lines_on_the_help_page(client):
    html = client.get("/help/?country=gb").content.decode()

    assert 'href="tel:116123"' in html
    assert 'href="tel:111"' in html
    assert 'href="tel:999"' in html
    assert '<option value="GB" selected>United Kingdom</option>' in html
    assert "In crisis? Call Samaritans on 116 123" in html
    assert "tel:988" not in html


def test_the_choice_on_the_help_page_is_kept_nowhere(client):
    client.get("/help/?country=GB")

    html = client.get("/help/").content.decode()
    other = client.get("/privacy/?country=GB").content.decode()

    assert 'href="tel:988"' in html
    assert "In crisis? Call or text 988" in other
    # The CSRF cookie is random letters (it may hold "GB" by chance): every other
    # cookie is checked whole, and none is about a country.
    for name, cookie in client.cookies.items():
        assert "country" not in name.lower()
        if name != settings.CSRF_COOKIE_NAME:
            assert "GB" not in cookie.value
    assert "GB" not in str(dict(client.session))


def test_an_unknown_country_code_on_the_help_page_shows_the_us_lines(client):
    response = client.get("/help/?country=ZZ")

    assert response.status_code == 200
    assert 'href="tel:988"' in response.content.decode()


def test_a_country_with_no_lines_here_shows_the_directory_not_us_numbers(client):
    person = make_user(country="FR")
    client.force_login(person)

    html = client.get("/help/").content.decode()

    assert "Helplines in France" in html
    assert 'href="https://findahelpline.com/"' in html
    assert "tel:988" not in html
    assert "In crisis? Find a helpline near you" in html


def test_one_persons_footer_is_never_shown_to_someone_in_another_country(client, spain):
    client.get("/privacy/")
    client.logout()

    html = client.get("/privacy/?lang=es", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "¿En crisis? Llama al 988 (marca 2 para español) o envía AYUDA" in html
    assert "024" not in html


def test_the_footers_country_costs_no_query(client, owner):
    client.force_login(owner)
    client.get("/privacy/")
    with CaptureQueriesContext(connection) as without_country:
        client.get("/privacy/")
    owner.profile.country = "ES"
    owner.profile.save()
    client.get("/privacy/")

    with CaptureQueriesContext(connection) as with_country:
        client.get("/privacy/")

    assert len(with_country) == len(without_country)


def test_the_503_page_shows_the_us_lines_and_the_directory():
    html = render_to_string("503.html")

    assert 'href="tel:988"' in html
    assert 'href="tel:911"' in html
    assert 'href="https://findahelpline.com/"' in html
    assert "data-crisis-country" not in html


def test_the_offline_page_carries_every_countrys_lines_hidden_but_the_default(client):
    html = client.get("/offline/").content.decode()

    shown = re.findall(r'<div data-crisis-lines-for="(\w*)"[^>]*?(hidden)?>', html)
    assert ("", "") in shown
    assert ("ES", "hidden") in shown
    assert len(shown) == 9
    assert 'data-footer-link="¿En crisis? Llama al 024"' not in html
    assert 'data-footer-link="In crisis? Call 024"' in html


def test_every_online_page_marks_its_country_for_the_offline_page(client, spain):
    html = client.get("/journal/").content.decode()

    assert re.search(r'<body[^>]* data-crisis-country="ES"', html)


def test_the_kept_country_choice_follows_the_country_and_the_language(client):
    # The choice's HTML is kept per language and country chosen: each visit gets
    # its own selection, in its own language, whatever was drawn before.
    first = client.get("/help/?country=GB").content.decode()
    second = client.get("/help/?country=IE").content.decode()
    spanish = client.get(
        "/help/?country=GB", HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()

    assert '<option value="GB" selected>United Kingdom</option>' in first
    assert '<option value="IE" selected>Ireland</option>' in second
    assert 'value="GB" selected' not in second
    assert '<option value="GB" selected>Reino Unido</option>' in spanish
