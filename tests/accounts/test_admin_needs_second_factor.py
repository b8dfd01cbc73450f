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
