"""History filtered by a named skill, visibly: a "Named skill" select with the
built-in ones and the person's own, "Showing entries with TIPP" with a way back,
links from entry cards and the skills page; never another person's names."""

import datetime
import pickle
import re

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import make_entry, make_named_skill, make_user, sign_in

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
HISTORY = "/journal/entries/"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def _select(html: str) -> str:
    return html.split('<select name="technique"')[1].split("</select>")[0]


def _everything_kept() -> str:
    return " ".join(
        # The shared cache pickles what it keeps; the pieces the same for everyone
        # are kept as text (core/memory_cache.py).
        value if isinstance(value, str) else str(pickle.loads(value))  # noqa: S301
        for alias in ("default", "shared_fragments")
        for value in caches[alias]._cache.values()
    )


def test_the_page_says_which_named_skill_it_shows(owner_client, owner):
    make_entry(owner, skill="distress-tolerance", technique="tipp", note="Cold water")

    html = owner_client.get(f"{HISTORY}?technique=tipp").content.decode()

    assert "Showing entries with TIPP" in html
    assert "Cold water" in html


def test_a_name_of_ones_own_is_shown_escaped(owner_client, owner):
    mine = make_named_skill(owner, name="<b>Ice</b> & co")

    html = owner_client.get(f"{HISTORY}?technique={mine.uuid}").content.decode()

    assert "Showing entries with &lt;b&gt;Ice&lt;/b&gt; &amp; co" in html
    assert "<b>Ice</b>" not in html


def test_the_way_back_keeps_the_other_filters(owner_client, owner):
    html = owner_client.get(
        f"{HISTORY}?skill=distress-tolerance&technique=tipp&q=water&page=2"
    ).content.decode()

    shown = html.split('class="technique-shown"')[1].split("</p>")[0]
    link = re.search(r'href="([^"]+)"', shown).group(1)
    assert link == f"{HISTORY}?skill=distress-tolerance&amp;q=water"
    assert "Show every named skill" in shown


def test_the_way_back_with_no_other_filter_is_the_plain_history(owner_client):
    html = owner_client.get(f"{HISTORY}?technique=tipp").content.decode()

    shown = html.split('class="technique-shown"')[1].split("</p>")[0]
    assert f'href="{HISTORY}"' in shown


def test_no_named_skill_chosen_says_nothing_about_one(owner_client, owner):
    make_entry(owner)

    html = owner_client.get(HISTORY).content.decode()

    assert "technique-shown" not in html


def test_the_select_lists_the_built_in_named_skills_and_ones_own(owner_client, owner):
    mine = make_named_skill(owner, name="Ice cube in hand")

    select = _select(owner_client.get(HISTORY).content.decode())

    assert '<optgroup label="Distress tolerance">' in select
    assert '<option value="tipp">TIPP</option>' in select
    assert '<option value="dear-man">DEAR MAN</option>' in select
    assert f'<option value="{mine.uuid}">Ice cube in hand</option>' in select


def test_markup_in_a_name_of_ones_own_is_text_in_the_select(owner_client, owner):
    mine = make_named_skill(owner, name='<script>x</script> & "co"')

    select = _select(owner_client.get(HISTORY).content.decode())

    assert (
        f'<option value="{mine.uuid}">&lt;script&gt;x&lt;/script&gt; &amp; '
        "&quot;co&quot;</option>"
    ) in select
    assert "<script>" not in select


def test_the_select_says_what_is_wrong_with_an_unknown_named_skill(owner_client):
    html = owner_client.get(f"{HISTORY}?technique=%3Cb%3E").content.decode()

    assert 'class="form-select is-invalid" aria-invalid="true"' in html
    assert '<div class="invalid-feedback d-block" id="id_technique_error">' in html
    assert "<b>" not in _select(html)


def test_the_select_keeps_the_listed_order_whatever_is_used_most(owner_client, owner):
    first = make_named_skill(owner, name="Cold water")
    second = make_named_skill(owner, name="Paced breathing")
    make_entry(owner, skill="distress-tolerance", technique="self-soothe")
    make_entry(owner, skill="distress-tolerance", named_skill=second)

    select = _select(owner_client.get(HISTORY).content.decode())

    assert select.index('value="tipp"') < select.index('value="self-soothe"')
    assert select.index(str(first.uuid)) < select.index(str(second.uuid))


