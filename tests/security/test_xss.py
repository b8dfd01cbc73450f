"""Markup typed into any field comes back as text on every page and export."""

import csv
import io
import json
import re
import uuid
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.utils.html import escape
from pypdf import PdfReader

from accounts.models import Profile
from journal.models import Entry, WeeklyReflection

pytestmark = pytest.mark.django_db

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
ESCAPED = escape(PAYLOAD)
RAW_PIECES = ("<script>alert(1)</script>", "<img src=x onerror")
TODAY = "2026-11-21"
WEEK = "2026-11-16"


def assert_never_raw(html, where):
    for piece in RAW_PIECES:
        assert piece not in html, f"{where} shows raw markup: {piece!r}"


@pytest.fixture
def written(fixed_clock, owner, owner_client):
    """The payload saved through the forms, as a person would type it."""
    settings_response = owner_client.post(
        "/accounts/settings/",
        {
            "display_name": PAYLOAD,
            "time_zone": "UTC",
            "week_start": "monday",
            "language": "en",
        },
    )
    entry_response = owner_client.post(
        "/journal/entries/new/",
        {
            "uuid": str(uuid.uuid4()),
            "skill": "communication",
            "note": PAYLOAD,
            "situation": PAYLOAD,
            "practiced_on": TODAY,
        },
    )
    reflection_response = owner_client.post(
        f"/journal/week/{WEEK}/reflection/",
        {"what_helped": PAYLOAD, "what_was_hard": PAYLOAD, "for_next_session": PAYLOAD},
    )
    sharing_response = owner_client.post(
        "/journal/sharing/",
        {
            "weeks": "4",
            "expires_in_days": "30",
            "include_notes": "on",
            "display_name": PAYLOAD,
        },
    )
    assert [
        settings_response.status_code,
        entry_response.status_code,
        reflection_response.status_code,
        sharing_response.status_code,
    ] == [302, 302, 302, 200]
    entry = Entry.objects.get(owner=owner)
    assert (entry.note, entry.situation) == (PAYLOAD, PAYLOAD)
    reflection = WeeklyReflection.objects.get(owner=owner)
    assert reflection.what_helped == reflection.what_was_hard == PAYLOAD
    assert reflection.for_next_session == PAYLOAD
    assert Profile.objects.get(user=owner).display_name == PAYLOAD
    share_url = re.search(
        r"/share/[A-Za-z0-9_-]+/", sharing_response.content.decode()
    ).group(0)
    return {"entry": entry, "share_url": share_url}


# (url, how many times the escaped payload must show at least)
PAGES = [
    ("/journal/", 2),  # note, situation
    ("/journal/entries/", 2),
    ("/journal/entries/?" + urlencode({"q": PAYLOAD}), 3),  # and the search box
    ("/journal/entries/{pk}/edit/", 2),
    ("/journal/entries/{pk}/delete/", 2),
    # name, note, situation, three reflection answers and the three form fields
    (f"/journal/week/{WEEK}/", 9),
    ("/journal/progress/", 0),
    ("/accounts/settings/", 1),
    ("/journal/sharing/", 2),  # the form's name, offered from the profile; the link's
    ("/journal/entries/new/?" + urlencode({"skill": PAYLOAD, "date": PAYLOAD}), 0),
]


@pytest.mark.parametrize(("url", "minimum"), PAGES)
def test_payload_is_shown_escaped_on_every_page(owner_client, written, url, minimum):
    url = url.format(pk=written["entry"].pk)

    response = owner_client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert_never_raw(html, url)
    assert html.count(ESCAPED) >= minimum


def test_shared_page_with_notes_shows_the_payload_escaped(written):
    response = Client().get(written["share_url"])

    html = response.content.decode()
    assert response.status_code == 200
    assert_never_raw(html, "the shared page")
    # name, note, situation and the three reflection answers
    assert html.count(ESCAPED) >= 6


def test_json_export_holds_the_payload_exactly(owner_client, written):
    response = owner_client.get("/accounts/export/json/")

    document = json.loads(response.content)
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert document["settings"]["display_name"] == PAYLOAD
    [entry] = document["entries"]
    assert entry["note"] == entry["situation"] == PAYLOAD
    [reflection] = document["reflections"]
    assert [
        reflection[name]
        for name in ("what_helped", "what_was_hard", "for_next_session")
    ] == [PAYLOAD] * 3


