"""/journal/practice-plan/: write the plan, change it, start again from the last,
and a missed day's reason in one tap."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journal.models import PracticeItem, PracticeMiss, PracticePlan, TherapySession
from journal.practice import services
from journal.practice.goals import PlanSpan
from journal.rest_days import services as rest_days
from tests.factories import make_entry
from tests.journal.practice.helpers import (
    MONDAY,
    NOW,
    item,
    make_practice_plan,
    posted_items,
)

pytestmark = pytest.mark.django_db

D = datetime.date
PLAN = "/journal/practice-plan/"
NEW = "/journal/practice-plan/new/"
EDIT = "/journal/practice-plan/edit/"
AGAIN = "/journal/practice-plan/again/"
MISSED = "/journal/practice-plan/missed/"

TWO_ITEMS = posted_items(
    {"family": "distress-tolerance", "technique": "paced-breathing", "times": "4"},
    {"text": "Evening walk", "each_day": "on", "why": "Clears my head"},
)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


# --- writing a plan ---------------------------------------------------------------


def test_a_two_item_plan_is_written_for_this_week(owner_client, owner):
    response = owner_client.post(NEW, TWO_ITEMS)

    assert response.status_code == 302 and response["Location"] == PLAN
    plan = PracticePlan.objects.get(owner=owner)
    assert (plan.starts_on, plan.ends_on) == (MONDAY, D(2026, 11, 29))
    breathing, walk = plan.items.all()
    assert (breathing.technique, breathing.family, breathing.times) == (
        "paced-breathing",
        "distress-tolerance",
        4,
    )
    assert (walk.text, walk.each_day, walk.times, walk.why) == (
        "Evening walk",
        True,
        None,
        "Clears my head",
    )


def test_a_plan_runs_until_the_next_session(owner_client, owner):
    for day in (D(2026, 11, 24), D(2026, 12, 8)):
        TherapySession.objects.create(
            owner=owner,
            starts_at=datetime.datetime.combine(
                day, datetime.time(17), tzinfo=datetime.UTC
            ),
            time_zone="UTC",
        )

    owner_client.post(NEW, TWO_ITEMS)
    page = owner_client.get(PLAN).content.decode()

    plan = PracticePlan.objects.get(owner=owner)
    assert (plan.starts_on, plan.ends_on) == (D(2026, 11, 24), D(2026, 12, 7))
    assert plan.session.starts_at.date() == D(2026, 12, 8)
    assert "Paced breathing: 0 of 8 times since your session" in page


def test_the_plan_page_shows_each_item_against_its_goal(owner_client, owner):
    make_practice_plan(owner, item(why="It calms my chest"))

    page = owner_client.get(PLAN).content.decode()

    assert "Paced breathing: 0 of 4 times this week" in page
    assert "It calms my chest" in page


def test_the_plan_page_asks_a_visitor_to_log_in(client):
    response = client.get(PLAN)

    assert response.status_code == 302 and response["Location"].startswith(
        "/accounts/login/"
    )


def test_the_plan_page_refuses_a_post(owner_client):
    assert owner_client.post(PLAN).status_code == 405


def test_another_persons_plan_never_shows(owner_client, other_user):
    make_practice_plan(other_user, item(why="Their reason"))

    page = owner_client.get(PLAN).content.decode()

    assert "Their reason" not in page and "Write my plan" in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"times": "4"}, "family", "Choose a skill, or write what you agreed"),
        ({"family": "communication"}, "times", "Say how many times a week"),
        ({"family": "communication", "times": "40"}, "times", "from 1 to 14"),
        ({"text": "x" * 81, "times": "2"}, "text", "Please keep this to 80"),
        (
            {"family": "communication", "technique": "tipp", "times": "2"},
            "technique",
            "TIPP is a named skill of Distress tolerance",
        ),
    ],
)
def test_a_mistake_is_said_beside_its_field_and_nothing_is_saved(
    owner_client, owner, fields, field, message
):
    response = owner_client.post(NEW, posted_items(fields))

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert f'id="error_1_id_items-0-{field}"' in page
    assert not PracticePlan.objects.filter(owner=owner).exists()


def test_what_was_typed_stays_after_a_mistake(owner_client):
    page = owner_client.post(
        NEW, posted_items({"text": "Evening walk", "why": "Clears my head"})
    ).content.decode()

    assert 'value="Evening walk"' in page and "Clears my head" in page


def test_a_blank_plan_asks_for_one_item(owner_client, owner):
    response = owner_client.post(NEW, posted_items())

    assert (
        "Write at least one thing you agreed to practice." in response.content.decode()
    )
    assert not PracticePlan.objects.exists()


def test_a_sixth_item_is_refused(owner_client, owner):
    data = posted_items(*[{"family": "communication", "times": "1"}] * 6)
    data["items-TOTAL_FORMS"] = "6"

    response = owner_client.post(NEW, data)

    assert response.status_code == 400
    assert not PracticePlan.objects.exists()


def test_a_new_plan_page_with_a_plan_goes_to_changing_it(owner_client, owner):
    make_practice_plan(owner)

    assert owner_client.get(NEW)["Location"] == EDIT


def test_the_new_plan_page_asks_a_visitor_to_log_in(client):
    assert client.get(NEW)["Location"].startswith("/accounts/login/")


def test_the_new_plan_page_refuses_a_put(owner_client):
    assert owner_client.put(NEW).status_code == 405


# --- changing it -------------------------------------------------------------------


def edit_data(plan, *items):
    data = posted_items(*items)
    data["items-INITIAL_FORMS"] = str(plan.items.count())
    return data


def test_an_item_is_changed_and_one_removed(owner_client, owner):
    plan = make_practice_plan(owner, item(), item(technique="", family="communication"))
    first = plan.items.first()

    response = owner_client.post(
        EDIT,
        edit_data(
            plan,
            {
                "family": "distress-tolerance",
                "technique": "paced-breathing",
                "times": "6",
            },
            {},
        ),
    )

    assert response.status_code == 302
    kept = PracticeItem.objects.get(plan=plan)
    assert kept.pk == first.pk and kept.times == 6


def test_the_edit_page_shows_the_plan_as_it_is(owner_client, owner):
    make_practice_plan(owner, item(obstacle="Rushing out"))

    page = owner_client.get(EDIT).content.decode()

    assert "Rushing out" in page and 'value="4"' in page


def test_editing_without_a_plan_goes_to_writing_one(owner_client):
    assert owner_client.get(EDIT)["Location"] == NEW


def test_another_persons_plan_is_never_edited(owner_client, other_user):
    plan = make_practice_plan(other_user)

    owner_client.post(EDIT, edit_data(plan, {"family": "communication", "times": "1"}))

    assert plan.items.get().family == "distress-tolerance"


def test_the_edit_page_asks_a_visitor_to_log_in(client):
    assert client.get(EDIT)["Location"].startswith("/accounts/login/")


def test_the_edit_page_refuses_a_delete(owner_client):
    assert owner_client.delete(EDIT).status_code == 405


# --- starting again from the last plan ------------------------------------------


def last_weeks_plan(owner):
    last_monday = MONDAY - datetime.timedelta(days=7)
    return make_practice_plan(
        owner,
        item(why="Calms me"),
        item(family="", technique="", text="Walk", times=3),
        span=PlanSpan(last_monday, MONDAY - datetime.timedelta(days=1)),
    )


def test_the_next_plan_starts_from_the_last_in_one_tap(owner_client, owner):
    last_weeks_plan(owner)

    response = owner_client.post(AGAIN)

    assert response.status_code == 302
    plan = PracticePlan.objects.get(owner=owner, starts_on=MONDAY)
    assert [(i.technique, i.text, i.why) for i in plan.items.all()] == [
        ("paced-breathing", "", "Calms me"),
        ("", "Walk", ""),
    ]


def test_the_page_offers_the_last_plan_when_this_span_has_none(owner_client, owner):
    last_weeks_plan(owner)

    page = owner_client.get(PLAN).content.decode()

    assert "Start from my last plan" in page


def test_starting_again_with_a_plan_changes_nothing(owner_client, owner):
    make_practice_plan(owner)

    response = owner_client.post(AGAIN)

    assert response["Location"] == EDIT
    assert PracticePlan.objects.count() == 1


def test_starting_again_never_copies_another_persons_plan(
    owner_client, other_user, owner
):
    last_weeks_plan(other_user)

    response = owner_client.post(AGAIN)

    assert response["Location"] == NEW
    assert not PracticePlan.objects.filter(owner=owner).exists()


def test_starting_again_asks_a_visitor_to_log_in(client):
    assert client.post(AGAIN)["Location"].startswith("/accounts/login/")


def test_starting_again_refuses_a_get(owner_client):
    assert owner_client.get(AGAIN).status_code == 405


# --- missed days ---------------------------------------------------------------------


def test_a_missed_day_gets_a_reason_in_one_tap(owner_client, owner):
    plan = make_practice_plan(owner)

    response = owner_client.post(MISSED, {"day": "2026-11-24", "reason": "no-time"})

    assert response.status_code == 302
    miss = PracticeMiss.objects.get(plan=plan)
    assert (miss.day, miss.reason) == (D(2026, 11, 24), "no-time")


def test_the_plan_page_offers_the_reasons_for_days_without_practice(
    owner_client, owner
):
    make_practice_plan(owner)

    page = owner_client.get(PLAN).content.decode()

    assert "Monday 23 November" in page and "Tuesday 24 November" in page
    for words in (
        "No time",
        "Forgot",
        "Didn’t feel up to it",
        "It didn’t fit the day",
        "Something else",
    ):
        assert words in page


def test_a_rest_day_never_asks_for_a_reason(owner_client, owner):
    make_practice_plan(owner)
    rest_days.mark(owner, D(2026, 11, 24), D(2026, 11, 24))

    page = owner_client.get(PLAN).content.decode()
    response = owner_client.post(MISSED, {"day": "2026-11-24", "reason": "forgot"})

    assert "Tuesday 24 November" not in page
    assert response.status_code == 400
    assert not PracticeMiss.objects.exists()


def test_a_reason_can_be_taken_back(owner_client, owner):
    make_practice_plan(owner)
    owner_client.post(MISSED, {"day": "2026-11-24", "reason": "forgot"})

    owner_client.post(MISSED, {"day": "2026-11-24", "reason": ""})

    assert not PracticeMiss.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"day": "2026-11-30", "reason": "forgot"},
        {"day": "2026-11-01", "reason": "forgot"},
        {"day": "not a day", "reason": "forgot"},
        {"day": "2026-11-24", "reason": "lazy"},
    ],
)
def test_a_day_outside_the_plan_or_an_unknown_reason_is_refused(
    owner_client, owner, data
):
    make_practice_plan(owner)

    response = owner_client.post(MISSED, data)

    assert response.status_code == 400
    assert not PracticeMiss.objects.exists()


def test_a_reason_without_a_plan_is_a_404(owner_client, other_user):
    make_practice_plan(other_user)

    response = owner_client.post(MISSED, {"day": "2026-11-24", "reason": "forgot"})

    assert response.status_code == 404
    assert not PracticeMiss.objects.exists()


def test_a_reason_asks_a_visitor_to_log_in(client):
    assert client.post(MISSED)["Location"].startswith("/accounts/login/")


def test_a_reason_refuses_a_get(owner_client):
    assert owner_client.get(MISSED).status_code == 405


def test_a_reason_given_shows_pressed_and_can_be_taken_back(owner_client, owner):
    plan = make_practice_plan(owner)
    services.set_missed_reason(plan, D(2026, 11, 23), "forgot")

    page = owner_client.get(PLAN).content.decode()
    days = page.split('<li class="missed-day')[1:]
    monday = next(day for day in days if 'value="2026-11-23"' in day)
    tuesday = next(day for day in days if 'value="2026-11-24"' in day)

    assert "Monday 23 November" in monday and "csrfmiddlewaretoken" in monday
    assert 'value="forgot" class="btn btn-sm btn-primary" aria-pressed="true"' in monday
    assert monday.count('aria-pressed="false"') == 4
    assert 'value="" class="btn btn-sm btn-link">Take it back' in monday
    assert 'aria-pressed="true"' not in tuesday and "Take it back" not in tuesday


def test_the_words_for_missed_days_never_scold(owner_client, owner):
    make_practice_plan(owner)

    page = owner_client.get(PLAN).content.decode().lower()
    main = page[page.index("<main") : page.index("</main>")]

    for word in ("failed", "missed your", "should have", "lazy", "broke"):
        assert word not in main


# --- ticking a free-text item --------------------------------------------------------


def test_another_persons_item_cannot_be_ticked(owner_client, other_user):
    plan = make_practice_plan(other_user, item(family="", technique="", text="Walk"))

    response = owner_client.post(
        f"/journal/practice-plan/items/{plan.items.get().uuid}/tick/"
    )

    assert response.status_code == 404


def test_an_item_counted_from_the_journal_is_never_ticked(owner_client, owner):
    plan = make_practice_plan(owner, item())

    response = owner_client.post(
        f"/journal/practice-plan/items/{plan.items.get().uuid}/tick/"
    )

    assert response.status_code == 404


def test_ticking_asks_a_visitor_to_log_in(client, owner):
    plan = make_practice_plan(owner, item(family="", technique="", text="Walk"))

    response = client.post(
        f"/journal/practice-plan/items/{plan.items.get().uuid}/tick/"
    )

    assert response["Location"].startswith("/accounts/login/")


def test_ticking_refuses_a_get(owner_client, owner):
    plan = make_practice_plan(owner, item(family="", technique="", text="Walk"))

    response = owner_client.get(
        f"/journal/practice-plan/items/{plan.items.get().uuid}/tick/"
    )

    assert response.status_code == 405


def test_the_plan_page_costs_the_same_whatever_the_plan_and_history(
    owner_client, owner
):
    plan = make_practice_plan(owner, item())
    owner_client.get(PLAN)
    with CaptureQueriesContext(connection) as small:
        owner_client.get(PLAN)
    services.change_items(plan, [item(technique="", family="communication")] * 5)
    for day in (23, 24, 25):
        make_entry(owner, practiced_on=D(2026, 11, day), skill="communication")
    services.set_missed_reason(plan, D(2026, 11, 23), "forgot")
    owner_client.get(PLAN)

    with CaptureQueriesContext(connection) as large:
        owner_client.get(PLAN)

    assert len(large.captured_queries) == len(small.captured_queries)