def test_the_select_shows_the_named_skill_in_use(owner_client, owner):
    mine = make_named_skill(owner)

    select = _select(
        owner_client.get(f"{HISTORY}?technique={mine.uuid}").content.decode()
    )

    assert f'<option value="{mine.uuid}" selected>' in select


def test_the_select_is_labelled_named_skill(owner_client):
    html = owner_client.get(HISTORY).content.decode()

    assert '<label for="id_technique" class="form-label">Named skill</label>' in html


@pytest.mark.parametrize("query", ["", "?skill=communication"])
def test_one_person_never_sees_anothers_names_in_the_filters(
    owner_client, owner, other_user, query
):
    make_named_skill(owner, name="Owner-only word")
    make_named_skill(other_user, name="Other-only word")
    other = sign_in(Client(), other_user)

    mine = owner_client.get(f"{HISTORY}{query}").content.decode()
    theirs = other.get(f"{HISTORY}{query}").content.decode()

    assert "Owner-only word" in mine and "Other-only word" not in mine
    assert "Other-only word" in theirs and "Owner-only word" not in theirs


def test_the_cache_holds_no_name_of_ones_own(owner_client, owner):
    mine = make_named_skill(owner, name="Owner-only word")
    make_entry(owner, skill="distress-tolerance", named_skill=mine)

    owner_client.get(HISTORY)
    owner_client.get(f"{HISTORY}?technique={mine.uuid}")

    kept = _everything_kept()
    assert "Words" in kept, "the blank filters should be kept"
    assert "Owner-only word" not in kept
    assert str(mine.uuid) not in kept


@pytest.mark.parametrize("technique", ["juggling", "TIPP ", "x" * 65, "tipp\x00"])
def test_an_unknown_named_skill_gives_the_calm_message(owner_client, owner, technique):
    make_entry(owner, skill="distress-tolerance", technique="tipp", note="Tipp one")

    response = owner_client.get(HISTORY, {"technique": technique})

    html = response.content.decode()
    assert response.status_code == 200
    assert "We couldn't use those filters" in html
    assert "Tipp one" not in html
    assert "technique-shown" not in html


def test_another_persons_named_skill_gives_the_calm_message(owner_client, other_user):
    theirs = make_named_skill(other_user, name="Their own word")
    make_entry(other_user, skill="distress-tolerance", named_skill=theirs, note="Hers")

    html = owner_client.get(f"{HISTORY}?technique={theirs.uuid}").content.decode()

    assert "We couldn't use those filters" in html
    assert "Their own word" not in html and "Hers" not in html


def test_a_named_skill_of_ones_own_filters_in_capitals_too(owner_client, owner):
    mine = make_named_skill(owner)
    make_entry(owner, skill="distress-tolerance", named_skill=mine, note="Can one")

    html = owner_client.get(
        f"{HISTORY}?technique={str(mine.uuid).upper()}"
    ).content.decode()

    assert "Can one" in html and "Showing entries with Ice cube in hand" in html


def test_a_hidden_named_skill_still_filters_its_entries(owner_client, owner):
    mine = make_named_skill(owner, is_hidden=True)
    make_entry(owner, skill="distress-tolerance", named_skill=mine, note="Old one")

    html = owner_client.get(f"{HISTORY}?technique={mine.uuid}").content.decode()

    assert "Old one" in html


def test_the_filter_speaks_spanish(owner):
    person = make_user("lucia", language="es")
    client = sign_in(Client(), person)

    html = client.get(f"{HISTORY}?technique=tipp").content.decode()

    assert "Estás viendo las entradas con TIPP" in html
    assert "Ver todas las habilidades con nombre" in html
    assert "Cualquiera, o ninguna" in html


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_history_costs_the_same_queries_with_one_named_skill_or_thirty(
    owner_client, owner
):
    make_named_skill(owner, name="Skill 0")
    few = _queries(owner_client, f"{HISTORY}?technique=tipp")
    for number in range(1, 30):
        skill = make_named_skill(owner, name=f"Skill {number}")
        make_entry(owner, skill="distress-tolerance", named_skill=skill)

    many = _queries(owner_client, f"{HISTORY}?technique=tipp")

    assert many == few


