import csv
import datetime
import io
import json
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.models import Profile
from journal.models import Entry, WeeklyReflection
from portability import entries as portability
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
CSV_COLUMNS = [
    "uuid",
    "practiced_on",
    "skill",
    "note",
    "situation",
    "distress_before",
    "distress_after",
    "helpfulness",
    "technique",
    "created_at",
    "updated_at",
    "exercise",
    "starred_for",
    "technique_name",
]


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def upload(client, document, name="export.json"):
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    return client.post(
        "/accounts/import/", {"file": SimpleUploadedFile(name, raw, "application/json")}
    )


def export_json(client):
    response = client.get("/accounts/export/json/")
    return json.loads(response.content)


# --- CSV -----------------------------------------------------------------------------


def test_csv_export_has_a_bom_a_header_and_one_row_per_entry(
    owner_client, owner, other_user
):
    make_entry(
        owner, note="Café visit, naïve thoughts", distress_before=6, helpfulness=4
    )
    make_entry(owner, practiced_on=D(2026, 11, 1))
    make_entry(other_user, note="not mine")

    response = owner_client.get("/accounts/export/csv/")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 3
    assert rows[1][1] == "2026-11-01"
    newest = dict(zip(CSV_COLUMNS, rows[2], strict=True))
    assert newest["note"] == "Café visit, naïve thoughts"
    assert (
        newest["distress_before"],
        newest["distress_after"],
        newest["helpfulness"],
    ) == ("6", "", "4")
    assert newest["created_at"].endswith("+00:00")


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_look_like_formulas_are_neutralised(owner_client, owner, prefix):
    make_entry(owner, note=f'{prefix}HYPERLINK("http://x")', situation=f"{prefix}1+1")

    row = dict(
        zip(
            CSV_COLUMNS,
            read_csv(owner_client.get("/accounts/export/csv/"))[1],
            strict=True,
        )
    )

    assert row["note"] == f'\'{prefix}HYPERLINK("http://x")'
    assert row["situation"] == f"'{prefix}1+1"


def test_csv_keeps_markup_as_plain_text(owner_client, owner):
    make_entry(owner, note=XSS)

    row = read_csv(owner_client.get("/accounts/export/csv/"))[1]

    assert row[3] == XSS


def test_neutralise_cell_leaves_ordinary_text_alone():
    assert portability.neutralise_cell("I said no.") == "I said no."
    assert portability.neutralise_cell("") == ""


# --- JSON ----------------------------------------------------------------------------


def test_json_export_holds_entries_reflections_and_settings(
    owner_client, owner, other_user
):
    Profile.objects.filter(user=owner).update(display_name="Sam", week_start="sunday")
    make_entry(owner, note=XSS)
    make_entry(other_user, note="not mine")
    WeeklyReflection.objects.create(
        owner=owner, week_of=D(2026, 11, 15), what_helped="Tea"
    )

    response = owner_client.get("/accounts/export/json/")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content)
    assert (document["format"], document["version"]) == ("between-sessions-export", 6)
    assert document["settings"]["display_name"] == "Sam"
    assert document["settings"]["week_start"] == "sunday"
    assert [e["note"] for e in document["entries"]] == [XSS]
    # Stars and named skills are lists of their own in the JSON; the CSV folds
    # them into a column (and names the named skill for a person reading it).
    assert set(document["entries"][0]) == set(CSV_COLUMNS) - {
        "starred_for",
        "technique_name",
    }
    assert document["reflections"][0]["what_helped"] == "Tea"


@pytest.mark.parametrize("url", ["/accounts/export/csv/", "/accounts/export/json/"])
def test_exports_need_login_and_refuse_post(client, owner_client, url):
    from django.test import Client

    assert Client().get(url)["Location"].startswith("/accounts/login/")
    assert owner_client.post(url).status_code == 405


# --- import --------------------------------------------------------------------------


def test_round_trip_export_erase_import_gives_the_same_data_back(owner_client, owner):
    make_entry(
        owner,
        note="first",
        situation="at work",
        distress_before=7,
        distress_after=3,
        helpfulness=5,
        created_at=datetime.datetime(2026, 3, 1, 8, 30, tzinfo=datetime.UTC),
    )
    make_entry(
        owner, note="second\nline", skill="communication", practiced_on=D(2026, 2, 2)
    )
    WeeklyReflection.objects.create(
        owner=owner,
        week_of=D(2026, 11, 16),
        what_helped="Walks",
        what_was_hard="Sleep",
        for_next_session="Ask about it",
    )
    before = export_json(owner_client)
    Entry.objects.filter(owner=owner).delete()
    WeeklyReflection.objects.filter(owner=owner).delete()

    response = upload(owner_client, before)

    assert response.status_code == 302
    after = export_json(owner_client)

    def without_updated(records):
        return sorted(
            ({k: v for k, v in r.items() if k != "updated_at"} for r in records),
            key=lambda r: sorted(r.items()),
        )

    assert without_updated(after["entries"]) == without_updated(before["entries"])
    assert without_updated(after["reflections"]) == without_updated(
        before["reflections"]
    )


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    owner_client, owner
):
    make_entry(owner)
    document = export_json(owner_client)
    Entry.objects.filter(owner=owner).delete()

    upload(owner_client, document)
    response = upload(owner_client, document)

    assert Entry.objects.filter(owner=owner).count() == 1
    page = owner_client.get(response["Location"]).content.decode()
    assert "0 entries added, 1 already here" in page


