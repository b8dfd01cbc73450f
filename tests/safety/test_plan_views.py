"""The safety plan's pages: read by default, edit one tap away, print and PDF."""

import io
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from safety.models import SafetyPlan
from tests.factories import make_user
from tests.safety.plans import PLAN_VALUES, form_data, make_safety_plan

pytestmark = pytest.mark.django_db

PLAN_URL = "/journal/safety-plan/"
EDIT_URL = "/journal/safety-plan/edit/"


def test_without_a_plan_the_page_invites_gently_to_start_one(owner_client):
    page = owner_client.get(PLAN_URL).content.decode()

    assert "Many people make it with their therapist" in page
    assert 'href="/journal/safety-plan/edit/"' in page
    assert "kept-plan-data" not in page


def test_the_plan_reads_first_with_tap_to_call_and_the_crisis_line(owner_client, owner):
    make_safety_plan(owner)

    page = owner_client.get(PLAN_URL).content.decode()

    assert "Lavender-worry spiral" in page
    assert 'href="tel:+34600123456"' in page and 'href="sms:+34600123456"' in page
    assert 'href="tel:5550102030"' in page
    assert 'href="tel:988"' in page
    assert "Edit my plan" in page
    assert "Keep my plan on this phone" in page


def test_the_plan_page_title_names_no_part_of_the_plan(owner_client, owner):
    make_safety_plan(owner)

    page = owner_client.get(PLAN_URL).content.decode()

    title = page[page.index("<title>") : page.index("</title>")]
    assert "Lavender" not in title and "Ana" not in title


def test_the_plan_is_private_and_never_kept_by_the_worker(owner_client, owner):
    make_safety_plan(owner)

    response = owner_client.get(PLAN_URL)

    assert "no-store" in response["Cache-Control"]
    assert "X-Offline-Keep" not in response


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(PLAN_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_nobody_else_sees_the_plan(client, owner):
    make_safety_plan(owner)
    client.force_login(make_user("someone-else"))

    for url in (PLAN_URL, EDIT_URL, "/help/"):
        assert "Lavender-worry" not in client.get(url).content.decode()
    assert client.get("/journal/safety-plan/pdf/").status_code == 302


@pytest.mark.parametrize("url", [PLAN_URL, "/journal/safety-plan/pdf/"])
def test_a_post_to_a_reading_page_is_refused(owner_client, url):
    assert owner_client.post(url).status_code == 405


def test_the_edit_form_starts_from_the_saved_plan(owner_client, owner):
    make_safety_plan(owner)

    page = owner_client.get(EDIT_URL).content.decode()

    assert "I stop answering messages\nLavender-worry spiral</textarea>" in page
    assert 'value="Ana Quillfeather"' in page


def test_saving_the_form_saves_the_plan_and_shows_it(owner_client, owner):
    response = owner_client.post(EDIT_URL, form_data())

    assert response.status_code == 302 and response["Location"] == PLAN_URL
    plan = SafetyPlan.objects.get(owner=owner)
    assert plan.contacts == PLAN_VALUES["contacts"]
    assert plan.warning_signs == PLAN_VALUES["warning_signs"]


def test_blank_lines_and_spaces_around_lines_are_dropped(owner_client, owner):
    owner_client.post(EDIT_URL, {"warning_signs": "  one \n\n\n two\n"})

    assert SafetyPlan.objects.get(owner=owner).warning_signs == ["one", "two"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "warning_signs",
            "x" * 201,
            "Line 1 is 201 characters; please keep each line to 200.",
        ),
        (
            "coping_strategies",
            "\n".join("x" * 11),
            "Please keep this to 10 lines (it has 11 now).",
        ),
        (
            "contact_1_name",
            "n" * 61,
            "Please keep a name to 60 characters (it has 61 now).",
        ),
        ("contact_2_phone", "call me", "A phone number can hold digits"),
        ("professional_1_phone", "12", "between 3 and 15 digits"),
    ],
)
def test_bad_input_is_said_beside_the_step_kept_and_nothing_saved(
    owner_client, owner, field, value, message
):
    make_safety_plan(owner)
    data = form_data(**{field: value})

    response = owner_client.post(EDIT_URL, data)

    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "Nothing was saved yet" in page
    assert escape(value) in page  # what was typed stays
    assert field == "warning_signs" or "Lavender-worry spiral" in page
    assert (
        SafetyPlan.objects.get(owner=owner).warning_signs
        == PLAN_VALUES["warning_signs"]
    )


