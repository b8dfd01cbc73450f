"""An import's sessions stay within the same bounds as the sessions page."""

import datetime
import json
import uuid

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from journal.models import Entry, SessionSchedule, TherapySession
from journal.sessions import dates
from journal.sessions.services import extend_all_schedules
from portability.importing import MAX_IMPORT_SCHEDULES, MAX_IMPORT_SESSIONS

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 11, 23)
# Tomorrow (an export from a zone ahead), two years on, and the 26 weeks a schedule's
# sessions are made beyond that.
LATEST = "2029-05-24"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def schedule(**fields) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "every_weeks": 1,
        "starts_on": "2026-11-26",
        "at": "17:00",
        "time_zone": "UTC",
        "made_until": "2026-11-26",
        **fields,
    }


def session(**fields) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "starts_at": "2026-11-26T17:00:00+00:00",
        "time_zone": "UTC",
        **fields,
    }


def upload(client, **lists):
    entry = {
        "uuid": str(uuid.uuid4()),
        "practiced_on": "2026-11-20",
        "skill": "communication",
        "note": "Kept only if the file is whole",
    }
    whole = {"format": "between-sessions-export", "version": 4, "entries": [entry]}
    raw = json.dumps(whole | lists).encode()
    return client.post("/accounts/import/", {"file": SimpleUploadedFile("e.json", raw)})


def refusal(response) -> str:
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


def nothing_was_stored() -> bool:
    return not (
        Entry.objects.exists()
        or SessionSchedule.objects.exists()
        or TherapySession.objects.exists()
    )


def long_ago_schedules(count=10) -> list[dict]:
    """The review's file: schedules from January 2000 whose sessions were never made."""
    return [
        schedule(starts_on="2000-01-03", made_until="2000-01-02") for _ in range(count)
    ]


def test_ten_schedules_from_2000_make_a_bounded_number_of_sessions(owner_client):
    # The review's reproduction: this 2 KB file made 14,320 sessions.
    response = upload(owner_client, session_schedules=long_ago_schedules())
    extend_all_schedules(TODAY)

    assert response.status_code == 302
    assert TherapySession.objects.count() <= 10 * (
        dates.PAST_WEEKS + 1 + dates.HORIZON_WEEKS
    )


def test_after_that_import_the_sessions_page_runs_as_many_queries_as_with_one(
    owner_client,
):
    upload(owner_client, session_schedules=long_ago_schedules(1))
    extend_all_schedules(TODAY)
    owner_client.get("/journal/sessions/")
    with CaptureQueriesContext(connection) as one:
        owner_client.get("/journal/sessions/")
    upload(owner_client, session_schedules=long_ago_schedules(9))
    extend_all_schedules(TODAY)
    owner_client.get("/journal/sessions/")  # shows (and clears) the import's message

    with CaptureQueriesContext(connection) as ten:
        response = owner_client.get("/journal/sessions/")

    assert response.status_code == 200
    assert len(ten) == len(one)


def test_an_eleventh_running_schedule_is_refused_whole(owner_client):
    response = upload(owner_client, session_schedules=long_ago_schedules(11))

    assert refusal(response) == (
        "With this file you would have 11 repeating schedules running; at most 10 "
        "can run at a time. Nothing was imported."
    )
    assert nothing_was_stored()


def test_stopped_schedules_do_not_count_toward_the_running_limit(owner_client):
    stopped = [schedule(ended_on="2026-11-01") for _ in range(11)]

    response = upload(owner_client, session_schedules=stopped)

    assert response.status_code == 302
    assert SessionSchedule.objects.count() == 11


@pytest.mark.parametrize(
    "starts_at",
    [
        "1999-12-31T12:00:00+00:00",
        "0001-01-02T00:00:00+00:00",
        "2029-05-25T12:00:00+00:00",
        "9999-12-31T00:00:00+00:00",
    ],
)
def test_a_session_outside_the_bounds_is_refused_calmly(owner_client, starts_at):
    response = upload(owner_client, therapy_sessions=[session(starts_at=starts_at)])

    assert refusal(response) == (
        f"Session 1 could not be read: starts_at is not between 2000-01-01 and "
        f"{LATEST}. Nothing was imported."
    )
    assert nothing_was_stored()


def test_the_furthest_session_a_schedule_could_have_made_is_taken(owner_client):
    response = upload(
        owner_client, therapy_sessions=[session(starts_at=f"{LATEST}T23:00:00+00:00")]
    )

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"starts_on": "2028-11-24"},
            "starts_on is not between 2000-01-01 and 2028-11-23.",
        ),
        ({"made_until": "9999-12-31"}, "made_until is not between 2000-01-01 and"),
        ({"ended_on": "2040-01-01"}, "ended_on is not between 2000-01-01 and"),
        ({"at": "17:00+14:00"}, "at is not a time like 17:30."),
    ],
)
def test_a_schedule_outside_the_bounds_is_refused_calmly(owner_client, fields, message):
    response = upload(owner_client, session_schedules=[schedule(**fields)])

    assert refusal(response).startswith(f"Schedule 1 could not be read: {message}")
    assert nothing_was_stored()


def test_a_scheduled_date_outside_the_bounds_is_refused_calmly(owner_client):
    response = upload(
        owner_client, therapy_sessions=[session(scheduled_on="2040-01-01")]
    )

    assert "Session 1 could not be read: scheduled_on is not between" in (
        refusal(response)
    )
    assert nothing_was_stored()


def test_a_file_with_too_many_sessions_is_refused_before_it_is_read(owner_client):
    many = [session()] * (MAX_IMPORT_SESSIONS + 1)

    response = upload(owner_client, therapy_sessions=many)

    assert refusal(response) == (
        "This file holds 5,001 therapy sessions; one import takes at most 5,000. "
        "Nothing was imported."
    )
    assert nothing_was_stored()


def test_a_file_with_too_many_schedules_is_refused_before_it_is_read(owner_client):
    many = [schedule(ended_on="2026-11-01")] * (MAX_IMPORT_SCHEDULES + 1)

    response = upload(owner_client, session_schedules=many)

    assert refusal(response) == (
        "This file holds 101 session schedules; one import takes at most 100. "
        "Nothing was imported."
    )
    assert nothing_was_stored()
