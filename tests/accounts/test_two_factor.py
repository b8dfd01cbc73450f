"""Two-factor sign-in with an authenticator app, and recovery codes."""

import html
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.test import Client
from django_otp.oath import TOTP

from accounts import two_factor
from accounts.models import AuthenticatorDevice, RecoveryCode
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def code_for(device) -> str:
    """What the person's authenticator app shows right now."""
    return f"{TOTP(device.bin_key).token():06d}"


def turn_on_two_factor(user) -> AuthenticatorDevice:
    return AuthenticatorDevice.objects.create(user=user, name="Authenticator app")


def device_of(user) -> AuthenticatorDevice:
    """The person's authenticator, as the database holds it now."""
    return AuthenticatorDevice.objects.get(user=user)


def password_step(client, username="river"):
    return client.post("/accounts/login/", {"username": username, "password": PASSWORD})


@pytest.fixture
def river(db):
    return make_user("river")


@pytest.fixture
def river_client(client, river):
    return sign_in(client, river)


def test_the_setup_page_shows_a_qr_code_and_the_key_to_type(river_client):
    response = river_client.get("/accounts/two-factor/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and "<path" in page
    assert 'class="qr-secret' in page
    assert " style=" not in page


def test_the_setup_page_offers_a_tap_to_add_link_with_the_same_key(river_client):
    page = river_client.get("/accounts/two-factor/").content.decode()

    href = html.unescape(re.search(r'href="(otpauth://[^"]+)"', page).group(1))
    typed = re.search(r'id="two-factor-key">([^<]+)<', page).group(1)
    link = urlsplit(href)
    query = parse_qs(link.query)
    assert (link.scheme, link.netloc, unquote(link.path)) == (
        "otpauth",
        "totp",
        "/Between Sessions:river",
    )
    assert query["secret"] == [typed.replace(" ", "")]
    assert query["issuer"] == ["Between Sessions"]
    assert (query["digits"], query["period"]) == (["6"], ["30"])


def test_the_setup_page_has_a_copy_key_button_that_waits_for_javascript(
    river_client,
):
    page = river_client.get("/accounts/two-factor/").content.decode()

    assert re.search(r'<button[^>]*data-copy-key="two-factor-key"[^>]*hidden>', page)


def test_a_wrong_first_code_keeps_two_factor_off(river_client, river):
    river_client.get("/accounts/two-factor/")

    response = river_client.post("/accounts/two-factor/", {"code": "000000"})

    assert "That code didn't match" in response.context["form"].errors["code"][0]
    assert not two_factor.is_enabled(river)


def test_the_right_first_code_turns_it_on_and_shows_ten_codes_once(river_client, river):
    river_client.get("/accounts/two-factor/")
    device = AuthenticatorDevice.objects.get(user=river)

    response = river_client.post("/accounts/two-factor/", {"code": code_for(device)})
    again = river_client.get("/accounts/two-factor/")

    assert two_factor.is_enabled(river)
    assert len(response.context["codes"]) == 10
    assert response.context["codes"][0] not in again.content.decode()


def test_recovery_codes_are_stored_only_as_hashes(river):
    codes = two_factor.new_recovery_codes(river)

    stored = set(RecoveryCode.objects.values_list("code_hash", flat=True))

    assert not {code.replace("-", "") for code in codes} & stored
    assert len(stored) == 10


def test_with_two_factor_the_password_alone_does_not_sign_in(river):
    turn_on_two_factor(river)
    client = Client()

    response = password_step(client)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/code/")
    assert "_auth_user_id" not in client.session


def test_the_right_code_signs_in(river):
    device = turn_on_two_factor(river)
    client = Client()
    password_step(client)

    response = client.post("/accounts/login/code/", {"code": code_for(device)})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(river.pk)


def test_a_wrong_code_does_not_sign_in(river):
    turn_on_two_factor(river)
    client = Client()
    password_step(client)

    response = client.post("/accounts/login/code/", {"code": "123456"})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_code_step_without_a_password_step_goes_back_to_log_in(client):
    response = client.get("/accounts/login/code/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"


def test_a_recovery_code_signs_in_once(river):
    turn_on_two_factor(river)
    recovery = two_factor.new_recovery_codes(river)[0]
    first, second = Client(), Client()
    password_step(first)
    password_step(second)

    used = first.post("/accounts/login/code/", {"code": recovery})
    reused = second.post("/accounts/login/code/", {"code": recovery})

    assert used.status_code == 302
    assert reused.status_code == 200
    assert "_auth_user_id" not in second.session


def test_turning_it_off_needs_the_password_and_a_code(river_client, river):
    device = turn_on_two_factor(river)

    response = river_client.post(
        "/accounts/two-factor/off/", {"password": PASSWORD, "code": code_for(device)}
    )

    assert response.status_code == 302
    assert not two_factor.is_enabled(river)


@pytest.mark.parametrize(
    ("password", "code"),
    [("", "right"), ("wrong-password", "right"), (PASSWORD, ""), (PASSWORD, "000000")],
)
def test_turning_it_off_with_a_missing_or_wrong_part_keeps_it_on(
    river_client, river, password, code
):
    device = turn_on_two_factor(river)
    data = {"password": password, "code": code_for(device) if code == "right" else code}

    response = river_client.post("/accounts/two-factor/off/", data)

    assert response.status_code == 200
    assert two_factor.is_enabled(river)


def test_new_recovery_codes_replace_the_old_ones(river_client, river):
    turn_on_two_factor(river)
    old = two_factor.new_recovery_codes(river)

    response = river_client.post("/accounts/two-factor/new-codes/")

    assert len(response.context["codes"]) == 10
    assert two_factor.verify(river, old[0]) is None


@pytest.mark.parametrize(
    "path",
    ["/accounts/two-factor/", "/accounts/sessions/", "/accounts/confirm/"],
)
def test_a_visitor_is_asked_to_log_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/two-factor/off/",
        "/accounts/two-factor/new-codes/",
        "/accounts/sessions/sign-out-others/",
    ],
)
def test_actions_refuse_get(river_client, path):
    assert river_client.get(path).status_code == 405


@pytest.fixture
def stale_client(river):
    """Signed in long enough ago that the password counts as not recent."""
    client = Client()
    client.force_login(river)
    return client


def test_setting_it_up_without_a_recent_password_asks_is_it_you_first(stale_client):
    response = stale_client.get("/accounts/two-factor/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/confirm/?next=")


def test_turning_it_on_without_a_recent_password_keeps_it_off(stale_client, river):
    device = two_factor.pending_device(river)

    response = stale_client.post("/accounts/two-factor/", {"code": code_for(device)})

    assert "accounts/confirm_identity.html" in [t.name for t in response.templates]
    assert not two_factor.is_enabled(river)


def test_after_is_it_you_the_first_code_turns_it_on(stale_client, river):
    device = two_factor.pending_device(river)
    asked = stale_client.post("/accounts/two-factor/", {"code": code_for(device)})

    response = stale_client.post(
        "/accounts/two-factor/",
        {"sudo_payload": asked.context["payload"], "confirm-password": PASSWORD},
    )

    assert len(response.context["codes"]) == 10
    assert two_factor.is_enabled(river)
