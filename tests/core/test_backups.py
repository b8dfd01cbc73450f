"""manage.py backup and restore on SQLite (the PostgreSQL round trip with every
kind of record is tests/reliability/test_backup_restore_postgresql.py)."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.erasure import erase_account
from core.backups import erasures
from journal.models import Entry
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db(transaction=True)

NOTE = "Named the anger before replying; it passed."


@pytest.fixture(autouse=True)
def _sqlite_only():
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite round trip; PostgreSQL has its own test")


@pytest.fixture
def erased_list(settings, tmp_path):
    settings.ERASED_ACCOUNTS_FILE = str(tmp_path / "erased-accounts.jsonl")
    return tmp_path / "erased-accounts.jsonl"


def backup(path, *args):
    call_command("backup", str(path), *args, stdout=StringIO())


def restore(path, *args) -> str:
    out = StringIO()
    call_command("restore", str(path), *args, stdout=out, stderr=out)
    return out.getvalue()


def test_backup_writes_a_sqlite_copy_of_the_database(tmp_path):
    make_entry(make_user("sam"), note=NOTE)

    backup(tmp_path / "site.backup")

    assert (tmp_path / "site.backup").read_bytes().startswith(b"SQLite format 3\x00")
    assert not (tmp_path / "site.backup.partial").exists()


def test_backup_keeps_an_existing_file_unless_told(tmp_path):
    (tmp_path / "site.backup").write_bytes(b"yesterday's good backup")

    with pytest.raises(CommandError, match="exists already"):
        backup(tmp_path / "site.backup")

    assert (tmp_path / "site.backup").read_bytes() == b"yesterday's good backup"
    backup(tmp_path / "site.backup", "--overwrite")
    assert (tmp_path / "site.backup").read_bytes().startswith(b"SQLite format 3")


def test_restore_refuses_a_database_that_holds_data(tmp_path):
    make_entry(make_user("sam"), note=NOTE)
    backup(tmp_path / "site.backup")
    make_user("later")

    with pytest.raises(CommandError, match="already holds"):
        restore(tmp_path / "site.backup")

    assert get_user_model().objects.filter(username="later").exists()


def test_restore_with_replace_brings_back_every_value(tmp_path):
    entry = make_entry(make_user("sam"), note=NOTE, situation="A hard call")
    backup(tmp_path / "site.backup")
    Entry.objects.all().delete()
    make_user("after-the-backup")

    restore(tmp_path / "site.backup", "--replace")

    restored = Entry.objects.get(uuid=entry.uuid)
    assert (restored.note, restored.situation) == (NOTE, "A hard call")
    assert restored.owner.username == "sam"
    assert not get_user_model().objects.filter(username="after-the-backup").exists()


def test_restore_empties_the_shared_cache(tmp_path):
    backup(tmp_path / "site.backup")
    cache.set("fragment-from-the-discarded-timeline", "old page")

    output = restore(tmp_path / "site.backup", "--replace")

    assert cache.get("fragment-from-the-discarded-timeline") is None
    assert "Emptied the shared cache" in output


def test_an_erasure_is_listed_by_id_and_joining_time_only(erased_list):
    person = make_user("sam-private-name")
    account_id, joined_at = person.pk, person.date_joined

    erase_account(person)

    (line,) = erased_list.read_text().splitlines()
    fields = json.loads(line)
    assert fields["account"] == account_id
    assert fields["joined_at"] == joined_at.isoformat()
    assert set(fields) == {"account", "joined_at", "erased_at"}
    assert "sam-private-name" not in line


def test_restore_erases_again_an_account_erased_since_the_backup(tmp_path, erased_list):
    leaving = make_user("leaving")
    make_entry(leaving, note=NOTE)
    staying = make_user("staying")
    backup(tmp_path / "site.backup")
    erase_account(leaving)

    output = restore(tmp_path / "site.backup", "--replace")

    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert usernames == {staying.username}
    assert not Entry.objects.exists()
    assert "Erased again 1 accounts" in output
    # Applying the list again adds nothing to it.
    assert len(erased_list.read_text().splitlines()) == 1


def test_an_id_given_again_to_someone_new_is_not_erased(erased_list):
    newcomer = make_user("newcomer")
    earlier = newcomer.date_joined.replace(year=newcomer.date_joined.year - 1)
    listed = [erasures.Erasure(newcomer.pk, earlier, earlier)]

    erased = erasures.erase_again(listed)

    assert erased == 0
    assert get_user_model().objects.filter(pk=newcomer.pk).exists()


def test_a_damaged_list_stops_the_restore_before_anything_changes(
    tmp_path, erased_list
):
    backup(tmp_path / "site.backup")
    make_user("after-the-backup")
    erased_list.write_text('{"account": 3, "joined_at": "not a time"}\n')

    with pytest.raises(CommandError, match="Line 1 .* cannot be read"):
        restore(tmp_path / "site.backup", "--replace")

    assert get_user_model().objects.filter(username="after-the-backup").exists()


def test_an_erasure_that_cannot_be_listed_is_logged_and_still_done(
    settings, tmp_path, caplog
):
    settings.ERASED_ACCOUNTS_FILE = str(tmp_path / "missing-folder" / "list.jsonl")
    person = make_user("sam")

    erase_account(person)

    assert not get_user_model().objects.filter(username="sam").exists()
    assert "a restore from an older backup would bring it back" in caplog.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PGDMP\x01\x0e\x00", "is a postgresql backup"),
        (b"just some text", "not a backup made by"),
    ],
)
def test_restore_refuses_a_file_it_cannot_use(tmp_path, content, message):
    (tmp_path / "file").write_bytes(content)
    make_user("kept")

    with pytest.raises(CommandError, match=message):
        restore(tmp_path / "file", "--replace")

    assert get_user_model().objects.filter(username="kept").exists()


def test_restore_refuses_a_sqlite_file_that_is_not_this_sites(tmp_path):
    import sqlite3

    other = sqlite3.connect(tmp_path / "other.sqlite3")
    other.execute("CREATE TABLE notes (text)")
    other.commit()
    other.close()

    with pytest.raises(CommandError, match="not this site's"):
        restore(tmp_path / "other.sqlite3", "--replace")
