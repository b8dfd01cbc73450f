"""Confirmed addresses, plain notices, and password-reset e-mail, over real SMTP."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from accounts import emails
from accounts.models import Profile, profile_for
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def body(message) -> str:
    return message.get_payload(decode=True).decode()


def confirm_path(message) -> str:
    line = next(
        line for line in body(message).splitlines() if "/email/confirm/" in line
    )
    return line.strip().split("127.0.0.1:8000", 1)[1]


def confirmed(user) -> bool:
    return Profile.objects.get(user=user).has_confirmed_email


@pytest.fixture
def river(db):
    user = make_user("river")
    user.email = "river@example.org"
    user.save()
    return user


@pytest.fixture
def confirmed_river(river):
    profile = profile_for(river)
    profile.confirmed_email = river.email
    profile.save()
    return river


def test_signing_up_with_an_address_sends_a_confirm_link(client, smtp_inbox):
    client.post(
        "/accounts/signup/",
        {
            "username": "sky",
            "email": "sky@example.org",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": "UTC",
        },
    )

    [message] = smtp_inbox
    assert message.recipients == ["sky@example.org"]
    assert "/accounts/email/confirm/" in body(message)


def test_signing_up_without_an_address_sends_nothing(client, smtp_inbox):
    client.post(
        "/accounts/signup/",
        {
            "username": "sky",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": "UTC",
        },
    )

    assert smtp_inbox == []


def test_the_link_confirms_the_address_with_one_tap(river, smtp_inbox):
    emails.send_confirm_link(river)
    path = confirm_path(smtp_inbox[0])

    asked = Client().get(path)
    answered = Client().post(path)

    assert asked.status_code == 200
    assert answered.status_code == 302
    assert confirmed(river)


def test_opening_the_link_alone_confirms_nothing(river, smtp_inbox):
    emails.send_confirm_link(river)

    Client().get(confirm_path(smtp_inbox[0]))

    assert not confirmed(river)


def test_an_expired_link_is_refused_kindly(river, smtp_inbox):
    emails.send_confirm_link(river)
    path = confirm_path(smtp_inbox[0])

    with time_machine.travel(timezone.now() + datetime.timedelta(days=4)):
        response = Client().post(path)

    assert response.status_code == 400
    assert "work for three days" in response.content.decode()
    assert not confirmed(river)


def test_a_tampered_link_is_refused(river, smtp_inbox):
    emails.send_confirm_link(river)
    path = confirm_path(smtp_inbox[0])

    response = Client().post(path.rstrip("/") + "x/")

    assert response.status_code == 400
    assert not confirmed(river)


def test_a_link_for_an_address_since_changed_is_refused(river, smtp_inbox):
    emails.send_confirm_link(river)
    river.email = "new@example.org"
    river.save()

    response = Client().post(confirm_path(smtp_inbox[0]))

    assert response.status_code == 400
    assert not confirmed(river)


def test_notices_are_not_sent_to_an_unconfirmed_address(river, smtp_inbox):
    sent = emails.send_notice(river, "password-changed")

    assert not sent
    assert smtp_inbox == []


@pytest.mark.parametrize("kind", sorted(emails.NOTICES))
def test_every_notice_is_plain_and_reaches_a_confirmed_address(
    confirmed_river, smtp_inbox, kind
):
    emails.send_notice(confirmed_river, kind)

    [message] = smtp_inbox
    assert message.recipients == ["river@example.org"]
    assert str(emails.NOTICES[kind]) == message["Subject"]
    assert "/accounts/password_reset/" in body(message)


def test_a_password_reset_is_sent_even_to_an_unconfirmed_address(river, smtp_inbox):
    Client().post("/accounts/password_reset/", {"email": "river@example.org"})

    [message] = smtp_inbox
    assert "/accounts/reset/" in body(message)


def test_a_password_change_sends_a_notice(confirmed_river, client, mailoutbox):
    sign_in(client, confirmed_river)

    client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "fresh-harbour-lights-42",
            "new_password2": "fresh-harbour-lights-42",
        },
    )

    assert [m.subject for m in mailoutbox] == ["Your password was changed"]


def test_changing_the_address_confirms_the_new_one_and_tells_the_old(
    confirmed_river, client, smtp_inbox
):
    sign_in(client, confirmed_river)

    client.post(
        "/accounts/settings/",
        {
            "email": "new@example.org",
            "display_name": "",
            "time_zone": "UTC",
            "week_start": "monday",
            "language": "en",
        },
    )

    confirmed_river.refresh_from_db()
    assert confirmed_river.email == "new@example.org"
    assert not confirmed(confirmed_river)
    recipients = sorted(m.recipients[0] for m in smtp_inbox)
    assert recipients == ["new@example.org", "river@example.org"]


def test_changing_the_address_without_a_recent_password_asks_first(river, client):
    client.force_login(river)

    response = client.post(
        "/accounts/settings/",
        {
            "email": "new@example.org",
            "time_zone": "UTC",
            "week_start": "monday",
            "language": "en",
        },
    )

    river.refresh_from_db()
    assert "accounts/confirm_identity.html" in [t.name for t in response.templates]
    assert river.email == "river@example.org"


def test_other_settings_save_without_asking_for_the_password(river, client):
    client.force_login(river)

    client.post(
        "/accounts/settings/",
        {
            "email": "river@example.org",
            "display_name": "River",
            "time_zone": "UTC",
            "week_start": "sunday",
            "language": "en",
        },
    )

    assert Profile.objects.get(user=river).week_start == "sunday"


def test_an_address_another_account_uses_is_refused_beside_the_field(river, client):
    make_user("sky").__class__.objects.filter(username="sky").update(
        email="sky@example.org"
    )
    sign_in(client, river)

    response = client.post(
        "/accounts/settings/",
        {
            "email": "SKY@example.org",
            "time_zone": "UTC",
            "week_start": "monday",
            "language": "en",
        },
    )

    assert response.context["form"].errors["email"]


@pytest.mark.parametrize("by", ["address", "e-mail"])
def test_password_resets_are_limited(river, settings, mailoutbox, by):
    settings.PASSWORD_RESET_RATE_LIMIT = 2
    for number in range(3):
        address = "192.0.2.1" if by == "address" else f"192.0.2.{number + 1}"
        response = Client().post(
            "/accounts/password_reset/",
            {"email": "river@example.org"},
            REMOTE_ADDR=address,
        )
        assert response.status_code == 302

    assert len(mailoutbox) == 2


def test_a_limited_reset_looks_like_any_other(river, settings):
    settings.PASSWORD_RESET_RATE_LIMIT = 0

    response = Client().post("/accounts/password_reset/", {"email": "x@example.org"})

    assert response["Location"] == "/accounts/password_reset/done/"


def test_the_settings_page_offers_a_new_link_for_an_unconfirmed_address(
    river, client, smtp_inbox
):
    sign_in(client, river)

    page = client.get("/accounts/settings/").content.decode()
    client.post("/accounts/email/send-link/")

    assert "not confirmed yet" in page
    assert len(smtp_inbox) == 1


def test_a_mail_server_that_is_down_never_breaks_making_a_share_link(
    confirmed_river, client, settings
):
    settings.EMAIL_BACKEND = "tests.reminders.failing_mail.Backend"
    sign_in(client, confirmed_river)

    response = client.post("/journal/sharing/", {"weeks": "4", "expires_in_days": "30"})

    assert response.status_code == 200
    assert "Your new link is ready" in response.content.decode()


def test_turning_two_factor_on_sends_a_notice(confirmed_river, client, mailoutbox):
    from accounts import two_factor
    from tests.accounts.test_two_factor import code_for

    sign_in(client, confirmed_river)
    device = two_factor.pending_device(confirmed_river)

    client.post("/accounts/two-factor/", {"code": code_for(device)})

    assert [m.subject for m in mailoutbox] == ["Two-factor sign-in was turned on"]
    assert "turned on for your account" in mailoutbox[0].body


def test_the_two_factor_notice_speaks_spanish_to_a_spanish_reader(
    confirmed_river, mailoutbox
):
    Profile.objects.filter(user=confirmed_river).update(language="es")
    confirmed_river.refresh_from_db()

    emails.send_notice(confirmed_river, "two-factor-on")

    assert mailoutbox[0].subject == "Se activó la verificación en dos pasos"
    assert "activar la verificación en dos pasos de tu cuenta" in mailoutbox[0].body
