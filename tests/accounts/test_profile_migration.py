"""Moving Profile from the journal app to accounts keeps every row and value.

The database is taken back to the schema of the last release before the move
(journal 0003, no accounts app), filled through the historical models, and then
migrated forward to today's schema, as a deployed database would be.
"""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Profile
from journal.models import Entry, WeeklyReflection
from sharing.models import ShareLink

BEFORE_THE_MOVE = [("journal", "0003_share_link"), ("accounts", None)]
MOMENT = datetime.datetime(2026, 11, 20, 18, 2, 11, tzinfo=datetime.UTC)

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    # The state at the named migrations (an app taken back to zero has none).
    return executor.loader.project_state(
        [(app, name) for app, name in targets if name is not None]
    ).apps


def _latest_targets():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_schema():
    """Historical models of the release before the move; today's schema after."""
    old_apps = _migrate(BEFORE_THE_MOVE)
    yield old_apps
    _migrate(_latest_targets())


def _fill_old_database(old_apps) -> dict:
    User = old_apps.get_model("auth", "User")
    OldProfile = old_apps.get_model("journal", "Profile")
    OldEntry = old_apps.get_model("journal", "Entry")
    OldReflection = old_apps.get_model("journal", "WeeklyReflection")
    OldShareLink = old_apps.get_model("journal", "ShareLink")

    sam = User.objects.create(username="sam", password="!")
    ana = User.objects.create(username="ana", password="!")
    OldProfile.objects.create(
        user=sam,
        display_name="Sam",
        time_zone="America/Los_Angeles",
        week_start="sunday",
    )
    OldProfile.objects.create(user=ana, display_name="", time_zone="Europe/Madrid")
    entry_uuid = uuid.uuid4()
    OldEntry.objects.create(
        uuid=entry_uuid,
        owner=sam,
        practiced_on=datetime.date(2026, 11, 20),
        skill="communication",
        note="Asked for the evening off, calmly.",
        situation="work",
        distress_before=6,
        distress_after=3,
        helpfulness=4,
        created_at=MOMENT,
    )
    OldReflection.objects.create(
        owner=sam,
        week_of=datetime.date(2026, 11, 15),
        what_helped="Walking.",
        what_was_hard="Mornings.",
        for_next_session="The phone call.",
        created_at=MOMENT,
    )
    OldShareLink.objects.create(
        owner=sam,
        token_hash="a" * 64,
        weeks=8,
        include_notes=True,
        first_day=datetime.date(2026, 9, 27),
        last_day=datetime.date(2026, 11, 21),
        created_at=MOMENT,
        expires_at=MOMENT + datetime.timedelta(days=30),
        view_count=2,
    )
    return {"sam": sam.pk, "ana": ana.pk, "entry_uuid": entry_uuid}


def test_moving_profile_to_accounts_keeps_every_row_and_value(old_schema):
    ids = _fill_old_database(old_schema)

    _migrate(_latest_targets())

    sam = Profile.objects.get(user_id=ids["sam"])
    ana = Profile.objects.get(user_id=ids["ana"])
    assert (sam.display_name, sam.time_zone, sam.week_start, sam.language) == (
        "Sam",
        "America/Los_Angeles",
        "sunday",
        "en",
    )
    assert (ana.display_name, ana.time_zone, ana.week_start) == (
        "",
        "Europe/Madrid",
        "monday",
    )
    entry = Entry.objects.get(uuid=ids["entry_uuid"])
    assert (
        entry.owner_id,
        entry.skill,
        entry.note,
        entry.situation,
        entry.distress_before,
        entry.distress_after,
        entry.helpfulness,
        entry.created_at,
    ) == (
        ids["sam"],
        "communication",
        "Asked for the evening off, calmly.",
        "work",
        6,
        3,
        4,
        MOMENT,
    )
    reflection = WeeklyReflection.objects.get(owner_id=ids["sam"])
    assert (
        reflection.week_of,
        reflection.what_helped,
        reflection.what_was_hard,
        reflection.for_next_session,
    ) == (datetime.date(2026, 11, 15), "Walking.", "Mornings.", "The phone call.")
    link = ShareLink.objects.get(owner_id=ids["sam"])
    assert (link.weeks, link.include_notes, link.view_count, link.token_hash) == (
        8,
        True,
        2,
        "a" * 64,
    )


def test_the_profile_table_is_renamed_for_its_new_app(old_schema):
    old_tables = connection.introspection.table_names()

    _migrate(_latest_targets())

    new_tables = connection.introspection.table_names()
    assert "journal_profile" in old_tables
    assert "accounts_profile" not in old_tables
    assert "accounts_profile" in new_tables
    assert "journal_profile" not in new_tables


def test_the_profile_content_type_moves_with_its_permissions(old_schema):
    content_type = ContentType.objects.get_or_create(
        app_label="journal", model="profile"
    )[0]
    ContentType.objects.filter(app_label="accounts", model="profile").delete()
    permission = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_profile",
        defaults={"name": "Can change profile"},
    )[0]

    _migrate(_latest_targets())

    content_type.refresh_from_db()
    permission.refresh_from_db()
    assert (content_type.app_label, content_type.model) == ("accounts", "profile")
    assert permission.content_type_id == content_type.pk
    assert not ContentType.objects.filter(app_label="journal", model="profile").exists()
