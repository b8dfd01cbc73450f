"""Moving ShareLink and ShareLinkView to the sharing app keeps every row and value,
and a link made before the move still opens.

The database is taken back to the schema of the release before the move (journal
0010, no sharing app), filled through the historical models with every kind of
record, and migrated forward as a deployed database would be. Runs on SQLite and,
in CI, on PostgreSQL.
"""

import datetime

import pytest
from django.apps import apps as current_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client

from sharing.models import ShareLink, ShareLinkView
from sharing.services import hash_token

BEFORE = {"journal": "0010_therapy_sessions", "sharing": None}
TOKEN = "a-link-made-before-the-move-0123456789abcdefghijk"
MOMENT = datetime.datetime(2026, 11, 20, 18, 2, 11, tzinfo=datetime.UTC)
DAY = datetime.date(2026, 11, 20)
# Every model whose rows the move must keep, by its label before and after.
KINDS = [
    ("journal.Entry", "journal.Entry"),
    ("journal.WeeklyReflection", "journal.WeeklyReflection"),
    ("journal.RestDay", "journal.RestDay"),
    ("journal.ActivityPlan", "journal.ActivityPlan"),
    ("journal.SessionSchedule", "journal.SessionSchedule"),
    ("journal.TherapySession", "journal.TherapySession"),
    ("journal.SessionStar", "journal.SessionStar"),
    ("journal.TalkPoint", "journal.TalkPoint"),
    ("journal.ShareLink", "sharing.ShareLink"),
    ("journal.ShareLinkView", "sharing.ShareLinkView"),
    ("accounts.Profile", "accounts.Profile"),
]

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(
        [(app, name) for app, name in targets if name is not None]
    ).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _before_the_move():
    """Every other app as it is today; the journal and sharing before the move."""
    return [(app, BEFORE.get(app, name)) for app, name in _latest()]


@pytest.fixture
def old_apps():
    """Historical models of the release before the move; today's schema after."""
    yield _migrate(_before_the_move())
    _migrate(_latest())


def _fill(old):
    model = old.get_model
    sam = model("auth", "User").objects.create(username="sam", password="!")
    model("accounts", "Profile").objects.create(
        user=sam, display_name="Sam", time_zone="Europe/Madrid", language="es"
    )
    entry = model("journal", "Entry").objects.create(
        owner=sam,
        practiced_on=DAY,
        skill="distress-tolerance",
        note="Cold water on my face, then a slow walk.",
        situation="After the phone call",
        distress_before=8,
        distress_after=4,
        helpfulness=4,
        exercise="ride-the-wave",
        exercise_version=1,
        answers={"urge": "to shout", "peak": 7},
        created_at=MOMENT,
    )
    model("journal", "WeeklyReflection").objects.create(
        owner=sam,
        week_of=datetime.date(2026, 11, 16),
        what_helped="Walking.",
        what_was_hard="Mornings.",
        for_next_session="The phone call.",
        created_at=MOMENT,
    )
    model("journal", "RestDay").objects.create(
        owner=sam, day=DAY + datetime.timedelta(days=1), reason="Family visit"
    )
    model("journal", "ActivityPlan").objects.create(
        owner=sam,
        exercise_version=1,
        activity="A ten-minute walk",
        planned_on=DAY,
        expected=3,
        status="done",
        entry=entry,
        created_at=MOMENT,
        closed_at=MOMENT,
    )
    schedule = model("journal", "SessionSchedule").objects.create(
        owner=sam,
        every_weeks=1,
        starts_on=datetime.date(2026, 11, 26),
        at=datetime.time(17, 0),
        time_zone="Europe/Madrid",
        label="Dr. R.",
        made_until=datetime.date(2026, 12, 3),
    )
    session = model("journal", "TherapySession").objects.create(
        owner=sam,
        schedule=schedule,
        scheduled_on=datetime.date(2026, 11, 26),
        starts_at=datetime.datetime(2026, 11, 26, 16, 0, tzinfo=datetime.UTC),
        time_zone="Europe/Madrid",
        label="Dr. R.",
    )
    model("journal", "SessionStar").objects.create(entry=entry, session=session)
    model("journal", "TalkPoint").objects.create(
        owner=sam, session=session, text="How I slept", position=0
    )
    link = model("journal", "ShareLink").objects.create(
        owner=sam,
        token_hash=hash_token(TOKEN),
        weeks=4,
        include_notes=True,
        display_name="Sam R.",
        first_day=datetime.date(2026, 11, 2),
        last_day=datetime.date(2026, 11, 29),
        created_at=MOMENT,
        expires_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
        view_count=1,
        last_viewed_at=MOMENT,
    )
    model("journal", "ShareLinkView").objects.create(
        link=link, viewed_at=MOMENT, browser="Firefox", system="Windows"
    )


def _rows(model) -> list[dict]:
    return list(model.objects.order_by("pk").values())


def test_every_row_and_value_is_kept(old_apps):
    _fill(old_apps)
    before = {new: _rows(old_apps.get_model(old)) for old, new in KINDS}

    _migrate(_latest())

    after = {new: _rows(current_apps.get_model(new)) for _, new in KINDS}
    # Fields added by later migrations (a link's card choices) are left aside.
    kept = {
        label: [
            {key: row[key] for key in old_row}
            for row, old_row in zip(after[label], before[label], strict=True)
        ]
        for label in after
    }
    assert all(before[label] for label in before), "every kind has a row"
    assert kept == before


def test_a_link_made_before_the_move_still_opens_and_counts_the_visit(old_apps):
    _fill(old_apps)

    _migrate(_latest())
    response = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Firefox/133.0").get(
        f"/share/{TOKEN}/"
    )

    assert response.status_code == 200
    assert "Sam R." in response.content.decode()
    assert ShareLink.objects.get().view_count == 2
    assert ShareLinkView.objects.count() == 2


def test_the_tables_keep_their_names_so_old_workers_still_serve_links(old_apps):
    _migrate(_latest())

    tables = connection.introspection.table_names()
    assert {"journal_sharelink", "journal_sharelinkview"} <= set(tables)
    assert not {"sharing_sharelink", "sharing_sharelinkview"} & set(tables)
    assert ShareLink._meta.db_table == "journal_sharelink"


def test_the_content_types_move_with_the_models(old_apps):
    ContentType.objects.filter(app_label="sharing").delete()
    moved = {
        model: ContentType.objects.get_or_create(app_label="journal", model=model)[0]
        for model in ("sharelink", "sharelinkview")
    }

    _migrate(_latest())

    for model, content_type in moved.items():
        content_type.refresh_from_db()
        assert (content_type.app_label, content_type.model) == ("sharing", model)
    assert not ContentType.objects.filter(
        app_label="journal", model__startswith="sharelink"
    ).exists()


def test_going_back_returns_the_models_to_the_journal():
    _migrate(_before_the_move())
    try:
        tables = connection.introspection.table_names()
        assert "journal_sharelink" in tables
    finally:
        _migrate(_latest())
