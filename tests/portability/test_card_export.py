"""The diary card goes out in the export (version 5 on) and comes back on import:
every row, every value, the skills rating and the sentence."""

import datetime
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from journal.models import CardRow, CheckIn
from tests.factories import make_user, sign_in
from tests.journal.card.helpers import check_in, make_paper_card

pytestmark = pytest.mark.django_db

D = datetime.date


def _export(client) -> dict:
    return json.loads(client.get("/accounts/export/json/").content)


def _import(client, document):
    return client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
        follow=True,
    )


def _card_of(user):
    rows = [
        (r.kind, r.name, r.position, r.is_paused, r.is_risk, r.is_hidden)
        for r in CardRow.objects.for_user(user)
    ]
    names = {str(r.uuid): r.name for r in CardRow.objects.for_user(user)}
    days = [
        (
            c.day,
            c.skills_rating,
            c.sentence,
            {names[k]: v for k, v in (c.values.get("rows") or {}).items()},
        )
        for c in CheckIn.objects.for_user(user).order_by("day")
    ]
    return rows, days


@pytest.fixture
def full_card(owner):
    rows = {row.name: row for row in make_paper_card(owner)}
    rows["Urge to quit therapy"].is_paused = True
    rows["Urge to quit therapy"].save()
    rows["Urge to self-harm"].marks = {"risk": True, "hidden": True}
    rows["Urge to self-harm"].save()
    check_in(
        owner,
        D(2026, 11, 17),
        {
            rows["Urge to self-harm"]: (0, None),
            rows["Urge to drink"]: (4, True),
            rows["Sadness"]: 5,
            rows["Hours slept"]: 6.5,
            rows["Took medication"]: True,
        },
        skills=7,
        sentence="Rang my sister",
    )
    check_in(owner, D(2026, 11, 18), {rows["Took medication"]: False}, skills=0)
    return rows


def test_the_export_holds_every_row_and_value(owner_client, full_card):
    exported = _export(owner_client)

    assert exported["version"] == 6
    assert [row["name"] for row in exported["card_rows"]][:2] == [
        "Urge to self-harm",
        "Urge to drink",
    ]
    first = exported["check_ins"][0]
    assert first["day"] == "2026-11-17"
    assert first["skills_rating"] == 7
    assert first["sentence"] == "Rang my sister"
    drink = str(full_card["Urge to drink"].uuid)
    assert {"row_uuid": drink, "value": 4, "acted": True} in first["values"]


def test_the_export_round_trips_every_value_into_a_new_account(
    owner_client, owner, full_card
):
    exported = _export(owner_client)
    newcomer = make_user("newcomer")
    client = sign_in(Client(), newcomer)

    response = _import(client, exported)

    assert response.status_code == 200
    assert _card_of(newcomer) == _card_of(owner)


def test_importing_the_same_file_twice_adds_nothing(owner_client, owner, full_card):
    exported = _export(owner_client)

    _import(owner_client, exported)

    assert CardRow.objects.for_user(owner).count() == 9
    assert CheckIn.objects.for_user(owner).count() == 2


def test_an_import_after_removal_brings_the_rows_and_their_values_back(
    owner_client, owner, full_card
):
    exported = _export(owner_client)
    before = _card_of(owner)
    CardRow.objects.for_user(owner).delete()
    CheckIn.objects.for_user(owner).delete()

    _import(owner_client, exported)

    assert _card_of(owner) == before


def test_a_version_4_file_without_a_card_still_imports(owner_client, owner):
    document = {"format": "between-sessions-export", "version": 4, "entries": []}

    response = _import(owner_client, document)

    assert response.redirect_chain
    assert not CardRow.objects.for_user(owner).exists()


def _document(rows, check_ins):
    return {
        "format": "between-sessions-export",
        "version": 5,
        "card_rows": rows,
        "check_ins": check_ins,
    }


ROW = str(uuid.uuid4())


def _row(**overrides):
    return {"uuid": ROW, "kind": "urge", "name": "Urge to drink"} | overrides


def _day(*values, **overrides):
    return {
        "uuid": str(uuid.uuid4()),
        "day": "2026-11-17",
        "values": list(values),
    } | overrides


@pytest.mark.parametrize(
    ("rows", "check_ins", "message"),
    [
        ([_row(kind="feeling")], [], "kind is not urge, emotion, number or yes-no"),
        ([_row(name="")], [], "name is not text of 1 to 40 characters"),
        ([_row(name="x" * 41)], [], "name is not text of 1 to 40 characters"),
        ([_row()], [_day({"row_uuid": ROW, "value": 6})], "is not from 0 to 5"),
        ([_row()], [_day({"row_uuid": ROW, "value": "3"})], "is not from 0 to 5"),
        ([_row()], [_day({"row_uuid": ROW, "value": 2, "acted": "no"})], "acted"),
        (
            [_row(kind="number")],
            [_day({"row_uuid": ROW, "value": 10**9})],
            "not from 0 to 1,000",
        ),
        (
            [_row(kind="yes-no")],
            [_day({"row_uuid": ROW, "value": 1})],
            "not true or false",
        ),
        ([_row()], [_day({"row_uuid": str(uuid.uuid4()), "value": 1})], "names a row"),
        ([], [_day(skills_rating=8)], "skills_rating is not from 0 to 7"),
        ([], [_day(day="2999-01-01")], "day is in the future"),
        ([], [_day(sentence="s" * 281)], "sentence is not text of at most 280"),
    ],
)
def test_a_bad_card_in_a_file_is_refused_whole(
    owner_client, owner, rows, check_ins, message
):
    response = _import(owner_client, _document(rows, check_ins))

    assert message in response.content.decode()
    assert not CardRow.objects.for_user(owner).exists()
    assert not CheckIn.objects.for_user(owner).exists()


def test_someone_elses_row_uuid_gets_a_new_one_and_its_values_follow(
    owner_client, owner
):
    stranger = make_user("stranger")
    (theirs,) = make_paper_card(stranger)[:1]
    document = _document(
        [_row(uuid=str(theirs.uuid), name="Mine")],
        [_day({"row_uuid": str(theirs.uuid), "value": 3, "acted": False})],
    )

    _import(owner_client, document)

    mine = CardRow.objects.get(owner=owner)
    assert mine.uuid != theirs.uuid
    saved = CheckIn.objects.get(owner=owner)
    assert saved.row_answer(mine.uuid) == {"value": 3, "acted": False}
    assert CardRow.objects.get(pk=theirs.pk).name == "Urge to self-harm"
