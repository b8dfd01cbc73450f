"""Activity plans go out in the export (version 3 on) and come back on import."""

import datetime
import json
import uuid

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

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


def test_plans_make_a_json_round_trip_linked_to_their_entry(owner_client, owner):
    done = make_plan(owner, activity="Walk")
    owner_client.post(
        plan_url(done),
        {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"},
    )
    make_plan(owner, activity="Swim", planned_on=D(2026, 11, 25))
    document = json.loads(owner_client.get("/accounts/export/json/").content)
    ActivityPlan.objects.all().delete()
    Entry.objects.all().delete()

    response = owner_client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
    )

    assert response.status_code == 302
    plans = {plan.activity: plan for plan in ActivityPlan.objects.filter(owner=owner)}
    assert set(plans) == {"Walk", "Swim"}
    assert plans["Walk"].status == "done"
    assert plans["Walk"].entry == Entry.objects.get(owner=owner)
    assert plans["Swim"].status == "open" and plans["Swim"].entry is None


def test_an_import_with_a_bad_plan_is_refused_whole(owner_client, owner):
    document = {
        "format": "between-sessions-export",
        "version": 3,
        "entries": [],
        "activity_plans": [
            {
                "uuid": str(uuid.uuid4()),
                "version": 1,
                "activity": "Walk",
                "planned_on": "2026-11-22",
                "expected": 14,
                "status": "open",
            }
        ],
    }

    response = owner_client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
    )

    assert "Plan 1 could not be read: expected: Use a number" in (
        response.content.decode()
    )
    assert not ActivityPlan.objects.exists()
