"""Rows written before encryption are encrypted by the migration, and back again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from journal.models import Entry, WeeklyReflection

BEFORE = [("journal", "0006_share_link_view_log")]
NOTE = "Named the fear out loud before the meeting."

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def raw(table, column):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")  # noqa: S608 - fixed names
        return [value for (value,) in cursor.fetchall()]


@pytest.fixture
def plain_rows():
    old = migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="sam", password="!")
    old.get_model("journal", "Entry").objects.create(
        owner=user,
        practiced_on=datetime.date(2026, 11, 20),
        skill="communication",
        note=NOTE,
        situation="At work",
    )
    old.get_model("journal", "WeeklyReflection").objects.create(
        owner=user, week_of=datetime.date(2026, 11, 16), what_helped="Walks"
    )
    yield
    migrate(latest())


def test_the_migration_encrypts_text_written_before_it(plain_rows):
    migrate(latest())

    assert NOTE not in raw("journal_entry", "note")
    assert "Walks" not in raw("journal_weeklyreflection", "what_helped")
    entry = Entry.objects.get()
    assert (entry.note, entry.situation) == (NOTE, "At work")
    assert WeeklyReflection.objects.get().what_helped == "Walks"


def test_the_migration_can_be_undone(plain_rows):
    migrate(latest())

    migrate(BEFORE)

    assert raw("journal_entry", "note") == [NOTE]
    assert raw("journal_entry", "situation") == ["At work"]
    assert raw("journal_weeklyreflection", "what_helped") == ["Walks"]
