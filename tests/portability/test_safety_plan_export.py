"""The safety plan goes out in the JSON export (version 5) and comes back on import:
added when the account has none, never over the person's own plan."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from portability.document import FORMAT_VERSION
from safety.models import SafetyPlan
from tests.safety.plans import PLAN_VALUES, make_safety_plan

pytestmark = pytest.mark.django_db


def export(client) -> dict:
    return json.loads(client.get("/accounts/export/json/").content)


def send(client, document):
    return client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
        follow=True,
    )


def document_with(plan) -> dict:
    return {"format": "between-sessions-export", "version": 5, "safety_plan": plan}


def test_the_export_holds_the_plan_in_the_persons_words(owner_client, owner):
    make_safety_plan(owner)

    document = export(owner_client)

    assert document["version"] == FORMAT_VERSION == 6
    plan = document["safety_plan"]
    assert plan["contacts"] == PLAN_VALUES["contacts"]
    assert plan["reasons_for_living"] == ["My cat Pistachio"]
    assert plan["updated_at"].endswith("+00:00")


def test_without_a_plan_the_export_says_null(owner_client):
    assert export(owner_client)["safety_plan"] is None


def test_the_csv_export_stays_entries_only(owner_client, owner):
    make_safety_plan(owner)

    text = owner_client.get("/accounts/export/csv/").getvalue().decode()

    assert len(list(csv.reader(io.StringIO(text)))) == 1  # the header alone
    assert "Pistachio" not in text


def test_the_plan_makes_a_round_trip(owner_client, owner):
    make_safety_plan(owner)
    document = export(owner_client)
    SafetyPlan.objects.all().delete()

    response = send(owner_client, document)

    plan = SafetyPlan.objects.get(owner=owner)
    for key, value in PLAN_VALUES.items():
        assert getattr(plan, key) == value
    assert plan.updated_at.isoformat() == document["safety_plan"]["updated_at"]
    assert "The safety plan in the file was added." in response.content.decode()


def test_an_import_keeps_the_plan_the_person_already_has(owner_client, owner):
    make_safety_plan(owner)
    document = export(owner_client)
    document["safety_plan"]["reasons_for_living"] = ["From an old file"]

    response = send(owner_client, document)

    assert SafetyPlan.objects.get(owner=owner).reasons_for_living == [
        "My cat Pistachio"
    ]
    assert "yours was kept" in response.content.decode()


@pytest.mark.parametrize("version", [1, 2, 3, 4])
def test_older_files_without_a_plan_still_import(owner_client, owner, version):
    make_safety_plan(owner)

    response = send(
        owner_client, {"format": "between-sessions-export", "version": version}
    )

    assert "Import finished" in response.content.decode()
    assert SafetyPlan.objects.filter(owner=owner).count() == 1


@pytest.mark.parametrize(
    ("plan", "problem"),
    [
        ("a plan", "“safety_plan” is not an object"),
        ({"warning_signs": "one"}, "warning_signs is not a list of text."),
        ({"warning_signs": [1]}, "warning_signs is not a list of text."),
        ({"coping_strategies": ["a\nb"]}, "holds a line break inside one item"),
        ({"reasons_for_living": ["x" * 201]}, "Line 1 is 201 characters"),
        ({"warning_signs": ["x"] * 11}, "Please keep this to 10 lines"),
        ({"contacts": [{"name": "Ana"}] * 6}, "contacts holds more than 5 people."),
        ({"contacts": ["Ana"]}, "contacts is not a list of names and numbers."),
        ({"contacts": [{"name": "Ana", "phone": "call me"}]}, "A phone number can"),
        ({"professionals": [{"name": "", "phone": "555 0100"}]}, "add a name"),
        ({"contacts": [{"name": "x" * 61, "phone": ""}]}, "keep a name to 60"),
        ({"warning_signs": ["ok"], "updated_at": "yesterday"}, "updated_at is not"),
    ],
)
def test_a_bad_plan_is_refused_whole_with_the_reason(
    owner_client, owner, plan, problem
):
    document = document_with(plan)
    document["entries"] = [
        {
            "uuid": "8d4a3f0e-6f57-4a53-9a43-6f9f3c2f2d11",
            "practiced_on": "2026-11-20",
            "skill": "communication",
            "note": "Asked for a pause.",
        }
    ]

    response = send(owner_client, document)

    page = response.content.decode()
    assert problem in page
    assert not SafetyPlan.objects.filter(owner=owner).exists()
    assert not owner.entries.exists()


def test_a_plan_with_nothing_in_it_adds_nothing(owner_client, owner):
    send(owner_client, document_with({"warning_signs": ["  "], "contacts": []}))

    assert not SafetyPlan.objects.filter(owner=owner).exists()
