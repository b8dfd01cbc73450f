"""Each skill page explains its guided exercise and links to it."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.skills import Skill

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def guide_pages():
    call_command("load_guide", stdout=StringIO())


@pytest.mark.parametrize("skill", Skill.values)
def test_a_skill_page_explains_its_exercise_in_the_practice_section(client, skill):
    html = client.get(f"/guide/{skill}/").content.decode()

    practice = html[
        html.index('id="how-to-practice"') : html.index('id="example-entry"')
    ]
    assert 'id="guided-exercise"' in practice
    assert f'href="/journal/exercises/{skill}/"' in practice


@pytest.mark.parametrize("skill", Skill.values)
def test_a_skill_page_offers_the_exercise_beside_log_this_skill(client, skill):
    html = client.get(f"/guide/{skill}/").content.decode()

    header = html[: html.index('id="how-to-practice"')]
    assert "Try the guided exercise" in header
    assert f'href="/journal/exercises/{skill}/"' in header
