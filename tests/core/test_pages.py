from unittest import mock

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_landing_page_explains_the_product_to_visitors(client):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Between Sessions" in html
    assert "not therapy and not a crisis service" in html
    assert 'href="/accounts/signup/"' in html
    assert 'href="/guide/"' in html


def test_landing_page_sends_signed_in_people_to_today(owner_client):
    response = owner_client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/journal/"


@pytest.mark.parametrize(
    "url", ["/", "/help/", "/accounts/login/", "/accounts/signup/"]
)
def test_every_page_links_to_crisis_help(client, url):
    html = client.get(url).content.decode()

    assert 'href="/help/"' in html
    assert "In crisis? Call or text 988" in html


def test_help_page_names_988_and_911_and_the_therapist(client):
    html = client.get("/help/").content.decode()

    assert 'href="tel:988"' in html
    assert 'href="sms:988"' in html
    assert 'href="tel:911"' in html
    assert "not a crisis service" in html
    assert "therapist" in html


def test_layout_has_skip_link_landmarks_and_local_assets_only(client):
    html = client.get("/help/").content.decode()

    assert 'href="#main"' in html
    assert '<main id="main"' in html
    assert "<nav" in html and "<footer" in html
    assert "//cdn" not in html and "https://" not in html.split("<body")[0]


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch(
        "core.views.connection.cursor", side_effect=OperationalError("down")
    ):
        response = client.get("/healthz")

    assert response.status_code == 503


def test_unknown_page_is_a_friendly_404_in_the_layout_with_debug_off(settings):
    settings.DEBUG = False

    response = Client().get("/no-such-page/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "We couldn" in html
    assert "In crisis? Call or text 988" in html
    assert "Traceback" not in html


def test_server_error_page_shows_no_traceback(settings):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)

    with mock.patch("core.views.render", side_effect=RuntimeError("boom")):
        response = client.get("/privacy/")

    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html
    assert "boom" not in html and "Traceback" not in html


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("emotional-regulation", "Emotional regulation"),
        ("distress-tolerance", "Distress tolerance"),
        ("cognitive-restructuring", "Cognitive restructuring"),
        ("communication", "Communication skills"),
        ("behavioral-activation", "Behavioral activation"),
    ],
)
def test_landing_page_names_each_skill_with_a_link_to_its_guide_page(
    client, slug, name
):
    html = client.get("/").content.decode()

    assert (
        f'href="/guide/{slug}/"><span class="skill-dot" aria-hidden="true"></span><span>{name}'
        in html
    )
