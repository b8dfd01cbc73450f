"""Journal text is stored encrypted, readable only with the configured keys."""

import datetime
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from core.encryption import UnreadableText, decrypt, encrypt
from journal.models import Entry, WeeklyReflection
from tests.factories import make_entry

NOTE = "Called my sister instead of spiralling; the knot in my chest eased."
SITUATION = "Kitchen, after the phone call"
OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def raw_row(table, pk, *columns) -> tuple:
    with connection.cursor() as cursor:
        names = ", ".join(connection.ops.quote_name(c) for c in columns)
        cursor.execute(f"SELECT {names} FROM {table} WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()


def test_text_comes_back_as_it_went_in():
    assert decrypt(encrypt(NOTE)) == NOTE


def test_the_same_text_never_looks_the_same_twice():
    assert encrypt(NOTE) != encrypt(NOTE)


def test_a_changed_token_is_refused_not_shown():
    token = encrypt(NOTE)
    tampered = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]

    with pytest.raises(UnreadableText):
        decrypt(tampered)


def test_a_token_from_another_key_is_refused(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    token = encrypt(NOTE)
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(UnreadableText):
        decrypt(token)


def test_the_refusal_never_carries_the_token(settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    token = encrypt(NOTE)
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]

    with pytest.raises(UnreadableText) as refusal:
        decrypt(token)

    assert token not in str(refusal.value)


@pytest.mark.django_db
def test_a_raw_entry_row_holds_no_plain_text(owner):
    entry = make_entry(owner, note=NOTE, situation=SITUATION)

    note, situation = raw_row("journal_entry", entry.pk, "note", "situation")

    assert NOTE not in note and "sister" not in note
    assert SITUATION not in situation and "Kitchen" not in situation
    assert decrypt(note) == NOTE


@pytest.mark.django_db
def test_a_raw_reflection_row_holds_no_plain_text(owner):
    reflection = WeeklyReflection.objects.create(
        owner=owner,
        week_of=datetime.date(2026, 11, 16),
        what_helped="Morning walks",
        what_was_hard="Sunday evenings",
        for_next_session="The argument with Dad",
    )

    row = raw_row(
        "journal_weeklyreflection",
        reflection.pk,
        "what_helped",
        "what_was_hard",
        "for_next_session",
    )

    assert not {"Morning walks", "Sunday evenings", "The argument with Dad"} & set(row)
    assert [decrypt(value) for value in row] == [
        "Morning walks",
        "Sunday evenings",
        "The argument with Dad",
    ]


@pytest.mark.django_db
def test_an_entry_reads_back_as_written(owner):
    entry = make_entry(owner, note=NOTE, situation="")

    stored = Entry.objects.get(pk=entry.pk)

    assert (stored.note, stored.situation) == (NOTE, "")


@pytest.mark.django_db
def test_the_note_length_is_checked_on_the_text_not_the_token(owner):
    entry = Entry(
        owner=owner,
        practiced_on=datetime.date(2026, 11, 20),
        skill="communication",
        note="x" * 2001,
    )

    with pytest.raises(ValidationError) as problem:
        entry.full_clean()

    assert "note" in problem.value.message_dict


@pytest.mark.django_db
def test_after_adding_a_key_old_text_still_reads(owner, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    entry = make_entry(owner, note=NOTE)
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    assert Entry.objects.get(pk=entry.pk).note == NOTE


@pytest.mark.django_db
def test_reencrypt_moves_every_value_to_the_newest_key(owner, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    entry = make_entry(owner, note=NOTE, situation=SITUATION)
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    call_command("reencrypt", stdout=StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]

    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.note, stored.situation) == (NOTE, SITUATION)


@pytest.mark.django_db
def test_reencrypt_dry_run_counts_and_changes_nothing(owner, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    entry = make_entry(owner, note=NOTE, situation=SITUATION)
    before = raw_row("journal_entry", entry.pk, "note", "situation")
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    output = StringIO()

    call_command("reencrypt", "--dry-run", stdout=output)

    assert raw_row("journal_entry", entry.pk, "note", "situation") == before
    assert "2 values would be re-encrypted" in output.getvalue()


@pytest.mark.django_db
def test_reencrypt_twice_rewrites_nothing_the_second_time(owner, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    make_entry(owner, note=NOTE, situation=SITUATION)
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    call_command("reencrypt", stdout=StringIO())
    output = StringIO()

    call_command("reencrypt", stdout=output)

    assert output.getvalue().startswith("0 values re-encrypted; 2 already")


@pytest.mark.django_db
def test_empty_text_is_stored_empty_and_reads_back_empty(owner):
    """A token's length already tells empty text apart: storing it empty says no
    more, and a page of entries without a situation skips those decryptions."""
    entry = make_entry(owner, note=NOTE, situation="")

    note, situation = raw_row("journal_entry", entry.pk, "note", "situation")

    assert situation == "" and decrypt(note) == NOTE
    assert Entry.objects.get(pk=entry.pk).situation == ""


@pytest.mark.django_db
def test_empty_text_stored_as_a_token_before_still_reads_and_rotates(owner, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    entry = make_entry(owner, note=NOTE, situation="")
    with connection.cursor() as cursor:  # as rows written before this change hold it
        cursor.execute(
            "UPDATE journal_entry SET situation = %s WHERE id = %s",
            [encrypt(""), entry.pk],
        )
    assert Entry.objects.get(pk=entry.pk).situation == ""
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]
    output = StringIO()

    call_command("reencrypt", stdout=output)

    # The note and the old empty token move to the new key; nothing else is touched.
    assert output.getvalue().startswith("2 values re-encrypted")
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY]
    assert Entry.objects.get(pk=entry.pk).situation == ""
