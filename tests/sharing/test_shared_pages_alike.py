"""Both kinds of shared page (fixed weeks, "since my last session") show the same
few fields of an entry, and give the therapist's browser no cookie at all."""

import datetime

import pytest
import time_machine
from django.test import Client

from journal.models import SessionStar, TalkPoint, TherapySession
from tests.factories import make_entry, make_share_link

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=UTC)  # Saturday

KINDS = {
    "weeks": {},
    "since-last-session": {"weeks": None, "is_since_last_session": True},
}


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def full_journal(owner):
    """A session, an entry with every rating written at a time of day, a star on
    it, and a talk point: everything either page could draw."""
    TherapySession.objects.create(
        owner=owner,
        starts_at=datetime.datetime(2026, 11, 16, 17, 0, tzinfo=UTC),
        time_zone="UTC",
    )
    entry = make_entry(
        owner,
        practiced_on=datetime.date(2026, 11, 20),
        situation="A hard phone call",
        note="Shared words",
        distress_before=7,
        distress_after=3,
        helpfulness=4,
    )
    SessionStar.objects.create(entry=entry, session=None)
    TalkPoint.objects.create(owner=owner, text="Talk about sleep")
    return entry


def shared_page(owner, kind, include_notes):
    _link, url = make_share_link(owner, NOW, include_notes=include_notes, **KINDS[kind])
    reader = Client()
    return reader, reader.get(url)


@pytest.mark.parametrize("include_notes", [True, False], ids=["notes", "figures"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_shared_page_sets_no_cookie(owner, full_journal, kind, include_notes):
    reader, response = shared_page(owner, kind, include_notes)

    assert response.status_code == 200
    assert not response.cookies
    assert "Set-Cookie" not in response.serialize_headers().decode()
    assert not reader.cookies


@pytest.mark.parametrize("kind", KINDS)
def test_a_shared_page_shows_the_note_situation_and_distress(owner, full_journal, kind):
    _reader, response = shared_page(owner, kind, include_notes=True)

    html = response.content.decode()
    assert "Shared words" in html
    assert "A hard phone call" in html
    assert "Distress: 7 → 3" in html


@pytest.mark.parametrize("kind", KINDS)
def test_a_shared_page_hides_entry_ids_times_of_day_and_helpfulness(
    owner, full_journal, kind
):
    _reader, response = shared_page(owner, kind, include_notes=True)

    html = response.content.decode()
    assert f"entry-{full_journal.pk}" not in html
    assert f"/entries/{full_journal.pk}/" not in html
    assert "<time" not in html
    assert "12:00" not in html
    assert "helped 4/5" not in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize("kind", KINDS)
def test_a_shared_page_never_shows_talk_points(owner, full_journal, kind):
    _reader, response = shared_page(owner, kind, include_notes=True)

    assert "Talk about sleep" not in response.content.decode()


def test_the_since_last_session_page_still_lists_the_starred_entry(owner, full_journal):
    _reader, response = shared_page(owner, "since-last-session", include_notes=True)

    starred = response.content.decode().split("Starred to bring up", 1)[1]
    assert "Shared words" in starred.split("Notes, newest first", 1)[0]
