"""Behavioral activation: a plan, due on Today, done ("I did it") or let go."""

import datetime
import re
import uuid

import pytest
import time_machine

from journal.models import ActivityPlan, Entry
from tests.factories import make_plan

pytestmark = pytest.mark.django_db

D = datetime.date
NOW = datetime.datetime(2026, 11, 20, 18, 0, tzinfo=datetime.UTC)
PAGE = "/journal/exercises/behavioral-activation/"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def plan_url(plan) -> str:
    return f"{PAGE}plans/{plan.pk}/"


def error_of(response, field: str) -> str:
    html = response.content.decode()
    found = re.search(
        rf'id="error_\d+_id_{field}"[^>]*>\s*<strong>(.*?)</strong>', html
    ) or re.search(rf'id="id_{field}_error"[^>]*>\s*<p[^>]*>(.*?)</p>', html)
    return found.group(1) if found else ""


def plan_data(**changes):
    data = {
        "uuid": str(uuid.uuid4()),
        "activity": "A ten-minute walk",
        "planned_on": "2026-11-20",
        "planned_at": "17:30",
        "expected": "3",
    }
    data.update(changes)
    return data


# --- planning -----------------------------------------------------------------------


def test_a_plan_is_saved_not_yet_an_entry(owner_client, owner):
    response = owner_client.post(PAGE, plan_data())

    assert response.status_code == 302
    plan = ActivityPlan.objects.get(owner=owner)
    assert (plan.activity, plan.planned_on, plan.planned_at, plan.expected) == (
        "A ten-minute walk",
        D(2026, 11, 20),
        datetime.time(17, 30),
        3,
    )
    assert plan.status == "open"
    assert not Entry.objects.exists()


def test_the_time_is_optional(owner_client, owner):
    owner_client.post(PAGE, plan_data(planned_at=""))

    assert ActivityPlan.objects.get(owner=owner).planned_at is None


def test_the_same_plan_sent_twice_is_one_plan(owner_client, owner):
    data = plan_data()

    owner_client.post(PAGE, data)
    owner_client.post(PAGE, data)

    assert ActivityPlan.objects.filter(owner=owner).count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("planned_on", "2026-11-19", "Choose today or a day ahead."),
        ("planned_on", "2028-01-01", "within the next year"),
        ("planned_on", "soon", "Use a date like"),
        ("planned_at", "25:00", "Use a time like 17:30."),
        ("expected", "11", "Use a number from 0 to 10."),
        ("expected", "", "Please answer this one."),
        ("activity", "A" * 201, "Please keep this to 200"),
        ("activity", "walk\x00", "Something invisible"),
        ("activity", "", "Please answer this one."),
    ],
)
def test_a_bad_plan_is_explained_beside_its_field_and_not_saved(
    owner_client, field, value, message
):
    response = owner_client.post(PAGE, plan_data(**{field: value}))

    assert response.status_code == 200
    assert message in error_of(response, field)
    assert not ActivityPlan.objects.exists()


def test_the_plan_page_lists_open_plans_with_both_answers(owner_client, owner):
    make_plan(owner, activity="Call Ana", planned_on=D(2026, 11, 22))

    html = owner_client.get(PAGE).content.decode()

    assert "Call Ana" in html
    assert "I did it" in html and "Not this time" in html


# --- due on Today -------------------------------------------------------------------


def test_a_plan_for_today_shows_on_today(owner_client, owner):
    make_plan(owner, activity="Water the plants", planned_on=D(2026, 11, 20))

    html = owner_client.get("/journal/").content.decode()

    assert "Water the plants" in html
    assert "expected to feel 3/10" in html


def test_a_plan_left_from_an_earlier_day_still_shows(owner_client, owner):
    make_plan(owner, activity="Tidy one shelf", planned_on=D(2026, 11, 17))

    assert "Tidy one shelf" in owner_client.get("/journal/").content.decode()


def test_a_plan_for_tomorrow_waits_for_its_day(owner_client, owner):
    make_plan(owner, activity="Swim", planned_on=D(2026, 11, 21))

    assert "Swim" not in owner_client.get("/journal/").content.decode()


def test_today_follows_the_persons_time_zone(owner_client, owner):
    from accounts.models import Profile

    Profile.objects.filter(user=owner).update(time_zone="Pacific/Auckland")
    make_plan(owner, activity="Early swim", planned_on=D(2026, 11, 21))

    # 18:00 UTC on the 20th is already the 21st in Auckland.
    assert "Early swim" in owner_client.get("/journal/").content.decode()


def test_another_persons_plan_never_shows_on_today(owner_client, other_user):
    make_plan(other_user, activity="Someone else's walk")

    assert "Someone else" not in owner_client.get("/journal/").content.decode()


