"""/help/ shows a signed-in person's plan first (steps 2–5), and is then private;
everyone else keeps the public page a device may keep; the crisis lines answer even
while the database is down."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

from core.context_processors import account_mark
from core.pwa import KEEP_HEADER, KEEP_VALUE
from tests.safety.plans import make_safety_plan

pytestmark = pytest.mark.django_db


def test_the_plan_comes_before_the_crisis_lines(owner_client, owner):
    make_safety_plan(owner)

    page = owner_client.get("/help/").content.decode()

    plan_at = page.index("Your safety plan")
    assert plan_at < page.index('href="tel:988"')
    for shown in ("Walk to the river", "Elm Street", "Quillfeather", "Rivera-Stone"):
        assert plan_at < page.index(shown) < page.index('href="tel:988"')
    assert 'href="/journal/safety-plan/">See my whole plan' in page


def test_the_help_page_shows_only_steps_two_to_five(owner_client, owner):
    make_safety_plan(owner)

    page = owner_client.get("/help/").content.decode()

    assert "Lavender-worry" not in page  # step 1
    assert "keep things for me" not in page  # step 6
    assert "Pistachio" not in page  # reasons for living


def test_a_help_page_with_a_plan_is_private(owner_client, owner):
    make_safety_plan(owner)

    response = owner_client.get("/help/")

    assert KEEP_HEADER not in response
    assert "no-store" in response["Cache-Control"]
    assert f'data-account="{account_mark(owner)}"' in response.content.decode()


def test_without_a_plan_the_help_page_stays_public_and_kept(owner_client, owner):
    response = owner_client.get("/help/")

    page = response.content.decode()
    assert response[KEEP_HEADER] == KEEP_VALUE
    assert "data-account" not in page
    assert "data-kept-plan" in page  # the device's own copy, if it keeps one


def test_a_visitor_gets_the_public_help_page(client):
    response = client.get("/help/")

    assert response.status_code == 200
    assert response[KEEP_HEADER] == KEEP_VALUE
    assert 'href="tel:988"' in response.content.decode()


def test_the_help_page_with_a_plan_takes_constant_queries(
    owner_client, owner, django_assert_max_num_queries
):
    make_safety_plan(owner)
    owner_client.get("/help/")

    with django_assert_max_num_queries(6):
        owner_client.get("/help/")


def test_the_help_page_with_a_plan_in_spanish(owner_client, owner):
    make_safety_plan(owner)
    owner_client.post("/i18n/setlang/", {"language": "es"})

    page = owner_client.get("/help/").content.decode()

    assert "Tu plan de seguridad" in page
    assert "Personas a las que puedo pedir ayuda" in page


@pytest.fixture
def database_unreachable():
    # As tests/reliability does: every attempt to reach the database fails.
    with mock.patch.object(
        BaseDatabaseWrapper,
        "ensure_connection",
        side_effect=OperationalError("could not connect to server"),
    ):
        yield


def test_signed_in_help_still_shows_the_crisis_lines_with_the_database_down(
    owner, database_unreachable
):
    client = Client(raise_request_exception=False)
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection"):
        client.force_login(owner)

    response = client.get("/help/")

    page = response.content.decode()
    assert response.status_code == 503
    assert 'href="tel:988"' in page and 'href="tel:911"' in page
    assert "findahelpline.com" in page
    assert "Your safety plan can't be opened right now" in page
    assert "data-kept-plan" in page
    assert "Traceback" not in page


def test_a_visitors_help_page_needs_no_database(client, database_unreachable):
    response = client.get("/help/")

    assert response.status_code == 200
    assert 'href="tel:988"' in response.content.decode()
