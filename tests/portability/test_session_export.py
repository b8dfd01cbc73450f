"""Sessions, stars and talk lists go out in the export and come back on import."""

import csv
import datetime
import io
import json
import uuid

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile

from journal.models import SessionSchedule, SessionStar, TalkPoint, TherapySession
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def sessions_of(owner_client, owner):
    owner_client.post(
        "/journal/sessions/",
        {"repeats": "2", "on": "2026-11-12", "at": "17:00", "label": "Dr. R."},
    )
    entry = make_entry(owner, practiced_on=datetime.date(2026, 11, 22), note="Star me")
    owner_client.post(f"/journal/entries/{entry.pk}/star/")
    owner_client.post("/journal/sessions/next/talk/", {"text": "Sleep"})
    owner_client.post("/journal/sessions/next/talk/", {"text": "Work"})
    skipped = TherapySession.objects.filter(owner=owner).last()
    owner_client.post(f"/journal/sessions/{skipped.pk}/skip/")
    return owner


def export(client) -> dict:
    return json.loads(client.get("/accounts/export/json/").content)


def import_file(client, document):
    return client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
    )


def snapshot(owner):
    return {
        "schedules": list(
            SessionSchedule.objects.filter(owner=owner).values_list(
                "uuid", "every_weeks", "starts_on", "at", "time_zone", "label"
            )
        ),
        "sessions": list(
            TherapySession.objects.filter(owner=owner).values_list(
                "uuid", "schedule__uuid", "starts_at", "label", "is_skipped"
            )
        ),
        "stars": list(
            SessionStar.objects.filter(entry__owner=owner).values_list(
                "entry__uuid", "session__uuid"
            )
        ),
        "talk_points": list(
            TalkPoint.objects.filter(owner=owner).values_list(
                "uuid", "session__uuid", "text", "position", "is_done"
            )
        ),
    }


def test_the_export_lists_every_session_star_and_talk_point(owner_client, sessions_of):
    document = export(owner_client)

    assert document["version"] == 6
    assert document["version"] >= 4  # sessions arrived in version 4
    assert len(document["session_schedules"]) == 1
    assert document["session_schedules"][0]["label"] == "Dr. R."
    assert len(document["therapy_sessions"]) == 14  # every 2 weeks, 26 weeks ahead
    assert [p["text"] for p in document["talk_points"]] == ["Sleep", "Work"]
    assert (
        document["stars"][0]["session_uuid"] == document["therapy_sessions"][1]["uuid"]
    )
    assert document["therapy_sessions"][-1]["is_skipped"] is True


def test_sessions_stars_and_talk_lists_make_a_round_trip(owner_client, sessions_of):
    before = snapshot(sessions_of)
    document = export(owner_client)
    SessionSchedule.objects.all().delete()
    TherapySession.objects.all().delete()
    TalkPoint.objects.all().delete()

    response = import_file(owner_client, document)

    assert response.status_code == 302
    assert snapshot(sessions_of) == before


def test_importing_the_same_file_twice_adds_nothing(owner_client, sessions_of):
    document = export(owner_client)
    before = snapshot(sessions_of)

    import_file(owner_client, document)

    assert snapshot(sessions_of) == before


def test_a_version_3_file_without_sessions_still_imports(owner_client, owner):
    document = {"format": "between-sessions-export", "version": 3, "entries": []}

    assert import_file(owner_client, document).status_code == 302


@pytest.mark.parametrize(
    ("key", "record", "message"),
    [
        (
            "therapy_sessions",
            {"uuid": str(uuid.uuid4()), "starts_at": "tomorrow", "time_zone": "UTC"},
            "Session 1 could not be read: starts_at is not a date and time",
        ),
        (
            "therapy_sessions",
            {
                "uuid": str(uuid.uuid4()),
                "starts_at": "2026-11-26T17:00:00+00:00",
                "time_zone": "Mars/Olympus",
            },
            "time_zone is not a time zone we know",
        ),
        (
            "talk_points",
            {"uuid": str(uuid.uuid4()), "text": "T" * 201},
            "Talk point 1 could not be read: text is not text of 1 to 200",
        ),
        (
            "talk_points",
            {
                "uuid": str(uuid.uuid4()),
                "text": "Sleep",
                "session_uuid": str(uuid.uuid4()),
            },
            "a talk point names a session that is not in the file",
        ),
        (
            "stars",
            {"entry_uuid": str(uuid.uuid4())},
            "a star names an entry that is not in the file",
        ),
        (
            "session_schedules",
            {"uuid": str(uuid.uuid4()), "every_weeks": 3},
            "every_weeks is not 1 or 2",
        ),
    ],
)
def test_a_bad_session_record_refuses_the_whole_file(
    owner_client, owner, key, record, message
):
    document = {
        "format": "between-sessions-export",
        "version": 4,
        "entries": [
            {
                "uuid": str(uuid.uuid4()),
                "practiced_on": "2026-11-20",
                "skill": "communication",
                "note": "Kept only if the file is whole",
            }
        ],
        key: [record],
    }

    response = import_file(owner_client, document)

    assert message in response.content.decode()
    assert not owner.entries.exists()
    assert not TalkPoint.objects.exists()


def test_the_csv_says_which_session_an_entry_was_starred_for(owner_client, sessions_of):
    content = b"".join(owner_client.get("/accounts/export/csv/").streaming_content)

    header, *rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    starred = [row[header.index("starred_for")] for row in rows]
    assert starred == ["2026-11-26T17:00:00+00:00"]


def test_erasing_the_account_erases_its_sessions(owner, sessions_of):
    from accounts.erasure import erase_account

    erase_account(owner)

    assert not TherapySession.objects.exists()
    assert not SessionSchedule.objects.exists()
    assert not TalkPoint.objects.exists()
    assert not SessionStar.objects.exists()
