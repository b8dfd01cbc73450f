"""The writes behind the star button and the talk list, called as the views call them."""

import datetime

import pytest

from journal.models import SessionStar, TalkPoint, TherapySession
from journal.sessions import services
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
ZONE = "America/New_York"


@pytest.fixture
def coming(owner):
    return TherapySession.objects.create(
        owner=owner, starts_at=NOW + datetime.timedelta(days=3), time_zone=ZONE
    )


def texts(owner):
    return list(
        TalkPoint.objects.filter(owner=owner)
        .order_by("position")
        .values_list("text", flat=True)
    )


def test_a_star_is_for_the_coming_session(owner, coming):
    entry = make_entry(owner)

    is_starred = services.toggle_star(owner, entry, NOW)

    assert is_starred
    assert SessionStar.objects.get(entry=entry).session == coming


def test_a_second_star_takes_the_first_back(owner, coming):
    entry = make_entry(owner)
    services.toggle_star(owner, entry, NOW)

    is_starred = services.toggle_star(owner, entry, NOW)

    assert not is_starred
    assert not SessionStar.objects.exists()


def test_a_star_made_with_no_session_set_waits_for_one(owner):
    entry = make_entry(owner)

    services.toggle_star(owner, entry, NOW)

    assert SessionStar.objects.get(entry=entry).session is None


def test_talk_points_join_the_end_of_the_coming_sessions_list(owner, coming):
    services.add_talk_point(owner, "Sleep", NOW)

    point = services.add_talk_point(owner, "Work", NOW)

    assert point.session == coming and point.position == 1
    assert texts(owner) == ["Sleep", "Work"]


def test_a_talk_point_moves_down_past_its_neighbour(owner, coming):
    sleep = services.add_talk_point(owner, "Sleep", NOW)
    services.add_talk_point(owner, "Work", NOW)

    services.change_talk_point(sleep, "down")

    assert texts(owner) == ["Work", "Sleep"]


@pytest.mark.parametrize(("text", "action"), [("Sleep", "up"), ("Work", "down")])
def test_a_talk_point_at_the_end_of_its_list_stays_there(owner, coming, text, action):
    points = {p: services.add_talk_point(owner, p, NOW) for p in ("Sleep", "Work")}

    services.change_talk_point(points[text], action)

    assert texts(owner) == ["Sleep", "Work"]


def test_ticking_a_talk_point_twice_unticks_it(owner, coming):
    point = services.add_talk_point(owner, "Sleep", NOW)

    services.change_talk_point(point, "done")
    ticked = TalkPoint.objects.get().is_done
    services.change_talk_point(point, "done")

    assert ticked and not TalkPoint.objects.get().is_done


def test_a_removed_talk_point_is_gone(owner, coming):
    point = services.add_talk_point(owner, "Sleep", NOW)

    services.change_talk_point(point, "delete")

    assert not TalkPoint.objects.exists()


def test_an_unknown_talk_action_is_refused(owner, coming):
    point = services.add_talk_point(owner, "Sleep", NOW)

    with pytest.raises(ValueError, match="rename"):
        services.change_talk_point(point, "rename")
