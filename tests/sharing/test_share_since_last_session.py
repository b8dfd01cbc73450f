"""A share link "since the last session": an opt-in that rolls on as sessions pass."""

import datetime
import re

import pytest
import time_machine
from django.test import Client

from journal.models import TalkPoint, TherapySession
from sharing.models import ShareLink
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=UTC)  # Saturday


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def make_rolling_link(client, **overrides):
    data = {
        "weeks": "session",
        "understands_rolling": "on",
        "expires_in_days": "30",
        **overrides,
    }
    response = client.post("/journal/sharing/", data)
    found = re.search(r"/share/[A-Za-z0-9_-]+/", response.content.decode())
    return response, found.group(0) if found else None


def session(owner, when):
    return TherapySession.objects.create(owner=owner, starts_at=when, time_zone="UTC")


def test_the_form_says_plainly_that_such_a_link_keeps_updating(owner_client):
    html = owner_client.get("/journal/sharing/").content.decode()

    assert "Since my last session (keeps updating)" in html
    assert "it keeps showing what you write next" in html


def test_the_rolling_link_needs_a_clear_yes(owner_client, owner):
    response, url = make_rolling_link(owner_client, understands_rolling="")

    assert url is None
    assert "Tick this box" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_a_rolling_link_is_saved_with_notes_off_by_default(owner_client, owner):
    _response, url = make_rolling_link(owner_client)

    link = ShareLink.objects.get(owner=owner)
    assert url is not None
    assert link.is_since_last_session and link.weeks is None
    assert link.include_notes is False
    listing = owner_client.get("/journal/sharing/").content.decode()
    assert "Since your last session (keeps updating)" in listing


def test_fixed_links_still_refuse_other_week_counts(owner_client):
    response, url = make_rolling_link(owner_client, weeks="6")

    assert url is None
    assert "Choose one of the options shown." in response.content.decode()


def test_the_rolling_link_shows_what_was_written_after_it_was_made(
    owner_client, owner, frozen_clock
):
    session(owner, datetime.datetime(2026, 11, 19, 17, 0, tzinfo=UTC))
    _response, url = make_rolling_link(owner_client, include_notes="on")

    frozen_clock.move_to(datetime.datetime(2026, 11, 24, 12, 0, tzinfo=UTC))
    make_entry(owner, practiced_on=D(2026, 11, 24), note="Written after the link")
    page = Client().get(url).content.decode()

    assert "Written after the link" in page
    assert "From the session on Thursday 19 November, 17:00" in page


def test_the_rolling_link_moves_on_after_a_session_passes(
    owner_client, owner, frozen_clock
):
    session(owner, datetime.datetime(2026, 11, 19, 17, 0, tzinfo=UTC))
    session(owner, datetime.datetime(2026, 11, 26, 17, 0, tzinfo=UTC))
    make_entry(owner, practiced_on=D(2026, 11, 21), note="Before the second")
    _response, url = make_rolling_link(owner_client, include_notes="on")
    before = Client().get(url).content.decode()

    frozen_clock.move_to(datetime.datetime(2026, 11, 27, 9, 0, tzinfo=UTC))
    make_entry(owner, practiced_on=D(2026, 11, 27), note="After the second")
    after = Client().get(url).content.decode()

    assert "Before the second" in before
    assert "Before the second" not in after
    assert "After the second" in after
    assert "Thursday 26 November, 17:00" in after


def test_without_notes_the_rolling_link_shows_only_figures(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 20), note="Private words")
    TalkPoint.objects.create(owner=owner, text="Private talk point")
    _response, url = make_rolling_link(owner_client)

    page = Client().get(url).content.decode()

    assert "Practiced on 1 of 7 days." in page
    assert "Private words" not in page
    assert "Private talk point" not in page
    assert "Only the figures are shared here" in page


def test_a_revoked_rolling_link_is_a_404_like_any_other(owner_client, owner):
    _response, url = make_rolling_link(owner_client)
    link = ShareLink.objects.get(owner=owner)

    owner_client.post(f"/journal/sharing/{link.pk}/revoke/")

    assert Client().get(url).status_code == 404
