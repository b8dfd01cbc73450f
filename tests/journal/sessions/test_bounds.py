"""How far back and ahead sessions may be set, and how many schedules may run."""

import datetime

import pytest
import time_machine

from accounts.models import Profile
from journal.models import SessionSchedule, TherapySession
from journal.sessions import dates
from journal.sessions.services import MAX_RUNNING_SCHEDULES, extend_all_schedules

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
# Monday 23 November 2026, 10:00 in New York.
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
TODAY = D(2026, 11, 23)
ZONE = "America/New_York"
# The most sessions one weekly schedule ever has made at once: its past weeks, the
# day itself and the weeks ahead.
MOST_MADE = dates.PAST_WEEKS + 1 + dates.HORIZON_WEEKS


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(autouse=True)
def new_york(owner):
    Profile.objects.filter(user=owner).update(time_zone=ZONE)


def set_sessions(client, **changes):
    data = {"repeats": "1", "on": "2026-11-26", "at": "17:00"}
    data.update(changes)
    return client.post("/journal/sessions/", data)


def running_schedules(owner, count):
    SessionSchedule.objects.bulk_create(
        SessionSchedule(
            owner=owner,
            starts_on=TODAY,
            at=datetime.time(17),
            time_zone=ZONE,
            made_until=TODAY,
        )
        for _ in range(count)
    )


def test_a_weekly_schedule_from_the_year_2000_is_refused_beside_the_date(
    owner_client,
):
    # The review's reproduction: this one request made 1,432 sessions.
    response = set_sessions(owner_client, repeats="1", on="2000-01-03")

    assert response.status_code == 200
    assert response.context["form"].errors["on"] == [
        "Choose a day no more than a year ago."
    ]
    assert 'value="2000-01-03"' in response.content.decode()
    assert not TherapySession.objects.exists()
    assert not SessionSchedule.objects.exists()


@pytest.mark.parametrize("repeats", ["once", "1", "2"])
@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2025-11-22", "Choose a day no more than a year ago."),
        ("2028-11-23", "Choose a day within the next two years."),
    ],
)
def test_a_day_beyond_the_bounds_is_refused_for_every_kind_of_session(
    owner_client, repeats, day, message
):
    response = set_sessions(owner_client, repeats=repeats, on=day)

    assert response.context["form"].errors["on"] == [message]
    assert not TherapySession.objects.exists()


@pytest.mark.parametrize("day", ["2025-11-23", "2028-11-22"])
def test_the_first_and_last_days_allowed_are_accepted(owner_client, day):
    response = set_sessions(owner_client, repeats="once", on=day)

    assert response.status_code == 302
    assert TherapySession.objects.count() == 1


def test_a_schedule_that_began_months_ago_makes_only_its_last_twelve_weeks(
    owner_client, owner
):
    # Thursday 27 November 2025: a year of Thursdays before today.
    set_sessions(owner_client, on="2025-11-27")

    sessions = TherapySession.objects.filter(owner=owner)
    first = sessions.first().starts_at.date()
    assert (
        TODAY - datetime.timedelta(weeks=12)
        <= first
        < TODAY - datetime.timedelta(weeks=11)
    )
    assert sessions.count() == 12 + 26  # the past twelve Thursdays, 26 to come
    assert SessionSchedule.objects.get().starts_on == D(2025, 11, 27)


def test_the_daily_job_never_fills_in_the_years_before_a_schedule_was_set(owner):
    # A schedule whose sessions were never made, as a crafted file could leave one.
    SessionSchedule.objects.create(
        owner=owner,
        starts_on=D(2000, 1, 3),
        at=datetime.time(17),
        time_zone=ZONE,
        made_until=D(2000, 1, 2),
    )

    made = extend_all_schedules(TODAY)

    assert made == TherapySession.objects.count()
    assert made <= MOST_MADE
    assert TherapySession.objects.earliest("starts_at").starts_at.date() >= (
        TODAY - datetime.timedelta(weeks=dates.PAST_WEEKS)
    )


def test_a_schedule_beyond_the_running_limit_is_refused_beside_how_often(
    owner_client, owner
):
    running_schedules(owner, MAX_RUNNING_SCHEDULES)

    response = set_sessions(owner_client)

    assert response.context["form"].errors["repeats"] == [
        "You have 10 repeating schedules already. Stop one before you add another."
    ]
    assert SessionSchedule.objects.count() == MAX_RUNNING_SCHEDULES


def test_a_one_off_is_still_taken_when_the_schedules_are_full(owner_client, owner):
    running_schedules(owner, MAX_RUNNING_SCHEDULES)

    response = set_sessions(owner_client, repeats="once")

    assert response.status_code == 302
    assert TherapySession.objects.filter(schedule=None).count() == 1


def test_a_stopped_schedule_does_not_count_toward_the_limit(owner_client, owner):
    running_schedules(owner, MAX_RUNNING_SCHEDULES)
    SessionSchedule.objects.filter(pk=SessionSchedule.objects.first().pk).update(
        ended_on=TODAY
    )

    response = set_sessions(owner_client)

    assert response.status_code == 302
    assert SessionSchedule.objects.filter(ended_on=None).count() == 10


def test_a_move_further_than_two_years_ahead_is_refused_beside_the_date(
    owner_client, owner
):
    session = TherapySession.objects.create(
        owner=owner, starts_at=NOW + datetime.timedelta(days=3), time_zone=ZONE
    )

    response = owner_client.post(
        f"/journal/sessions/{session.pk}/move/", {"on": "2029-01-01", "at": "17:00"}
    )

    assert response.context["form"].errors["on"] == [
        "Choose a day within the next two years."
    ]
    session.refresh_from_db()
    assert session.starts_at == NOW + datetime.timedelta(days=3)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"on": "2000-01-03"}, "Elige un día de hace un año como mucho."),
        ({}, "Ya tienes 10 calendarios que se repiten. Detén uno antes de añadir"),
    ],
)
def test_the_bounds_are_explained_in_spanish_too(owner_client, owner, changes, message):
    Profile.objects.filter(user=owner).update(language="es")
    running_schedules(owner, MAX_RUNNING_SCHEDULES)

    response = set_sessions(owner_client, **changes)

    assert message in response.content.decode()
