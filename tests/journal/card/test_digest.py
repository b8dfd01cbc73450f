"""The digest of the newest check-ins (journal/card/digest.py): rewritten with every
write to check-ins, encrypted, and never trusted further than it reaches."""

import datetime
import threading

import pytest
import time_machine
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from journal.card import digest, services
from journal.card.progress import card_progress
from journal.models import CardRow, CheckIn, CheckInDigest
from portability.exporting import document_for
from portability.importing import import_document
from tests.factories import make_user
from tests.journal.card.helpers import check_in, make_row

D = datetime.date
TODAY = D(2026, 11, 21)
NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def rows(owner):
    return {
        "drink": make_row(owner, "Urge to drink"),
        "sadness": make_row(owner, "Sadness", kind=CardRow.Kind.EMOTION),
        "sleep": make_row(owner, "Hours slept", kind=CardRow.Kind.NUMBER),
        "medication": make_row(owner, "Took medication", kind=CardRow.Kind.YES_NO),
    }


def stored_digest(user) -> CheckInDigest | None:
    return CheckInDigest.objects.filter(owner=user).first()


def expected(user) -> dict:
    """The digest made afresh from every check-in, newest first."""
    newest = CheckIn.objects.for_user(user).order_by("-day")
    return digest.pack((c.day, c.values) for c in newest[: digest.DIGEST_DAYS])


def fill(owner, rows, days: int):
    for back in range(days):
        check_in(
            owner,
            TODAY - datetime.timedelta(days=back),
            {
                rows["drink"]: (back % 6, back % 3 == 0),
                rows["sadness"]: back % 5,
                rows["sleep"]: 6.5 + back % 3,
                rows["medication"]: back % 2 == 0,
            },
            skills=back % 8,
        )


def test_pack_keeps_what_progress_reads_of_each_day():
    packed = digest.pack(
        [
            (
                D(2026, 11, 21),
                {"rows": {"a": {"value": 3, "acted": True}}, "skills": 0},
            ),
            (
                D(2026, 11, 20),
                {"rows": {"b": {"value": None}, "a": {}}, "skills": None},
            ),
            (D(2026, 11, 19), {}),
        ]
    )

    assert packed == {
        "keys": ["a", "b"],
        "days": [
            [D(2026, 11, 21).toordinal(), True, [0, 3, True]],
            # An empty answer holds nothing; an answer of nothing still counts as
            # the row's (a paused row shows while it has one).
            [D(2026, 11, 20).toordinal(), False, [1, None, None]],
            [D(2026, 11, 19).toordinal(), False, []],
        ],
    }


def test_every_write_to_a_check_in_writes_the_digest_again(owner, rows):
    assert stored_digest(owner) is None

    check_in(owner, TODAY, {rows["drink"]: (4, True), rows["sadness"]: 2}, skills=3)
    assert stored_digest(owner).days == expected(owner)

    check_in(owner, TODAY, {rows["drink"]: (1, False)}, sentence="A calmer day")
    check_in(owner, TODAY - datetime.timedelta(days=2), {rows["medication"]: True})
    assert stored_digest(owner).days == expected(owner)
    assert len(stored_digest(owner).days["days"]) == 2

    services.delete_check_in(CheckIn.objects.get(owner=owner, day=TODAY))
    assert stored_digest(owner).days == expected(owner)

    services.remove(rows["medication"])
    assert stored_digest(owner).days == expected(owner)
    assert str(rows["medication"].uuid) not in str(stored_digest(owner).days)


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_check_ins_saved_at_once_all_reach_the_digest(owner, rows):
    start = threading.Barrier(6)

    def save(back):
        try:
            start.wait(timeout=30)
            check_in(owner, TODAY - datetime.timedelta(days=back), {rows["sadness"]: 2})
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(back,)) for back in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert CheckIn.objects.filter(owner=owner).count() == 6
    assert stored_digest(owner).days == expected(owner)


