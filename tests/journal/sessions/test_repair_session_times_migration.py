"""A session stored with a start no page can load (year 1 at +14:00, kept by
PostgreSQL before imports checked it) is repaired by journal 0012, and keeps its
star and talk point.

The database is taken back to journal 0011, the row written in SQL as the old
import stored it, and migrated forward as a deployed database would be. The
PostgreSQL tests need a server; the last one runs on SQLite too.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import DataError

from journal.models import SessionStar, TalkPoint, TherapySession
from tests.factories import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

UTC = datetime.UTC
BEFORE = ("journal", "0011_share_links_move_to_sharing")
ZONE = "America/New_York"


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_apps():
    """Historical models before the repair; today's schema after the test."""
    targets = [BEFORE if app == "journal" else (app, name) for app, name in _latest()]
    yield _migrate(targets)
    _migrate(_latest())


def _session_in_sql(owner_id, starts_at: str, scheduled_on=None) -> int:
    """A session row written as PostgreSQL kept it, never through the ORM."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO journal_therapysession (uuid, owner_id, starts_at, "
            "time_zone, label, is_skipped, is_moved, created_at, scheduled_on) "
            "VALUES (%s, %s, %s, %s, '', false, false, %s, %s) RETURNING id",
            [
                "6f1c1d0e-5b7a-4c2e-9a43-1b2c3d4e5f60",
                owner_id,
                starts_at,
                ZONE,
                datetime.datetime(2026, 11, 20, tzinfo=UTC),
                scheduled_on,
            ],
        )
        return cursor.fetchone()[0]


def _fill(old, scheduled_on=None) -> int:
    """Sam, an entry starred for the broken session and a talk point on it."""
    model = old.get_model
    sam = model("auth", "User").objects.create(username="sam", password="!")
    model("accounts", "Profile").objects.create(user=sam, time_zone=ZONE)
    entry = model("journal", "Entry").objects.create(
        owner=sam,
        practiced_on=datetime.date(2026, 11, 20),
        skill="communication",
        note="Said no kindly.",
        created_at=datetime.datetime(2026, 11, 20, 18, tzinfo=UTC),
    )
    pk = _session_in_sql(sam.pk, "0001-01-01T00:00:00+14:00", scheduled_on)
    model("journal", "SessionStar").objects.create(entry=entry, session_id=pk)
    model("journal", "TalkPoint").objects.create(
        owner=sam, session_id=pk, text="How I slept", position=0
    )
    return pk


def _signed_in(client):
    return sign_in(client, get_user_model().objects.get(username="sam"))


@pytest.mark.postgresql
def test_the_stored_row_cannot_be_loaded_before_the_repair(old_apps):
    _fill(old_apps)

    with pytest.raises(DataError):
        list(old_apps.get_model("journal", "TherapySession").objects.all())


@pytest.mark.postgresql
def test_after_the_repair_the_pages_and_the_export_answer(old_apps, client):
    _fill(old_apps)

    _migrate(_latest())
    signed_in = _signed_in(client)

    for url in ("/journal/sessions/", "/journal/sessions/next/"):
        assert signed_in.get(url).status_code == 200, url
    export = signed_in.get("/accounts/export/json/")
    assert export.status_code == 200
    assert export.json()["therapy_sessions"][0]["starts_at"] == (
        "2000-01-01T00:00:00+00:00"
    )


@pytest.mark.postgresql
def test_a_one_off_becomes_a_skipped_session_of_2000_with_its_star_and_talk_point(
    old_apps,
):
    pk = _fill(old_apps)

    _migrate(_latest())

    session = TherapySession.objects.get(pk=pk)
    assert session.starts_at == datetime.datetime(2000, 1, 1, tzinfo=UTC)
    assert session.is_skipped
    assert SessionStar.objects.get().session_id == pk
    assert TalkPoint.objects.get().session_id == pk
    assert TalkPoint.objects.get().text == "How I slept"


@pytest.mark.postgresql
def test_a_scheduled_session_moves_to_its_date_at_the_schedules_time(old_apps):
    pk = _fill(old_apps, scheduled_on=datetime.date(2026, 11, 26))
    schedule = old_apps.get_model("journal", "SessionSchedule").objects.create(
        owner_id=TherapySession.objects.values("owner_id").get(pk=pk)["owner_id"],
        every_weeks=1,
        starts_on=datetime.date(2026, 11, 26),
        at=datetime.time(17),
        time_zone=ZONE,
        made_until=datetime.date(2026, 11, 26),
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE journal_therapysession SET schedule_id = %s WHERE id = %s",
            [schedule.pk, pk],
        )

    _migrate(_latest())

    session = TherapySession.objects.get(pk=pk)
    # 17:00 in New York on 26 November is 22:00 UTC.
    assert session.starts_at == datetime.datetime(2026, 11, 26, 22, tzinfo=UTC)
    assert not session.is_skipped
    assert SessionStar.objects.get().session_id == pk
    assert TalkPoint.objects.get().session_id == pk


@pytest.mark.postgresql
def test_a_session_at_a_sound_time_is_left_as_it_was(old_apps):
    pk = _fill(old_apps)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE journal_therapysession SET starts_at = %s WHERE id = %s",
            [datetime.datetime(2026, 11, 26, 22, tzinfo=UTC), pk],
        )

    _migrate(_latest())

    session = TherapySession.objects.get(pk=pk)
    assert session.starts_at == datetime.datetime(2026, 11, 26, 22, tzinfo=UTC)
    assert not session.is_skipped


def test_a_session_in_year_1_that_loads_but_cannot_be_shown_is_repaired_on_any_database(
    old_apps, client
):
    # Stored through Django (SQLite allows it too): 1 a.m. UTC on 1 January of year
    # 1 is still year 0 in New York, so every page showing it answered 500.
    model = old_apps.get_model
    sam = model("auth", "User").objects.create(username="sam", password="!")
    model("accounts", "Profile").objects.create(user=sam, time_zone=ZONE)
    model("journal", "TherapySession").objects.create(
        owner=sam, starts_at=datetime.datetime(1, 1, 1, 1, tzinfo=UTC), time_zone=ZONE
    )

    _migrate(_latest())
    response = _signed_in(client).get("/journal/sessions/")

    assert response.status_code == 200
    assert TherapySession.objects.get().starts_at == datetime.datetime(
        2000, 1, 1, tzinfo=UTC
    )
