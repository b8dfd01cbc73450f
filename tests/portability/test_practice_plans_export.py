"""Practice plans in the export (version 6) and back in: items, ticks, missed days."""

import datetime
from unittest import mock

import pytest
from django.test import Client
from django.utils import timezone

from journal.models import PracticeItem, PracticeMiss, PracticePlan, PracticeTick
from journal.practice import services
from journal.practice.goals import PlanSpan
from tests.factories import make_named_skill, make_user, sign_in
from tests.journal.practice.helpers import WEEK, item, make_practice_plan
from tests.portability.test_export_import import export_json, upload

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime.datetime(2026, 11, 25, 12, 0, tzinfo=datetime.UTC)
D = datetime.date


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def full_plan(owner):
    own = make_named_skill(owner, name="Cold can")
    plan = make_practice_plan(
        owner,
        item(why="Calms me", obstacle="Rushing", then="Stairs"),
        item(technique="", named_skill=own, times=2),
        item(family="", technique="", text="Evening walk", times=None, each_day=True),
    )
    services.tick(plan.items.get(position=2), D(2026, 11, 24))
    services.set_missed_reason(plan, D(2026, 11, 23), "no-time")
    return plan, own


def test_the_json_carries_plans_items_ticks_and_reasons(owner_client, owner):
    plan, own = full_plan(owner)

    document = export_json(owner_client)

    (record,) = document["practice_plans"]
    assert (record["uuid"], record["starts_on"], record["ends_on"]) == (
        str(plan.uuid),
        "2026-11-23",
        "2026-11-29",
    )
    breathing, cold, walk = record["items"]
    assert (breathing["technique"], breathing["times"], breathing["then"]) == (
        "paced-breathing",
        4,
        "Stairs",
    )
    assert cold["technique"] == str(own.uuid)
    assert (walk["text"], walk["each_day"], walk["ticks"]) == (
        "Evening walk",
        True,
        ["2026-11-24"],
    )
    assert record["misses"] == [{"day": "2026-11-23", "reason": "no-time"}]


def test_a_plan_comes_back_whole_on_another_account(owner_client, owner):
    full_plan(owner)
    document = export_json(owner_client)
    newcomer = make_user("newcomer")
    other_client = sign_in(Client(), newcomer)

    upload(other_client, document)

    plan = PracticePlan.objects.get(owner=newcomer)
    items = list(plan.items.select_related("named_skill"))
    assert [i.technique_key and i.family for i in items][0] == "distress-tolerance"
    assert items[1].named_skill.owner == newcomer
    assert items[1].named_skill.name == "Cold can"
    assert items[2].text == "Evening walk" and items[2].ticks.count() == 1
    assert PracticeMiss.objects.get(plan=plan).reason == "no-time"


def test_importing_the_same_file_twice_adds_nothing(owner_client, owner):
    full_plan(owner)
    document = export_json(owner_client)

    upload(owner_client, document)

    assert PracticePlan.objects.count() == 1
    assert PracticeItem.objects.count() == 3
    assert PracticeTick.objects.count() == 1


def test_a_plan_sharing_a_day_with_one_of_mine_is_not_added(owner_client, owner):
    make_practice_plan(owner, span=PlanSpan(D(2026, 11, 20), D(2026, 11, 26)))
    document = {
        "format": "between-sessions-export",
        "version": 6,
        "practice_plans": [
            {
                "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e01",
                "starts_on": WEEK.starts_on.isoformat(),
                "ends_on": WEEK.ends_on.isoformat(),
                "items": [
                    {
                        "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e02",
                        "family": "communication",
                        "times": 2,
                    }
                ],
            }
        ],
    }

    upload(owner_client, document)

    assert PracticePlan.objects.count() == 1


@pytest.mark.parametrize(
    ("plan", "problem"),
    [
        ({"starts_on": "2026-11-29", "ends_on": "2026-11-23"}, "ends_on"),
        ({"items": []}, "items is not a list of one to five items"),
        ({"items": [{"family": "cooking", "times": 2}]}, "family"),
        ({"items": [{"family": "communication", "times": 40}]}, "times"),
        (
            {"items": [{"family": "communication", "technique": "tipp", "times": 1}]},
            "technique",
        ),
        ({"items": [{"text": "x" * 81, "times": 1}]}, "text"),
        ({"misses": [{"day": "2026-11-24", "reason": "lazy"}]}, "reason"),
        ({"misses": [{"day": "2026-12-24", "reason": "forgot"}]}, "misses"),
    ],
)
def test_a_bad_plan_is_refused_whole(owner_client, owner, plan, problem):
    record = {
        "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e01",
        "starts_on": "2026-11-23",
        "ends_on": "2026-11-29",
        "items": [
            {
                "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e02",
                "family": "communication",
                "times": 2,
            }
        ],
        **plan,
    }
    for one in record["items"]:
        one.setdefault("uuid", "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e03")

    response = upload(
        owner_client,
        {"format": "between-sessions-export", "version": 6, "practice_plans": [record]},
    )

    said = (
        " ".join(str(m) for m in response.wsgi_request._messages)
        + response.content.decode()
    )
    assert "Practice plan 1 could not be read" in said and problem in said
    assert not PracticePlan.objects.exists()


def test_a_version_5_file_still_imports(owner_client, owner):
    response = upload(owner_client, {"format": "between-sessions-export", "version": 5})

    assert response.status_code == 302
    assert not PracticePlan.objects.exists()