# --- "I did it" ---------------------------------------------------------------------


def test_i_did_it_saves_the_entry_with_expected_and_actual(owner_client, owner):
    plan = make_plan(owner, expected=3, planned_at=datetime.time(17, 30))

    response = owner_client.post(
        plan_url(plan),
        {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"},
    )

    assert response.status_code == 302
    entry = Entry.objects.get(owner=owner)
    plan.refresh_from_db()
    assert plan.status == "done" and plan.entry == entry and plan.closed_at == NOW
    assert entry.skill == "behavioral-activation"
    assert entry.exercise == "activity-plan"
    assert entry.answers == {
        "activity": "A ten-minute walk round the block",
        "planned_on": "2026-11-20",
        "planned_at": "17:30",
        "expected": 3,
        "actual": 7,
        "achievement": 6,
    }
    assert "Expected to feel: 3/10" in entry.note
    assert "Actually felt: 7/10" in entry.note


def test_the_done_plan_leaves_today_and_its_entry_shows_side_by_side(
    owner_client, owner
):
    plan = make_plan(owner, expected=3)
    owner_client.post(
        plan_url(plan),
        {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"},
    )

    html = owner_client.get("/journal/").content.decode()

    assert "I did it" not in html
    assert "Expected to feel" in html and "Actually felt" in html
    assert "answer-compare" in html


def test_i_did_it_twice_is_one_entry(owner_client, owner):
    plan = make_plan(owner)
    data = {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"}

    owner_client.post(plan_url(plan), data)
    second = owner_client.post(plan_url(plan), data)

    assert second.status_code == 302
    assert Entry.objects.filter(owner=owner).count() == 1


def test_a_done_plan_opens_its_entry(owner_client, owner):
    plan = make_plan(owner)
    owner_client.post(
        plan_url(plan),
        {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"},
    )

    response = owner_client.get(plan_url(plan))

    assert response["Location"] == f"/journal/entries/{Entry.objects.get().pk}/edit/"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("actual", "", "Please answer this one."),
        ("actual", "11", "Use a number from 0 to 10."),
        ("achievement", "-3", "Use a number from 0 to 10."),
        ("achievement", "lots", "Use a whole number"),
        ("practiced_on", "2026-11-21", "hasn&#x27;t happened yet"),
    ],
)
def test_a_bad_outcome_is_explained_and_the_plan_stays_open(
    owner_client, owner, field, value, message
):
    plan = make_plan(owner)
    data = {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"}
    data[field] = value

    response = owner_client.post(plan_url(plan), data)

    plan.refresh_from_db()
    assert message in error_of(response, field)
    assert plan.status == "open"
    assert not Entry.objects.exists()


def test_the_outcome_form_suggests_the_planned_day(owner_client, owner):
    plan = make_plan(owner, planned_on=D(2026, 11, 18))

    html = owner_client.get(plan_url(plan)).content.decode()

    assert 'value="2026-11-18"' in html


# --- "Not this time" ----------------------------------------------------------------


def test_not_this_time_closes_the_plan_without_an_entry(owner_client, owner):
    plan = make_plan(owner)

    response = owner_client.post(f"{plan_url(plan)}not-this-time/")

    plan.refresh_from_db()
    assert response.status_code == 302
    assert plan.status == "not-this-time" and plan.closed_at == NOW
    assert not Entry.objects.exists()
    html = owner_client.get("/journal/").content.decode()
    assert "A ten-minute walk" not in html
    assert "That&#x27;s okay" in html


def test_not_this_time_after_i_did_it_changes_nothing(owner_client, owner):
    plan = make_plan(owner)
    owner_client.post(
        plan_url(plan),
        {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"},
    )

    owner_client.post(f"{plan_url(plan)}not-this-time/")

    plan.refresh_from_db()
    assert plan.status == "done"


def test_not_this_time_needs_a_post(owner_client, owner):
    plan = make_plan(owner)

    assert owner_client.get(f"{plan_url(plan)}not-this-time/").status_code == 405


def test_a_visitor_is_sent_to_log_in(client, owner):
    plan = make_plan(owner)

    response = client.get(plan_url(plan))

    assert response["Location"].startswith("/accounts/login/?next=")


def test_another_persons_plan_is_a_404(owner_client, other_user):
    plan = make_plan(other_user)

    assert owner_client.get(plan_url(plan)).status_code == 404
    assert owner_client.post(f"{plan_url(plan)}not-this-time/").status_code == 404
    plan.refresh_from_db()
    assert plan.status == "open"


# --- erased with the account (export and import: tests/portability/) --------------


def test_erasing_the_account_erases_its_plans(owner):
    from accounts.erasure import erase_account

    make_plan(owner)

    erase_account(owner)

    assert not ActivityPlan.objects.exists()