def test_the_last_check_in_deleted_leaves_no_digest(owner, rows):
    made = check_in(owner, TODAY, {rows["sadness"]: 2})

    services.delete_check_in(made)

    assert stored_digest(owner) is None


def test_an_import_writes_the_digest_again(owner, rows):
    fill(owner, rows, 5)
    document = document_for(owner, NOW)
    other = make_user("robin")

    import_document(other, document, TODAY, NOW)

    assert stored_digest(other).days == expected(other)
    assert len(stored_digest(other).days["days"]) == 5


def test_the_digest_holds_the_newest_days_and_says_from_when(owner, rows, monkeypatch):
    monkeypatch.setattr(digest, "DIGEST_DAYS", 10)
    fill(owner, rows, 14)

    kept = stored_digest(owner)

    assert len(kept.days["days"]) == 10
    assert kept.complete_from == TODAY - datetime.timedelta(days=9)
    assert kept.days == expected(owner)


def progress_without_digest(owner):
    CheckInDigest.objects.filter(owner=owner).delete()
    return card_progress(owner, TODAY, "monday")


def figures(progress) -> list:
    return [(line.row.pk, line.summary, line.weeks) for line in progress.rows]


def test_progress_reads_the_check_ins_where_the_digest_does_not_reach(
    owner, rows, monkeypatch
):
    # Fewer days kept than twelve weeks: the span starts before the digest's.
    monkeypatch.setattr(digest, "DIGEST_DAYS", 20)
    fill(owner, rows, 60)
    assert stored_digest(owner).complete_from == TODAY - datetime.timedelta(days=19)

    with CaptureQueriesContext(connection) as queries:
        shown = card_progress(owner, TODAY, "monday")

    assert len(queries) == 1
    assert len(shown.rows[0].weeks) == 9  # the weeks since the first check-in
    assert figures(shown) == figures(progress_without_digest(owner))


def test_progress_is_the_same_with_and_without_the_digest(owner, rows):
    fill(owner, rows, 90)
    services.set_paused(rows["sleep"], True)
    services.set_mark(rows["drink"], "hidden", True)

    with CaptureQueriesContext(connection) as queries:
        shown = card_progress(owner, TODAY, "monday")

    assert len(queries) == 1
    assert figures(shown) == figures(progress_without_digest(owner))
    assert [line.row.name for line in shown.rows] == [
        "Sadness",
        "Hours slept",
        "Took medication",
    ]


def test_the_stored_digest_holds_no_plain_values(owner, rows):
    check_in(owner, TODAY, {rows["drink"]: (5, True)}, skills=2)

    with connection.cursor() as cursor:
        cursor.execute("SELECT days FROM journal_checkindigest")
        (token,) = cursor.fetchone()

    assert str(rows["drink"].uuid) not in token
    assert "true" not in token.lower()
    assert stored_digest(owner).days["keys"] == [str(rows["drink"].uuid)]


def test_erasing_the_account_removes_the_digest(owner, rows):
    from accounts.erasure import erase_account

    check_in(owner, TODAY, {rows["sadness"]: 3})

    erase_account(owner, remember=False)

    assert not CheckInDigest.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_migration_makes_a_digest_for_everyone_with_check_ins():
    before, after = (
        [("journal", "0016_practice_plans")],
        [("journal", "0017_check_in_digest")],
    )
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("auth", "User").objects.create(username="sam", password="!")
    old.get_model("auth", "User").objects.create(username="kit", password="!")
    old_check_in = old.get_model("journal", "CheckIn")
    for back in range(3):
        old_check_in.objects.create(
            owner=user,
            day=TODAY - datetime.timedelta(days=back),
            values={"rows": {"r": {"value": back, "acted": None}}, "skills": back},
        )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)

        (made,) = CheckInDigest.objects.all()
        assert made.owner_id == user.pk
        assert made.complete_from is None
        assert made.days == expected(user.pk)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
