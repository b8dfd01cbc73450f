"""DJANGO_EMAIL_BACKEND=none: actions that would send mail complete, and the pages say
that no e-mail is sent instead of "check your inbox"."""

import pytest

from accounts.models import profile_for
from tests.factories import make_user, sign_in

NO_MAIL = "django.core.mail.backends.dummy.EmailBackend"

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_mail(settings):
    settings.EMAIL_BACKEND = NO_MAIL


@pytest.fixture
def person_with_an_address():
    user = make_user("river")
    user.email = "river@example.org"
    user.save()
    return user


def test_a_reset_request_without_mail_says_no_email_is_sent(
    client, no_mail, person_with_an_address
):
    response = client.post(
        "/accounts/password_reset/", {"email": "river@example.org"}, follow=True
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "This server sends no e-mail, so no reset link was sent." in html
    assert "Check your email" not in html


def test_a_reset_request_with_mail_still_says_check_your_email(
    client, mailoutbox, person_with_an_address
):
    response = client.post(
        "/accounts/password_reset/", {"email": "river@example.org"}, follow=True
    )

    assert "Check your email" in response.content.decode()
    assert len(mailoutbox) == 1


def test_the_reset_page_without_mail_speaks_spanish(client, no_mail):
    client.cookies["django_language"] = "es"

    response = client.get("/accounts/password_reset/done/")

    assert "Este servidor no envía correos" in response.content.decode()


def test_settings_without_mail_offer_no_link_for_an_unconfirmed_address(
    client, no_mail, person_with_an_address
):
    client.force_login(person_with_an_address)

    response = client.get("/accounts/settings/")

    html = response.content.decode()
    assert "this server sends no e-mail, so no link can reach it" in html
    assert "Send the link again" not in html
    assert not profile_for(person_with_an_address).has_confirmed_email


def test_changing_the_address_without_mail_says_it_cannot_be_confirmed(
    client, no_mail, person_with_an_address
):
    sign_in(client, person_with_an_address)  # the password just typed: no "is it you?"
    profile = profile_for(person_with_an_address)

    response = client.post(
        "/accounts/settings/",
        {
            "display_name": "",
            "email": "new@example.org",
            "time_zone": profile.time_zone,
            "week_start": profile.week_start,
            "language": "en",
        },
        follow=True,
    )

    html = response.content.decode()
    assert (
        "This server sends no e-mail, so your new address cannot be confirmed." in html
    )
    assert "We sent a link" not in html


def test_asking_for_the_link_again_without_mail_says_none_was_sent(
    client, no_mail, person_with_an_address
):
    client.force_login(person_with_an_address)

    response = client.post("/accounts/email/send-link/", follow=True)

    html = response.content.decode()
    assert "This server sends no e-mail: no link was sent." in html
    assert "We sent a new link" not in html