def test_a_number_without_a_name_asks_for_the_name(owner_client, owner):
    response = owner_client.post(EDIT_URL, {"contact_1_phone": "555 0100"})

    assert "Please add a name for this number." in response.content.decode()
    assert not SafetyPlan.objects.filter(owner=owner).exists()


def test_an_example_tapped_without_a_script_is_added_but_not_saved(owner_client, owner):
    response = owner_client.post(
        EDIT_URL,
        {"warning_signs": "Typed first", "add_example": "coping_strategies:1"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Go for a walk</textarea>" in page
    assert "Typed first</textarea>" in page
    assert not SafetyPlan.objects.filter(owner=owner).exists()


def test_an_example_for_people_fills_the_first_empty_name(owner_client):
    response = owner_client.post(
        EDIT_URL, {"contact_1_name": "Ana", "add_example": "contacts:0"}
    )

    assert 'name="contact_2_name" value="A close friend"' in response.content.decode()


def test_an_unknown_example_changes_nothing(owner_client):
    response = owner_client.post(
        EDIT_URL, {"warning_signs": "Mine", "add_example": "nothing:99"}
    )

    assert response.status_code == 200
    assert "Mine</textarea>" in response.content.decode()


def test_saving_an_empty_form_removes_the_plan(owner_client, owner):
    make_safety_plan(owner)

    owner_client.post(EDIT_URL, {})

    assert not SafetyPlan.objects.filter(owner=owner).exists()


@pytest.mark.parametrize(
    ("url", "width_mm"),
    [("/journal/safety-plan/pdf/", 210), ("/journal/safety-plan/pdf/wallet/", 85)],
)
def test_the_pdf_is_one_page_of_the_plan(owner_client, owner, url, width_mm):
    make_safety_plan(owner)

    response = owner_client.get(url)

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.width) / 72 * 25.4) == width_mm
    text = reader.pages[0].extract_text()
    assert "Quillfeather" in text and "988" in text


def test_without_a_plan_the_pdf_leads_back_to_the_plan_page(owner_client):
    response = owner_client.get("/journal/safety-plan/pdf/")

    assert response.status_code == 302 and response["Location"] == PLAN_URL


def test_the_plan_page_takes_the_same_queries_however_full(owner_client, owner):
    make_safety_plan(owner, warning_signs=["one"])
    owner_client.get(PLAN_URL)  # the session's first use writes once
    with CaptureQueriesContext(connection) as small:
        owner_client.get(PLAN_URL)
    make_safety_plan(owner)

    with CaptureQueriesContext(connection) as full:
        owner_client.get(PLAN_URL)

    assert len(full) == len(small) <= 8


def test_the_plan_page_in_spanish(owner_client, owner):
    make_safety_plan(owner)
    owner_client.post("/i18n/setlang/", {"language": "es"})

    page = owner_client.get(PLAN_URL).content.decode()

    assert "Mi plan de seguridad" in page
    assert "Mis señales de alerta" in page
    assert "Llamar" in page


def test_the_edit_page_takes_the_same_queries_however_full(owner_client, owner):
    make_safety_plan(owner, warning_signs=["one"])
    owner_client.get(EDIT_URL)  # the session's first use writes once
    with CaptureQueriesContext(connection) as small:
        owner_client.get(EDIT_URL)
    make_safety_plan(owner)

    with CaptureQueriesContext(connection) as full:
        owner_client.get(EDIT_URL)

    assert len(full) == len(small) <= 8
