"""Today shows the plan's progress in words, and counts a log of its skill."""

import pickle
import uuid
from html import escape

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts import freshness
from journal.models import PracticeItem, PracticePlan, PracticeTick
from journal.practice import services
from journal.practice.queries import ItemProgress
from journal.practice.today_line import render_tick_button
from tests.factories import make_named_skill
from tests.journal.practice.helpers import MONDAY, NOW, item, make_practice_plan

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


def typed_markup() -> str:
    return '<script>alert("walk")</script>"><img src=x onerror=alert(1)>&amp;'


@pytest.mark.parametrize("address", ["/journal/", "/journal/practice-plan/"])
def test_markup_in_a_free_text_item_is_shown_as_text(owner_client, owner, address):
    typed = typed_markup()
    make_practice_plan(owner, item(family="", technique="", text=typed, times=3))

    page = owner_client.get(address).content.decode()

    assert typed not in page
    assert "<script>alert(" not in page
    # In the words of the line and in the tick button's label.
    assert page.count(escape(typed)) == 2


def test_the_tick_button_on_today_sends_the_item_back_to_today(owner_client, owner):
    plan = make_practice_plan(
        owner, item(family="", technique="", text="Evening walk", times=3)
    )
    walk = plan.items.get()

    page = owner_client.get("/journal/").content.decode()

    form = page[page.index('<form method="post" action="/journal/practice-plan/') :]
    form = form[: form.index("</form>")]
    assert f'action="/journal/practice-plan/items/{walk.uuid}/tick/"' in form
    assert 'name="csrfmiddlewaretoken" value="' in form
    assert '<input type="hidden" name="next" value="/journal/">' in form
    assert "I did it" in form and "(Evening walk)" in form


def _line(text: str, *, each_day=False, ticked=False) -> ItemProgress:
    plan = PracticePlan(pk=1, starts_on=MONDAY, ends_on=MONDAY, is_from_session=False)
    family = "" if text else "communication"
    practice_item = PracticeItem(
        pk=1,
        uuid=uuid.UUID(int=7),
        plan=plan,
        text=text,
        family=family,
        each_day=each_day,
    )
    return ItemProgress(practice_item, text or "Communication skills", 0, 3, ticked)


def test_a_free_text_item_gets_the_tick_button_as_the_template_drew_it():
    drawn = render_tick_button(_line("Walk <home>"), "/journal/?a=1&b=2", "TOKEN")

    assert drawn == (
        '\n<form method="post" action="/journal/practice-plan/items/'
        '00000000-0000-0000-0000-000000000007/tick/" class="practice-tick">\n'
        '  <input type="hidden" name="csrfmiddlewaretoken" value="TOKEN">\n'
        '  <input type="hidden" name="next" value="/journal/?a=1&amp;b=2">\n'
        '  <button type="submit" class="btn btn-outline-primary"><span '
        'aria-hidden="true">✓</span> I did it<span class="visually-hidden"> '
        "(Walk &lt;home&gt;)</span></button>\n</form>\n"
    )


@pytest.mark.parametrize(
    ("line", "drawn"),
    [
        (
            _line("Walk", each_day=True, ticked=True),
            '<p class="small mb-0">Ticked for today.</p>\n',
        ),
        (_line(""), "\n"),
    ],
    ids=["an each-day item ticked today", "an item counted by itself"],
)
def test_an_item_that_takes_no_tick_now_gets_no_button(line, drawn):
    assert render_tick_button(line, "/journal/", "TOKEN") == drawn


def test_without_a_csrf_token_the_tick_button_has_no_token_field():
    drawn = render_tick_button(_line("Walk"), "/journal/", "NOTPROVIDED")

    assert "csrfmiddlewaretoken" not in drawn
    assert '<form method="post"' in drawn


def test_a_spanish_reader_ticks_in_spanish(owner_client, owner):
    owner.profile.language = "es"
    owner.profile.save()
    make_practice_plan(owner, item(family="", technique="", text="Paseo", times=3))

    page = owner_client.get("/journal/").content.decode()

    assert "Lo hice" in page
    assert "Abrir tu plan" in page
