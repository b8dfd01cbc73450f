"""An import's limits: one file, one day's entries, and nobody else's rows."""

import datetime
import json
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from journal.models import Entry
from journal.services.entries import MAX_ENTRIES_PER_DAY
from portability.importing import MAX_IMPORT_ENTRIES
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 18)


def fill_day(user, day=DAY, count=MAX_ENTRIES_PER_DAY):
    Entry.objects.bulk_create(
        Entry(owner=user, practiced_on=day, skill="communication", note=f"n{i}")
        for i in range(count)
    )


def export_file(entries) -> SimpleUploadedFile:
    document = {
        "format": "between-sessions-export",
        "version": 1,
        "entries": entries,
        "reflections": [],
    }
    return SimpleUploadedFile("export.json", json.dumps(document).encode())


def record(day=DAY, **fields):
    return {
        "uuid": str(uuid.uuid4()),
        "practiced_on": day.isoformat(),
        "skill": "communication",
        "note": "Imported.",
        **fields,
    }


def test_an_import_of_more_than_twenty_thousand_entries_is_refused_whole(owner_client):
    entries = [record()] * (MAX_IMPORT_ENTRIES + 1)

    response = owner_client.post("/accounts/import/", {"file": export_file(entries)})

    assert (
        "one import takes at most 20,000" in response.context["form"].errors["file"][0]
    )
    assert not Entry.objects.exists()


def test_an_import_never_touches_or_reveals_another_persons_entry(owner_client):
    theirs = make_entry(make_user("sky"), note="Sky's own words")
    imported = record(uuid=str(theirs.uuid), note="Mine")

    response = owner_client.post("/accounts/import/", {"file": export_file([imported])})

    assert response.status_code == 302
    theirs.refresh_from_db()
    assert theirs.note == "Sky's own words"
    owners = list(Entry.objects.exclude(pk=theirs.pk))
    assert [e.note for e in owners] == ["Mine"]
    assert owners[0].uuid != theirs.uuid


def test_an_import_that_would_overfill_a_day_names_it_and_adds_nothing(
    owner_client, owner
):
    fill_day(owner, count=MAX_ENTRIES_PER_DAY - 1)
    entries = [record(), record()]

    response = owner_client.post("/accounts/import/", {"file": export_file(entries)})

    message = response.context["form"].errors["file"][0]
    assert "at most 100 entries" in message and "2026-11-18" in message
    assert Entry.objects.count() == MAX_ENTRIES_PER_DAY - 1
