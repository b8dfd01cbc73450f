"""Outside development, the admin needs a code from an authenticator app."""

import pytest
from django.contrib.auth.models import User

from tests.factories import sign_in, sign_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(db):
    return User.objects.create_superuser("boss", "boss@example.org", "a-long-password")


def test_staff_signed_in_with_a_password_only_are_told_what_is_missing(client, boss):
    sign_in(client, boss)

    response = client.get("/admin/", follow=True)

    assert response.status_code == 403
    assert "Two-factor sign-in needed" in response.content.decode()


def test_staff_signed_in_with_a_code_reach_the_admin(client, boss):
    sign_in_with_second_factor(client, boss)

    response = client.get("/admin/")

    assert response.status_code == 200


def test_in_development_the_password_is_enough(client, boss, settings):
    settings.DEBUG = True
    sign_in(client, boss)

    response = client.get("/admin/")

    assert response.status_code == 200


PASSWORD = "a-long-password"


def sessions_signed_in_as(user) -> list:
    from django.contrib.sessions.models import Session

    return [
        session
        for session in Session.objects.all()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


@pytest.fixture
def boss_with_two_factor(boss):
    from tests.accounts.test_two_factor import turn_on_two_factor

    turn_on_two_factor(boss)
    return boss


def test_a_password_only_post_to_the_admin_log_in_signs_nobody_in(
    client, boss_with_two_factor
):
    client.post(
        "/admin/login/?next=/admin/",
        {"username": "boss", "password": PASSWORD, "next": "/admin/"},
    )

    assert "_auth_user_id" not in client.session
    assert sessions_signed_in_as(boss_with_two_factor) == []


def test_the_admin_log_in_sends_people_to_the_sites_log_in(client):
    response = client.get("/admin/login/?next=/admin/auth/user/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fauth%2Fuser%2F"


def test_staff_reach_the_admin_through_the_sites_log_in_and_their_code(
    client, boss_with_two_factor
):
    from tests.accounts.test_two_factor import code_for, device_of

    client.post(
        "/accounts/login/?next=/admin/", {"username": "boss", "password": PASSWORD}
    )
    signed_in = client.post(
        "/accounts/login/code/?next=/admin/",
        {"code": code_for(device_of(boss_with_two_factor))},
    )

    assert signed_in["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_password_reset_does_not_sign_in_a_two_factor_user(
    client, boss_with_two_factor
):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(boss_with_two_factor.pk))
    token = default_token_generator.make_token(boss_with_two_factor)
    form_page = client.get(f"/accounts/reset/{uid}/{token}/", follow=True)
    new_password = "a-brand-new-long-password"

    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert sessions_signed_in_as(boss_with_two_factor) == []