# --- links to the filtered history ----------------------------------------------------


def test_an_entry_cards_named_skill_links_to_its_history(owner_client, owner):
    mine = make_named_skill(owner, name="Ice cube in hand")
    make_entry(owner, skill="distress-tolerance", technique="tipp")
    make_entry(owner, skill="distress-tolerance", named_skill=mine)

    html = owner_client.get(HISTORY).content.decode()

    assert f'<a href="{HISTORY}?technique=tipp">TIPP</a>' in html
    assert f'<a href="{HISTORY}?technique={mine.uuid}">Ice cube in hand</a>' in html


def test_the_skills_page_links_to_the_history_and_to_log_it(owner_client, owner):
    mine = make_named_skill(owner, name="Ice cube in hand")
    make_entry(owner, skill="distress-tolerance", named_skill=mine)

    html = owner_client.get("/journal/skills/").content.decode()

    assert f'href="{HISTORY}?technique={mine.uuid}"' in html
    assert (
        'href="/journal/entries/new/?skill=distress-tolerance&amp;technique=tipp"'
        in html
    )
    assert (
        f'href="/journal/entries/new/?skill=distress-tolerance&amp;technique={mine.uuid}"'
        in html
    )


def test_the_skills_page_names_each_button_without_a_stray_space(owner_client, owner):
    make_named_skill(owner, name="Ice cube in hand")

    html = owner_client.get("/journal/skills/").content.decode()

    assert '<span class="visually-hidden">:' not in html
    assert 'Hide<span class="visually-hidden"> (Ice cube in hand)</span>' in html
    assert 'Rename<span class="visually-hidden"> (Ice cube in hand)</span>' in html


# --- the entry form's ?technique= -------------------------------------------------------


def _checked_technique(html: str) -> str | None:
    found = re.search(r'name="technique" id="[^"]+" value="([^"]*)" checked', html)
    return found.group(1) if found else None


def _checked_skill(html: str) -> str | None:
    found = re.search(r'name="skill" id="[^"]+" value="([^"]*)" checked', html)
    return found.group(1) if found else None


def test_the_entry_form_preselects_a_named_skill_and_its_family(owner_client):
    html = owner_client.get("/journal/entries/new/?technique=tipp").content.decode()

    assert _checked_technique(html) == "tipp"
    assert _checked_skill(html) == "distress-tolerance"


def test_the_entry_form_preselects_a_named_skill_of_ones_own(owner_client, owner):
    mine = make_named_skill(owner, family="communication", name="Ask plainly")

    html = owner_client.get(
        f"/journal/entries/new/?skill=communication&technique={mine.uuid}"
    ).content.decode()

    assert _checked_technique(html) == str(mine.uuid)
    assert _checked_skill(html) == "communication"


@pytest.mark.parametrize(
    "query",
    ["?skill=communication&technique=tipp", "?technique=juggling"],
    ids=["another family", "unknown"],
)
def test_the_entry_form_leaves_out_a_named_skill_it_cannot_use(owner_client, query):
    response = owner_client.get(f"/journal/entries/new/{query}")

    assert response.status_code == 200
    assert _checked_technique(response.content.decode()) in ("", None)


def test_the_entry_form_ignores_another_persons_named_skill(owner_client, other_user):
    theirs = make_named_skill(other_user, name="Their own word")

    html = owner_client.get(
        f"/journal/entries/new/?technique={theirs.uuid}"
    ).content.decode()

    assert "Their own word" not in html
    assert _checked_technique(html) in ("", None)


def test_history_names_ones_own_named_skills_without_a_query_each(owner_client, owner):
    # A date filter: every entry made since is counted and shown (not a kept count).
    shown = f"{HISTORY}?from=2026-01-01"
    first = make_named_skill(owner, name="Cold water")
    make_entry(owner, skill="distress-tolerance", named_skill=first)
    one = _queries(owner_client, shown)
    for number in range(5):
        skill = make_named_skill(owner, name=f"Paced breathing {number}")
        make_entry(owner, skill="distress-tolerance", named_skill=skill)

    many = _queries(owner_client, shown)
    html = owner_client.get(shown).content.decode()

    assert many == one
    assert f'?technique={first.uuid}">Cold water</a>' in html
    assert html.count("</a></span>") == 6  # each card's named skill, linked
