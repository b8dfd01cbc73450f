"""Files that once broke the import: each now gets a calm refusal, and adds nothing."""

import datetime
import json
import uuid

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from journal.models import (
    ActivityPlan,
    Entry,
    RestDay,
    TalkPoint,
    TherapySession,
    WeeklyReflection,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
IMPOSSIBLE_MOMENTS = [
    "2026-13-01T10:00:00+00:00",  # a thirteenth month
    "2026-02-30T10:00:00+00:00",  # the thirtieth of February
    "0001-01-01T00:00:00+14:00",  # before year 1 once in UTC
    "9999-12-31T23:00:00-14:00",  # after year 9999 once in UTC
]


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def entry(**fields) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "practiced_on": "2026-11-20",
        "skill": "communication",
        "note": "Kept only if the file is whole",
        **fields,
    }


def plan(**fields) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "version": 1,
        "activity": "Walk",
        "planned_on": "2026-11-22",
        "expected": 3,
        "status": "done",
        **fields,
    }


def session(**fields) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "starts_at": "2026-11-26T17:00:00+00:00",
        "time_zone": "UTC",
        **fields,
    }


def upload(client, raw: bytes):
    return client.post("/accounts/import/", {"file": SimpleUploadedFile("e.json", raw)})


def document(**lists) -> bytes:
    """A version 4 file with one good entry besides what the test adds."""
    entries = lists.pop("entries", [entry()])
    whole = {"format": "between-sessions-export", "version": 4, "entries": entries}
    return json.dumps(whole | lists).encode()


def nothing_was_stored() -> bool:
    return not any(
        model.objects.exists()
        for model in (
            Entry,
            WeeklyReflection,
            RestDay,
            ActivityPlan,
            TherapySession,
            TalkPoint,
        )
    )


def refusal(response) -> str:
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


@pytest.mark.parametrize("moment", IMPOSSIBLE_MOMENTS)
def test_a_session_starting_at_an_impossible_time_is_refused_calmly(
    owner_client, moment
):
    response = upload(
        owner_client, document(therapy_sessions=[session(starts_at=moment)])
    )

    assert refusal(response) == (
        "Session 1 could not be read: starts_at is not a date and time with a "
        "zone. Nothing was imported."
    )
    assert nothing_was_stored()


@pytest.mark.parametrize("moment", IMPOSSIBLE_MOMENTS)
@pytest.mark.parametrize(
    ("lists", "message"),
    [
        (
            lambda moment: {"entries": [entry(created_at=moment)]},
            "Entry 1 could not be read: created_at is not",
        ),
        (
            lambda moment: {
                "reflections": [{"week_of": "2026-11-16", "created_at": moment}]
            },
            "Reflection 1 could not be read: created_at is not",
        ),
        (
            lambda moment: {"activity_plans": [plan(created_at=moment)]},
            "Plan 1 could not be read: created_at is not",
        ),
        (
            lambda moment: {"activity_plans": [plan(closed_at=moment)]},
            "Plan 1 could not be read: closed_at is not",
        ),
    ],
)
def test_every_moment_in_the_file_is_read_by_the_same_strict_reader(
    owner_client, moment, lists, message
):
    response = upload(owner_client, document(**lists(moment)))

    assert message in refusal(response)
    assert nothing_was_stored()


def test_a_plan_without_created_at_is_dated_by_the_import_not_the_clock(owner):
    from portability.importing import import_document

    given_now = datetime.datetime(2026, 11, 21, 9, 30, tzinfo=datetime.UTC)
    whole = json.loads(document(activity_plans=[plan(status="open")]))

    import_document(owner, whole, given_now.date(), given_now)

    assert ActivityPlan.objects.get(owner=owner).created_at == given_now


@pytest.mark.parametrize(
    ("lists", "message"),
    [
        ({"entries": [entry(note="Lone \ud800")]}, "Entry 1 could not be read: note"),
        (
            {"entries": [entry(situation="\udfff")]},
            "Entry 1 could not be read: situation",
        ),
        (
            {"reflections": [{"week_of": "2026-11-16", "what_helped": "\ud800"}]},
            "Reflection 1 could not be read: what_helped",
        ),
        (
            {"rest_days": [{"day": "2026-11-18", "reason": "\ud800"}]},
            "Rest day 1 could not be read: reason",
        ),
        (
            {"activity_plans": [plan(activity="\ud800")]},
            "Plan 1 could not be read: activity",
        ),
        (
            {"therapy_sessions": [session(label="\ud800")]},
            "Session 1 could not be read: label",
        ),
        (
            {"talk_points": [{"uuid": str(uuid.uuid4()), "text": "\ud800"}]},
            "Talk point 1 could not be read: text",
        ),
    ],
)
def test_text_with_a_lone_surrogate_is_refused_calmly(owner_client, lists, message):
    response = upload(owner_client, document(**lists))

    assert message in refusal(response)
    assert nothing_was_stored()


def test_a_version_that_is_a_lone_surrogate_is_named_without_breaking_the_page(
    owner_client,
):
    raw = b'{"format": "between-sessions-export", "version": "\\ud800"}'

    response = upload(owner_client, raw)

    assert "a version we cannot read" in refusal(response)


def test_a_rating_of_five_thousand_digits_is_refused_calmly(owner_client):
    raw = document(entries=[entry(distress_before=0)]).replace(
        b'"distress_before": 0', b'"distress_before": ' + b"7" * 5000
    )

    response = upload(owner_client, raw)

    assert refusal(response) == (
        "This file holds a number far too long for an export. Nothing was imported."
    )
    assert nothing_was_stored()


def test_a_talk_point_position_beyond_what_the_database_holds_is_refused(
    owner_client,
):
    point = {"uuid": str(uuid.uuid4()), "text": "Sleep", "position": 2**63}

    response = upload(owner_client, document(talk_points=[point]))

    assert "Talk point 1 could not be read: position is not a whole number" in (
        refusal(response)
    )
    assert nothing_was_stored()
