"""The shared page names the person as they chose for that link, never by username."""

import datetime
import re

import pytest
import time_machine
from django.test import Client

from accounts.models import Profile
from sharing.models import ShareLink
from tests.factories import make_user, sign_in

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
# Distinctive, so finding it anywhere in the page is never a coincidence.
USERNAME = "quokka-zephyr-8841"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(FIXED_NOW, tick=False):
        yield


@pytest.fixture
def sharer_client(client):
    user = make_user(USERNAME, display_name="Sam R.")
    return sign_in(client, user)


def create_link(client, **overrides) -> str:
    data = {"weeks": "4", "expires_in_days": "30"}
    data.update(overrides)
    response = client.post("/journal/sharing/", data)
    return re.search(r"/share/[A-Za-z0-9_-]+/", response.content.decode()).group(0)


def test_sharing_form_offers_the_profile_name_as_the_name_to_show(sharer_client):
    response = sharer_client.get("/journal/sharing/")

    field = response.context["form"]["display_name"]
    assert field.label == "Name your therapist will see"
    assert field.value() == "Sam R."
    assert "You can leave this blank" in response.content.decode()


def test_the_chosen_name_is_saved_on_the_link(sharer_client):
    create_link(sharer_client, display_name="Sam")

    assert ShareLink.objects.get().display_name == "Sam"


def test_a_name_longer_than_60_characters_is_refused(sharer_client):
    response = sharer_client.post(
        "/journal/sharing/",
        {"weeks": "4", "expires_in_days": "30", "display_name": "S" * 61},
    )

    assert response.context["form"].errors["display_name"]
    assert not ShareLink.objects.exists()


def test_shared_page_shows_the_name_chosen_for_the_link(sharer_client):
    url = create_link(sharer_client, display_name="Sam from Tuesday group")

    html = Client().get(url).content.decode()

    assert "Weekly summaries from Sam from Tuesday group" in html


def test_shared_page_never_shows_the_username_even_with_no_name_at_all(client):
    sign_in(client, make_user(USERNAME))
    url = create_link(client)

    html = Client().get(url).content.decode()

    assert USERNAME not in html


def test_shared_page_without_a_name_speaks_of_someone_you_work_with(sharer_client):
    url = create_link(sharer_client, display_name="")

    html = Client().get(url).content.decode()

    assert "Weekly summaries from someone you work with" in html
    assert USERNAME not in html
    assert "Sam R." not in html


def test_changing_the_profile_name_later_leaves_the_link_name_alone(sharer_client):
    url = create_link(sharer_client, display_name="Sam")
    Profile.objects.update(display_name="Samantha Rivers")

    html = Client().get(url).content.decode()

    assert "Weekly summaries from Sam" in html
    assert "Samantha Rivers" not in html
