"""Named skills and each entry's ``technique`` in the export (version 5) and back."""

import datetime
from unittest import mock

import pytest
from django.utils import timezone

from accounts.erasure import erase_account
from journal.models import Entry, NamedSkill
from tests.factories import make_entry, make_exercise_entry, make_named_skill
from tests.portability.test_export_import import export_json, read_csv, upload

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def test_the_csv_has_the_technique_and_its_name(owner_client, owner):
    mine = make_named_skill(owner, name="Cold can")
    make_entry(owner, skill="distress-tolerance", technique="tipp", note="a")
    make_entry(owner, skill="distress-tolerance", named_skill=mine, note="b")
    make_entry(owner, note="c")

    rows = read_csv(owner_client.get("/accounts/export/csv/"))

    header = rows[0]
    cells = {
        row[header.index("note")]: (
            row[header.index("technique")],
            row[header.index("technique_name")],
        )
        for row in rows[1:]
    }
    assert cells == {
        "a": ("tipp", "TIPP"),
        "b": (str(mine.uuid), "Cold can"),
        "c": ("", ""),
    }


def test_the_json_carries_named_skills_and_each_entrys_technique(owner_client, owner):
    mine = make_named_skill(owner, name="Cold can", is_hidden=True)
    make_entry(owner, skill="distress-tolerance", named_skill=mine)
    make_entry(owner, skill="distress-tolerance", technique="stop")

    document = export_json(owner_client)

    assert document["version"] == 6
    assert [
        {k: v for k, v in record.items() if k != "created_at"}
        for record in document["named_skills"]
    ] == [
        {
            "uuid": str(mine.uuid),
            "family": "distress-tolerance",
            "name": "Cold can",
            "is_hidden": True,
        }
    ]
    assert {e["technique"] for e in document["entries"]} == {"stop", str(mine.uuid)}


def test_the_export_round_trips_through_erasure_and_import(owner_client, owner):
    mine = make_named_skill(owner, name="Cold can")
    make_entry(owner, skill="distress-tolerance", named_skill=mine, note="mine")
    make_entry(owner, skill="distress-tolerance", technique="tipp", note="tipp")
    make_exercise_entry(owner)
    before = export_json(owner_client)
    Entry.objects.filter(owner=owner).delete()
    NamedSkill.objects.filter(owner=owner).delete()

    response = upload(owner_client, before)

    assert response.status_code == 302
    after = export_json(owner_client)
    assert after["named_skills"] == before["named_skills"]
    techniques = sorted((e["note"], e["technique"]) for e in after["entries"])
    assert techniques == sorted((e["note"], e["technique"]) for e in before["entries"])
    assert ("mine", str(mine.uuid)) in techniques


def test_an_entry_may_name_a_skill_the_person_already_has(owner_client, owner):
    mine = make_named_skill(owner)
    document = export_json(owner_client)
    document["entries"] = [
        {
            "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e01",
            "practiced_on": "2026-11-20",
            "skill": "distress-tolerance",
            "note": "Held the ice.",
            "technique": str(mine.uuid),
        }
    ]

    upload(owner_client, document)

    assert Entry.objects.get(owner=owner).named_skill == mine
    assert NamedSkill.objects.filter(owner=owner).count() == 1


def test_a_named_skill_uuid_someone_else_has_gets_a_new_one_and_stays_linked(
    owner_client, owner, other_user
):
    theirs = make_named_skill(other_user, name="Theirs")
    document = {
        "format": "between-sessions-export",
        "version": 5,
        "named_skills": [
            {"uuid": str(theirs.uuid), "family": "communication", "name": "Mine"}
        ],
        "entries": [
            {
                "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e02",
                "practiced_on": "2026-11-20",
                "skill": "communication",
                "note": "Asked for one thing.",
                "technique": str(theirs.uuid),
            }
        ],
    }

    upload(owner_client, document)

    mine = NamedSkill.objects.get(owner=owner)
    assert mine.uuid != theirs.uuid and mine.name == "Mine"
    assert Entry.objects.get(owner=owner).named_skill == mine
    theirs.refresh_from_db()
    assert theirs.name == "Theirs" and not theirs.entries.exists()


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            {
                "named_skills": [
                    {
                        "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e03",
                        "family": "juggling",
                        "name": "x",
                    }
                ]
            },
            "Named skill 1 could not be read",
        ),
        (
            {
                "named_skills": [
                    {
                        "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e03",
                        "family": "communication",
                        "name": "x" * 41,
                    }
                ]
            },
            "Named skill 1 could not be read",
        ),
        (
            {
                "entries": [
                    {
                        "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e04",
                        "practiced_on": "2026-11-20",
                        "skill": "communication",
                        "note": "n",
                        "technique": "tipp",
                    }
                ]
            },
            "TIPP is a named skill of Distress tolerance",
        ),
        (
            {
                "entries": [
                    {
                        "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e05",
                        "practiced_on": "2026-11-20",
                        "skill": "communication",
                        "note": "n",
                        "technique": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e06",
                    }
                ]
            },
            "Choose one of the named skills offered",
        ),
    ],
)
def test_a_file_with_a_bad_named_skill_is_refused_whole(
    owner_client, document, message
):
    response = upload(
        owner_client, {"format": "between-sessions-export", "version": 5, **document}
    )

    assert message in response.content.decode() or message in str(
        [str(m) for m in response.wsgi_request._messages]
    )
    assert not Entry.objects.exists() and not NamedSkill.objects.exists()


def test_an_older_file_still_imports_with_no_named_skill(owner_client, owner):
    document = {
        "format": "between-sessions-export",
        "version": 4,
        "entries": [
            {
                "uuid": "4f6f1f8e-1c53-4c39-8a55-8c1a3b1d2e07",
                "practiced_on": "2026-11-20",
                "skill": "communication",
                "note": "Before named skills.",
            }
        ],
    }

    upload(owner_client, document)

    entry = Entry.objects.get(owner=owner)
    assert (entry.technique, entry.named_skill) == ("", None)


def test_erasing_the_account_removes_its_named_skills(owner):
    make_named_skill(owner)

    erase_account(owner)

    assert not NamedSkill.objects.exists()
