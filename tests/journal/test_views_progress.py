"""/journal/progress/: what it reads of the cache (journal/views/progress.py)."""

import datetime

import pytest

from accounts.choices import WeekStart
from accounts.models import Profile
from tests.cache_trips import cache_trips
from tests.factories import make_entry

pytestmark = pytest.mark.django_db


def test_progress_reads_its_kept_pieces_in_one_trip_to_the_cache(owner_client, owner):
    make_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    first = owner_client.get("/journal/progress/").content.decode()  # keeps them

    with cache_trips() as trips:
        again = owner_client.get("/journal/progress/").content.decode()

    # The session on its own; the coming session, "what works for me"'s figures
    # and the kept page, together.
    assert [key.startswith("django.contrib.sessions") for key in trips.alone] == [True]
    ((coming, works, page),) = trips.together
    assert "coming-session.v" in coming
    assert "what-works.v" in works
    assert "progress.v" in page
    assert again == first.replace(_token(first), _token(again)), (
        "the kept page is the page drawn"
    )


def test_a_week_starting_on_the_session_day_reads_the_kept_page_once_it_knows_it(
    owner_client, owner
):
    Profile.objects.filter(user=owner).update(week_start=WeekStart.SESSION)
    make_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    owner_client.get("/journal/progress/")

    with cache_trips() as trips:
        owner_client.get("/journal/progress/")

    # Where the week starts is among the coming session's facts: the kept page is
    # asked for after them, under that week start.
    assert len(trips.together) == 1 and len(trips.together[0]) == 2
    assert [key for key in trips.alone if "progress.v" in key]


def _token(page: str) -> str:
    return page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
