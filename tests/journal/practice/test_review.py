"""At the next session: the summary, its PDF and the past session's page show each
item against what happened, the reasons for missed days in counts, and the
obstacle plan."""

import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from journal.models import TherapySession
from journal.practice import services
from journal.practice.goals import PlanSpan
from tests.factories import make_entry
from tests.journal.practice.helpers import MONDAY, NOW, item, make_practice_plan

pytestmark = pytest.mark.django_db

D = datetime.date
SUMMARY = "/journal/sessions/next/"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def weekly_sessions(owner):
    """Mondays at 9:00 UTC: 16, 23 and 30 November."""
    return [
        TherapySession.objects.create(
            owner=owner,
            starts_at=datetime.datetime.combine(
                day, datetime.time(9), tzinfo=datetime.UTC
            ),
            time_zone="UTC",
        )
        for day in (D(2026, 11, 16), MONDAY, D(2026, 11, 30))
    ]


def plan_this_week(owner):
    plan = make_practice_plan(
        owner,
        item(obstacle="Rushing out in the morning", then="Breathe on the stairs"),
        item(family="", technique="", text="Evening walk", times=3),
        span=PlanSpan(MONDAY, D(2026, 11, 29), is_from_session=True),
    )
    for day in (MONDAY, D(2026, 11, 25)):
        make_entry(
            owner,
            practiced_on=day,
            skill="distress-tolerance",
            technique="paced-breathing",
        )
    services.set_missed_reason(plan, D(2026, 11, 24), "no-time")
    return plan


def test_the_summary_shows_the_plan_against_what_happened(
    owner_client, owner, weekly_sessions
):
    plan_this_week(owner)

    page = owner_client.get(SUMMARY).content.decode()

    assert "The practice plan" in page
    assert "Paced breathing: 2 of 4 times" in page
    assert "Evening walk: 0 of 3 times" in page
    assert "No time: 1 day" in page
    assert "Rushing out in the morning" in page and "Breathe on the stairs" in page


def test_the_summary_pdf_shows_the_plan(owner_client, owner, weekly_sessions):
    plan_this_week(owner)

    response = owner_client.get(f"{SUMMARY}pdf/")

    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Paced breathing: 2 of 4 times" in text
    assert "No time: 1 day" in text
    assert "Breathe on the stairs" in text


def test_a_past_session_keeps_the_plan_brought_to_it(
    owner_client, owner, weekly_sessions
):
    make_practice_plan(
        owner,
        item(
            technique="", family="communication", times=2, why="To ask for what I need"
        ),
        span=PlanSpan(D(2026, 11, 16), D(2026, 11, 22), is_from_session=True),
    )
    make_entry(owner, practiced_on=D(2026, 11, 18), skill="communication")
    plan_this_week(owner)

    page = owner_client.get(
        f"/journal/sessions/{weekly_sessions[1].pk}/"
    ).content.decode()

    assert "Communication skills: 1 of 2 times" in page
    assert "To ask for what I need" in page
    assert "Evening walk" not in page


def test_the_summary_without_a_plan_offers_to_write_one(owner_client, weekly_sessions):
    page = owner_client.get(SUMMARY).content.decode()

    assert "The practice plan" not in page
    assert 'href="/journal/practice-plan/"' in page


def test_another_persons_plan_never_shows_on_my_summary(
    owner_client, other_user, owner
):
    plan_this_week(other_user)

    page = owner_client.get(SUMMARY).content.decode()

    assert "Rushing out in the morning" not in page


def test_the_summary_costs_the_same_whatever_the_plan_holds(
    owner_client, owner, weekly_sessions
):
    plan = make_practice_plan(owner, item(), span=PlanSpan(MONDAY, D(2026, 11, 29)))
    owner_client.get(SUMMARY)
    with CaptureQueriesContext(connection) as one_item:
        owner_client.get(SUMMARY)
    services.change_items(plan, [item(technique="", family="communication")] * 5)
    for day in (23, 24):
        services.set_missed_reason(plan, D(2026, 11, day), "forgot")
    owner_client.get(SUMMARY)

    with CaptureQueriesContext(connection) as five_items:
        page = owner_client.get(SUMMARY).content.decode()

    assert page.count("Communication skills: 0 of 4 times") == 5
    assert len(five_items.captured_queries) == len(one_item.captured_queries)
