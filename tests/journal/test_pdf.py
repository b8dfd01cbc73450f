import datetime
import io
from unittest import mock

import pytest
from django.utils import timezone
from pypdf import PdfReader

from accounts.models import Profile
from journal import pdf
from journal.models import WeeklyReflection
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
PDF_URL = "/journal/week/2026-11-16/pdf/"


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_week_pdf_holds_the_weeks_figures_notes_and_reflection(owner_client, owner):
    Profile.objects.filter(user=owner).update(display_name="Sam Rivera")
    make_entry(
        owner,
        practiced_on=D(2026, 11, 16),
        skill="distress-tolerance",
        note="Cold water helped",
        distress_before=8,
        distress_after=4,
    )
    make_entry(
        owner,
        practiced_on=D(2026, 11, 18),
        skill="communication",
        note="Asked for help",
    )
    WeeklyReflection.objects.create(
        owner=owner, week_of=D(2026, 11, 16), what_helped="Breathing"
    )

    response = owner_client.get(PDF_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response)
    assert "Sam Rivera" in text
    assert "Practiced on 2 of 7 days." in text
    assert "2 entries in all." in text
    assert "Cold water helped" in text and "Asked for help" in text
    assert "distress went from 8.0 before practicing to 4.0 after" in text
    assert "Breathing" in text
    assert "Distress tolerance" in text


def test_week_pdf_never_holds_another_users_data(owner_client, other_user):
    make_entry(other_user, practiced_on=D(2026, 11, 16), note="Someone else's words")

    text = pdf_text(owner_client.get(PDF_URL))

    assert "Someone else" not in text
    assert "Practiced on 0 of 7 days." in text


def test_week_pdf_redirects_to_the_first_day_of_the_week(owner_client):
    response = owner_client.get("/journal/week/2026-11-19/pdf/")

    assert response["Location"] == PDF_URL


def test_week_pdf_needs_login(client):
    assert client.get(PDF_URL)["Location"].startswith("/accounts/login/")


def test_week_pdf_refuses_post(owner_client):
    assert owner_client.post(PDF_URL).status_code == 405


def test_week_page_links_to_the_pdf(owner_client):
    html = owner_client.get("/journal/week/2026-11-16/").content.decode()

    assert f'href="{PDF_URL}"' in html


def test_without_pango_the_pdf_link_explains_what_is_missing(owner_client):
    reason = "the Pango text library is not installed on the server"
    with mock.patch.object(pdf, "missing_reason", return_value=reason):
        week = owner_client.get("/journal/week/2026-11-16/").content.decode()
        response = owner_client.get(PDF_URL)

    assert reason in week
    assert f'href="{PDF_URL}"' not in week
    assert response.status_code == 503
    assert reason in response.content.decode()