def test_import_never_changes_existing_entries_or_settings(owner_client, owner):
    entry = make_entry(owner, note="kept as is")
    document = export_json(owner_client)
    document["entries"][0]["note"] = "changed in the file"
    document["settings"]["time_zone"] = "Asia/Tokyo"

    upload(owner_client, document)

    entry.refresh_from_db()
    assert entry.note == "kept as is"
    assert Profile.objects.get(user=owner).time_zone == "UTC"


def test_imported_entries_belong_to_the_importer_and_keep_created_at(
    owner_client, owner
):
    document = {
        "format": "between-sessions-export",
        "version": 1,
        "entries": [
            {
                "uuid": "8d4a3f0e-6f57-4a53-9a43-6f9f3c2f2d11",
                "practiced_on": "2025-05-05",
                "skill": "behavioral-activation",
                "note": "A short walk.",
                "created_at": "2025-05-05T18:00:00+00:00",
            }
        ],
    }

    upload(owner_client, document)

    entry = Entry.objects.get(owner=owner)
    assert entry.created_at == datetime.datetime(2025, 5, 5, 18, 0, tzinfo=datetime.UTC)
    assert str(entry.uuid) == "8d4a3f0e-6f57-4a53-9a43-6f9f3c2f2d11"


VALID_ENTRY = {
    "uuid": "8d4a3f0e-6f57-4a53-9a43-6f9f3c2f2d11",
    "practiced_on": "2025-05-05",
    "skill": "communication",
    "note": "fine",
}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "not readable JSON"),
        (b"\xff\xfe\x00", "not readable JSON"),
        (b"[1, 2, 3]", "not a Between Sessions export"),
        (
            json.dumps({"format": "other", "version": 1}).encode(),
            "not a Between Sessions export",
        ),
        (
            json.dumps({"format": "between-sessions-export", "version": 7}).encode(),
            "version 7",
        ),
        (
            json.dumps(
                {"format": "between-sessions-export", "version": 1, "entries": {}}
            ).encode(),
            "not a list",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [
                        VALID_ENTRY,
                        {**VALID_ENTRY, "uuid": "x", "skill": "juggling"},
                    ],
                }
            ).encode(),
            "Entry 2 could not be read",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [VALID_ENTRY, {**VALID_ENTRY, "uuid": "not-a-uuid"}],
                }
            ).encode(),
            "uuid",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [VALID_ENTRY, {**VALID_ENTRY, "note": "   "}],
                }
            ).encode(),
            "Entry 2",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [VALID_ENTRY, {**VALID_ENTRY, "distress_after": 11}],
                }
            ).encode(),
            "Entry 2",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [
                        VALID_ENTRY,
                        {**VALID_ENTRY, "created_at": "yesterday"},
                    ],
                }
            ).encode(),
            "Entry 2",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [VALID_ENTRY],
                    "reflections": [{"week_of": "someday"}],
                }
            ).encode(),
            "Reflection 1",
        ),
        (
            json.dumps(
                {
                    "format": "between-sessions-export",
                    "version": 1,
                    "entries": [VALID_ENTRY],
                    "reflections": [
                        {"week_of": "2026-11-16", "what_helped": "x" * 2001}
                    ],
                }
            ).encode(),
            "Reflection 1",
        ),
        (b" " * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message_and_imports_nothing(
    owner_client, raw, message
):
    response = upload(owner_client, raw)

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert message in errors
    assert 'id="error_1_id_file"' in response.content.decode()
    assert Entry.objects.count() == 0
    assert WeeklyReflection.objects.count() == 0


def test_import_without_a_file_asks_for_one(owner_client):
    response = owner_client.post("/accounts/import/", {})

    assert "Choose a file to import." in response.content.decode()


def test_import_page_needs_login(client):
    assert client.get("/accounts/import/")["Location"].startswith("/accounts/login/")


def test_import_page_refuses_other_methods(owner_client):
    assert owner_client.put("/accounts/import/").status_code == 405


def test_import_page_offers_both_downloads(owner_client):
    html = owner_client.get("/accounts/import/").content.decode()

    assert 'href="/accounts/export/csv/"' in html
    assert 'href="/accounts/export/json/"' in html
    assert 'enctype="multipart/form-data"' in html


def test_importing_someone_elses_uuid_never_touches_their_entry(
    owner_client, other_user
):
    theirs = make_entry(other_user, note="theirs")
    document = {
        "format": "between-sessions-export",
        "version": 1,
        "entries": [{**VALID_ENTRY, "uuid": str(theirs.uuid), "note": "mine"}],
    }

    upload(owner_client, document)

    theirs.refresh_from_db()
    assert (theirs.owner, theirs.note) == (other_user, "theirs")