def test_csv_export_holds_the_payload_exactly(owner_client, written):
    response = owner_client.get("/accounts/export/csv/")

    body = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    header, row = list(csv.reader(io.StringIO(body)))
    record = dict(zip(header, row, strict=True))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert record["note"] == record["situation"] == PAYLOAD


def test_week_pdf_holds_the_payload_as_text(owner_client, written):
    response = owner_client.get(f"/journal/week/{WEEK}/pdf/")

    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert response.status_code == 200
    # name, note, situation and the three reflection answers
    assert flat.count(PAYLOAD) >= 6


def test_guide_search_echoes_the_query_escaped(client):
    response = client.get("/guide/search/", {"q": PAYLOAD})

    html = response.content.decode()
    assert response.status_code == 200
    assert_never_raw(html, "the guide search")
    assert ESCAPED in html


# --- a form shown again with its errors --------------------------------------------


@pytest.mark.parametrize(
    ("url", "data", "minimum"),
    [
        (
            "/journal/entries/new/",
            {
                "uuid": "0f0e0d0c-0b0a-4908-8706-050403020100",
                "skill": "communication",
                "note": PAYLOAD,
                "situation": PAYLOAD,
                "distress_before": "99",
                "practiced_on": TODAY,
            },
            2,
        ),
        (
            "/journal/entries/new/",
            {
                "uuid": "0f0e0d0c-0b0a-4908-8706-050403020101",
                "skill": PAYLOAD,
                "note": PAYLOAD,
                "practiced_on": TODAY,
                "return_to": "today",
            },
            1,
        ),
        (
            "/accounts/settings/",
            {
                "display_name": PAYLOAD,
                "time_zone": PAYLOAD,
                "week_start": PAYLOAD,
                "language": PAYLOAD,
            },
            1,
        ),
        (
            f"/journal/week/{WEEK}/reflection/",
            {
                "what_helped": PAYLOAD,
                "what_was_hard": PAYLOAD,
                "for_next_session": "x" * 2001,
            },
            2,
        ),
    ],
)
def test_a_form_shown_again_with_errors_escapes_what_was_typed(
    fixed_clock, owner_client, url, data, minimum
):
    response = owner_client.post(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors
    assert_never_raw(html, url)
    assert html.count(ESCAPED) >= minimum


@pytest.mark.parametrize(
    ("url", "data"),
    [
        (
            "/accounts/signup/",
            {
                "username": PAYLOAD,
                "email": PAYLOAD,
                "password1": "x",
                "password2": "y",
                "time_zone": PAYLOAD,
            },
        ),
        ("/accounts/login/", {"username": PAYLOAD, "password": PAYLOAD}),
        ("/accounts/password_reset/", {"email": PAYLOAD}),
    ],
)
def test_account_forms_shown_again_escape_what_was_typed(client, url, data):
    response = client.post(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert_never_raw(html, url)
    assert ESCAPED in html


def test_an_over_long_history_search_is_echoed_escaped(owner_client):
    response = owner_client.get("/journal/entries/", {"q": PAYLOAD * 4})

    html = response.content.decode()
    assert response.status_code == 200
    assert_never_raw(html, "the history search")


# --- where to go next ----------------------------------------------------------------

HOSTILE_NEXT = [
    "javascript:alert(1)",
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example/",
    "http:/evil.example/",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_a_hostile_next_is_never_offered_as_a_link(
    fixed_clock, owner, owner_client, target
):
    entry = Entry.objects.create(
        owner=owner, practiced_on="2026-11-20", skill="communication", note="Hello"
    )

    html = owner_client.get(
        f"/journal/entries/{entry.pk}/delete/", {"next": target}
    ).content.decode()

    assert escape(target) not in html


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_a_hostile_next_is_never_followed_after_saving(
    fixed_clock, owner, owner_client, target
):
    entry = Entry.objects.create(
        owner=owner, practiced_on="2026-11-20", skill="communication", note="Hello"
    )

    edited = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        {
            "skill": "communication",
            "note": "Changed",
            "practiced_on": "2026-11-20",
            "next": target,
        },
    )
    deleted = owner_client.post(
        f"/journal/entries/{entry.pk}/delete/", {"next": target}
    )

    assert edited["Location"] == deleted["Location"] == "/journal/entries/"
