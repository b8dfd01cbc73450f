"""The guide in the reader's language, with English while a translation is missing."""

import pytest

from guide.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_languages(settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Español")]


def page(language, title, body):
    return Article.objects.create(
        slug="calm", language=language, title=title, summary="S.", body=body
    )


def test_a_spanish_reader_gets_the_spanish_page_at_the_same_address(client):
    page("en", "Calm", "Breathe slowly.")
    page("es", "Calma", "Respira despacio.")

    html = client.get("/guide/calm/", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Calma" in html and "Respira despacio." in html
    assert "Breathe slowly." not in html


def test_an_english_reader_gets_the_english_page(client):
    page("en", "Calm", "Breathe slowly.")
    page("es", "Calma", "Respira despacio.")

    html = client.get("/guide/calm/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Breathe slowly." in html and "Respira" not in html


def test_without_spanish_pages_the_english_guide_is_shown(client):
    page("en", "Calm", "Breathe slowly.")

    response = client.get("/guide/calm/", HTTP_ACCEPT_LANGUAGE="es")

    assert response.status_code == 200
    assert "Breathe slowly." in response.content.decode()


def test_search_looks_in_the_readers_language(client):
    page("en", "Calm", "Breathe slowly when the wave comes.")
    page("es", "Calma", "Respira despacio cuando llega la ola.")

    spanish = client.get(
        "/guide/search/", {"q": "respira"}, HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    english = client.get(
        "/guide/search/", {"q": "respira"}, HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert 'href="/guide/calm/"' in spanish
    assert 'href="/guide/calm/"' not in english


def test_the_index_lists_each_page_once_in_the_readers_language_where_written(client):
    page("en", "Calm", "Breathe slowly.")
    page("es", "Calma", "Respira despacio.")
    Article.objects.create(
        slug="sleep", language="en", title="Sleep", summary="S.", body="Rest."
    )

    html = client.get("/guide/", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Calma" in html and ">Calm<" not in html
    assert "Sleep" in html
    assert html.count('href="/guide/calm/"') == 1


def test_a_guide_page_names_its_other_languages_for_search_engines(client):
    page("en", "Calm", "Breathe slowly.")
    page("es", "Calma", "Respira despacio.")

    html = client.get("/guide/calm/").content.decode()
    spanish = client.get("/guide/calm/", {"lang": "es"})

    assert (
        '<link rel="alternate" hreflang="es" href="http://testserver/guide/calm/?lang=es">'
        in html
    )
    assert 'hreflang="x-default" href="http://testserver/guide/calm/"' in html
    assert spanish["Content-Language"] == "es"
    assert "Respira despacio." in spanish.content.decode()
