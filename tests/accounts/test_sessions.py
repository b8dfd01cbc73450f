"""Where you're signed in, signing devices out, and "keep me signed in"."""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import SignedInSession
from tests.factories import make_signed_in_session, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


def log_in(client, username="river", remember=False, user_agent=FIREFOX_LINUX):
    data = {"username": username, "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    return client.post("/accounts/login/", data, HTTP_USER_AGENT=user_agent)


def is_signed_in(client) -> bool:
    return client.get("/journal/").status_code == 200


@pytest.fixture
def river(db):
    return make_user("river")


def test_the_list_shows_this_device_and_another_browser(river):
    laptop, phone = Client(), Client()
    log_in(laptop)
    log_in(phone, user_agent=SAFARI_IPHONE)

    response = laptop.get("/accounts/sessions/", HTTP_USER_AGENT=FIREFOX_LINUX)

    page = response.content.decode()
    assert "Firefox on Linux" in page and "Safari on iPhone" in page
    assert page.count("This device") == 1
    assert len(response.context["sessions"]) == 2


def test_the_list_never_shows_another_persons_sessions(river):
    make_signed_in_session(make_user("sky"), user_agent=SAFARI_IPHONE)
    laptop = Client()
    log_in(laptop)

    response = laptop.get("/accounts/sessions/")

    assert "Safari on iPhone" not in response.content.decode()


def test_signing_a_device_out_ends_its_session(river):
    laptop, phone = Client(), Client()
    log_in(laptop)
    log_in(phone, user_agent=SAFARI_IPHONE)
    phone_session = SignedInSession.objects.get(browser="Safari")

    laptop.post(f"/accounts/sessions/{phone_session.pk}/sign-out/")

    assert not is_signed_in(phone)
    assert is_signed_in(laptop)
    assert not SignedInSession.objects.filter(pk=phone_session.pk).exists()


def test_another_persons_session_is_a_404_and_stays(river):
    skys_phone = make_signed_in_session(make_user("sky"))
    laptop = Client()
    log_in(laptop)

    response = laptop.post(f"/accounts/sessions/{skys_phone.pk}/sign-out/")

    assert response.status_code == 404
    assert SignedInSession.objects.filter(pk=skys_phone.pk).exists()


def test_sign_out_everywhere_else_keeps_this_device(river):
    laptop, phone, tablet = Client(), Client(), Client()
    for client in (laptop, phone, tablet):
        log_in(client)

    laptop.post("/accounts/sessions/sign-out-others/")

    assert is_signed_in(laptop)
    assert not is_signed_in(phone) and not is_signed_in(tablet)


def test_a_password_reset_signs_out_every_session(river):
    laptop = Client()
    log_in(laptop)
    river.refresh_from_db()  # the reset token covers the last log-in time
    uid = urlsafe_base64_encode(force_bytes(river.pk))
    token = default_token_generator.make_token(river)
    resetter = Client()
    form_url = resetter.get(f"/accounts/reset/{uid}/{token}/")["Location"]

    resetter.post(
        form_url,
        {
            "new_password1": "fresh-harbour-lights-42",
            "new_password2": "fresh-harbour-lights-42",
        },
    )

    assert not is_signed_in(laptop)
    assert not SignedInSession.objects.filter(user=river).exists()


def test_a_password_change_keeps_this_session_and_ends_the_others(river):
    laptop, phone = Client(), Client()
    log_in(laptop)
    log_in(phone)

    laptop.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "fresh-harbour-lights-42",
            "new_password2": "fresh-harbour-lights-42",
        },
    )

    assert is_signed_in(laptop)
    assert not is_signed_in(phone)


def test_without_keep_me_signed_in_the_session_ends_with_the_browser(river):
    client = Client()

    response = log_in(client)

    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]


def test_keep_me_signed_in_lasts_thirty_days(river):
    client = Client()

    response = log_in(client, remember=True)

    assert response.cookies["sessionid"]["max-age"] == 30 * 24 * 60 * 60
