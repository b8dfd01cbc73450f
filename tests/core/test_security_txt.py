"""/.well-known/security.txt: RFC 9116 fields from settings, as plain text."""

import datetime

import pytest

from core.security_txt import security_txt

pytestmark = pytest.mark.django_db

URL = "/.well-known/security.txt"


@pytest.fixture
def security_settings(settings):
    settings.SECURITY_CONTACT = "mailto:report@example.org"
    settings.SECURITY_TXT_EXPIRES = datetime.date(2027, 3, 1)
    return settings


def fields(response) -> dict[str, str]:
    lines = response.content.decode().splitlines()
    return dict(line.split(": ", 1) for line in lines)


def test_security_txt_is_plain_text(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_security_txt_names_the_contact_from_settings(client, security_settings):
    response = client.get(URL)

    assert fields(response)["Contact"] == "mailto:report@example.org"


def test_security_txt_expires_on_the_configured_day_in_utc(client, security_settings):
    response = client.get(URL)

    assert fields(response)["Expires"] == "2027-03-01T00:00:00Z"


def test_security_txt_prefers_english_and_spanish(client):
    response = client.get(URL)

    assert fields(response)["Preferred-Languages"] == "en, es"


def test_security_txt_gives_its_canonical_address_on_a_named_host(client, settings):
    settings.ALLOWED_HOSTS = ["journal.example.org"]

    response = client.get(URL, HTTP_HOST="journal.example.org", secure=True)

    assert (
        fields(response)["Canonical"]
        == "https://journal.example.org/.well-known/security.txt"
    )


def test_security_txt_claims_no_canonical_address_for_a_wildcard_host(client, settings):
    settings.ALLOWED_HOSTS = ["*"]

    response = client.get(URL, HTTP_HOST="anything.example.net", secure=True)

    assert "Canonical" not in fields(response)


def test_security_txt_is_served_to_visitors_and_signed_in_people_alike(owner_client):
    response = owner_client.get(URL)

    assert response.status_code == 200
    assert "Contact" in fields(response)


def test_security_txt_refuses_post(client):
    response = client.post(URL)

    assert response.status_code == 405


def test_security_txt_text_leaves_canonical_out_without_an_address():
    text = security_txt("mailto:a@example.org", datetime.date(2027, 1, 2), "")

    assert text == (
        "Contact: mailto:a@example.org\n"
        "Expires: 2027-01-02T00:00:00Z\n"
        "Preferred-Languages: en, es\n"
    )
