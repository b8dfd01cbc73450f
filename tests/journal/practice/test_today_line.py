"""Today shows the plan's progress in words, and counts a log of its skill."""

import pickle
import uuid

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import freshness
from journal.models import PracticeTick
from journal.practice import services
from tests.factories import make_named_skill
from tests.journal.practice.helpers import NOW, item, make_practice_plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def log_paced_breathing(client):
    return client.post(
        "/journal/entries/new/",
        {
            "practiced_on": "2026-11-25",
            "skill": "distress-tolerance",
            "technique": "paced-breathing",
            "note": "Four counts in, six out, on the bus.",
            "return_to": "today",
            "uuid": str(uuid.uuid4()),
        },
    )


def test_today_shows_the_plan_in_words(owner_client, owner):
    make_practice_plan(owner, item())

    page = owner_client.get("/journal/").content.decode()

    assert "Paced breathing: 0 of 4 times this week" in page
    assert 'href="/journal/practice-plan/"' in page


def test_logging_the_skill_moves_the_count_on_today(owner_client, owner):
    make_practice_plan(owner, item())
    log_paced_breathing(owner_client)

    page = owner_client.get("/journal/").content.decode()

    assert "Paced breathing: 1 of 4 times this week" in page


def test_today_without_a_plan_says_nothing_of_it(owner_client):
    page = owner_client.get("/journal/").content.decode()

    assert "Your practice plan" not in page


def test_a_free_text_item_is_ticked_from_today(owner_client, owner):
    plan = make_practice_plan(
        owner, item(family="", technique="", text="Evening walk", times=3)
    )
    walk = plan.items.get()

    response = owner_client.post(
        f"/journal/practice-plan/items/{walk.uuid}/tick/", {"next": "/journal/"}
    )
    page = owner_client.get("/journal/").content.decode()

    assert response.status_code == 302 and response["Location"] == "/journal/"
    assert PracticeTick.objects.filter(item=walk).count() == 1
    assert "Evening walk: 1 of 3 times this week" in page


def test_no_word_of_the_plan_is_ever_cached(owner_client, owner):
    make_practice_plan(
        owner,
        item(
            why="Calms my chest", obstacle="Rushing out", then="Breathe on the stairs"
        ),
        item(family="", technique="", text="Call my sister", times=2),
    )
    owner_client.get("/journal/")
    owner_client.get("/journal/")

    stored = caches["default"]._cache.values()
    kept = " ".join(str(pickle.loads(value)) for value in stored)  # noqa: S301 - our own cache
    assert "Your last 7 days" in kept, "Today's days should be kept in the cache"
    for secret in [
        "Paced breathing",
        "Call my sister",
        "Calms my chest",
        "Rushing out",
    ]:
        assert secret not in kept


def test_a_plan_costs_today_the_same_whatever_its_size(owner_client, owner):
    plan = make_practice_plan(owner, item())
    owner_client.get("/journal/")
    with CaptureQueriesContext(connection) as one_item:
        owner_client.get("/journal/")
    services.change_items(plan, [item(technique="", family="communication")] * 5)
    freshness.bump(owner.pk)  # as any write through a page does
    owner_client.get("/journal/")

    with CaptureQueriesContext(connection) as five_items:
        page = owner_client.get("/journal/").content.decode()

    assert page.count("Communication skills: 0 of 4 times this week") == 5
    assert len(five_items.captured_queries) == len(one_item.captured_queries)


def test_a_plan_of_ones_own_named_skills_costs_today_nothing_more(owner_client, owner):
    plan = make_practice_plan(owner, item())
    owner_client.get("/journal/")
    with CaptureQueriesContext(connection) as built_in:
        owner_client.get("/journal/")
    own = [
        make_named_skill(owner, family="communication", name=f"My step {n}")
        for n in range(3)
    ]
    services.change_items(
        plan,
        [item(family="communication", technique="", named_skill=s) for s in own],
    )
    freshness.bump(owner.pk)
    owner_client.get("/journal/")

    with CaptureQueriesContext(connection) as named:
        page = owner_client.get("/journal/").content.decode()

    for n in range(3):
        assert f"My step {n}: 0 of 4 times this week" in page
    assert len(named.captured_queries) == len(built_in.captured_queries)


def test_a_spanish_reader_reads_the_plan_in_spanish(owner_client, owner):
    owner.profile.language = "es"
    owner.profile.save()
    make_practice_plan(owner, item(technique="", family="communication"))

    page = owner_client.get("/journal/", HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Tu plan de práctica" in page
    assert ": 0 de 4 veces esta semana" in page


def test_without_a_plan_today_asks_the_database_nothing_more(owner_client, owner):
    owner_client.get("/journal/")
    with CaptureQueriesContext(connection) as first:
        owner_client.get("/journal/")
    make_practice_plan(owner, item())
    owner_client.post("/journal/practice-plan/missed/", {"day": "2026-11-23"})
    owner_client.get("/journal/")

    with CaptureQueriesContext(connection) as with_plan:
        page = owner_client.get("/journal/").content.decode()

    assert "Paced breathing: 0 of 4 times this week" in page
    # The plan's items (their words); the counts were kept on the visit before.
    assert len(with_plan.captured_queries) == len(first.captured_queries) + 1
