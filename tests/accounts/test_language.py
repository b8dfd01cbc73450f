"""Which language a page speaks: the profile's when signed in, else the browser's."""

import pytest
from django.utils import timezone

from accounts.models import Profile
from tests.factories import make_share_link

pytestmark = pytest.mark.django_db

BOTH = [("en", "English"), ("es", "Español")]


@pytest.fixture(autouse=True)
def two_languages(settings):
    settings.LANGUAGES = BOTH


def test_a_visitor_gets_the_browsers_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9")

    assert response["Content-Language"] == "es"
    assert '<html lang="es"' in response.content.decode()


def test_a_signed_in_persons_own_language_wins_over_the_browser(owner_client, owner):
    Profile.objects.filter(user=owner).update(language="es")

    response = owner_client.get("/journal/", HTTP_ACCEPT_LANGUAGE="en-US")

    assert response["Content-Language"] == "es"


def test_the_footer_switch_remembers_the_choice_and_saves_the_profile(
    owner_client, owner
):
    response = owner_client.post(
        "/i18n/setlang/", {"language": "es", "next": "/journal/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/journal/"
    assert owner_client.cookies["django_language"].value == "es"
    assert Profile.objects.get(user=owner).language == "es"


def test_a_visitor_switching_changes_only_the_cookie(client):
    response = client.post("/i18n/setlang/", {"language": "es", "next": "/guide/"})

    assert response["Location"] == "/guide/"
    assert client.get("/guide/")["Content-Language"] == "es"


def test_an_unknown_language_changes_nothing(owner_client, owner):
    owner_client.post("/i18n/setlang/", {"language": "xx", "next": "/journal/"})

    assert Profile.objects.get(user=owner).language == "en"


def test_the_switch_sends_nobody_to_another_site(client):
    response = client.post(
        "/i18n/setlang/", {"language": "es", "next": "https://example.com/"}
    )

    assert response["Location"] == "/"


def test_sign_up_takes_the_language_the_visitor_was_reading(client):
    client.post("/i18n/setlang/", {"language": "es", "next": "/"})

    client.post(
        "/accounts/signup/",
        {
            "username": "lucia",
            "email": "",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": "America/Mexico_City",
        },
    )

    assert Profile.objects.get(user__username="lucia").language == "es"


def test_the_footer_offers_the_switch_on_every_page(client):
    html = client.get("/help/").content.decode()

    assert 'action="/i18n/setlang/"' in html
    assert 'lang="es"' in html


def test_the_share_page_speaks_the_owners_language_and_can_be_flipped(client, owner):
    Profile.objects.filter(user=owner).update(language="es")
    _link, url = make_share_link(owner, timezone.now())

    owners = client.get(url)
    flipped = client.get(url, {"lang": "en"})
    ignored = client.get(url, {"lang": "xx"})

    assert owners["Content-Language"] == "es"
    assert 'href="?lang=en"' in owners.content.decode()
    assert flipped["Content-Language"] == "en"
    assert ignored["Content-Language"] == "es"


def test_a_reset_email_speaks_the_accounts_language(client, owner, mailoutbox):
    owner.email = "owner@example.org"
    owner.save()
    Profile.objects.filter(user=owner).update(
        language="es", confirmed_email="owner@example.org"
    )

    client.post(
        "/accounts/password_reset/",
        {"email": "owner@example.org"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    [message] = mailoutbox
    assert "contraseña" in (message.subject + message.body).lower()


def test_a_security_notice_speaks_the_accounts_language(owner, mailoutbox):
    from accounts import emails

    owner.email = "owner@example.org"
    owner.save()
    Profile.objects.filter(user=owner).update(
        language="es", confirmed_email="owner@example.org"
    )

    owner.profile.refresh_from_db()

    emails.send_notice(owner, "password-changed")

    [message] = mailoutbox
    assert message.subject == "Tu contraseña cambió"
