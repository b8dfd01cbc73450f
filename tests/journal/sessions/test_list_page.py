"""The sessions page: the next session as one card and the repeat rule first,
the rest of the coming sessions and the past ones folded away."""

import datetime

import pytest
import time_machine

from accounts.models import Profile

pytestmark = pytest.mark.django_db

# Monday 23 November 2026, 10:00 in New York.
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=datetime.UTC)
SESSIONS = "/journal/sessions/"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def weekly_page(owner_client, owner):
    Profile.objects.filter(user=owner).update(time_zone="America/New_York")
    owner_client.post(SESSIONS, {"repeats": "1", "on": "2026-11-26", "at": "17:00"})
    return owner_client.get(SESSIONS).content.decode()


def test_a_weekly_schedule_shows_one_next_session_card(weekly_page):
    assert weekly_page.count("data-next-session") == 1


def test_the_card_says_the_day_the_time_and_how_many_days_until(weekly_page):
    card = weekly_page.split("data-next-session", 1)[1].split("</section>", 1)[0]

    assert "Thursday 26 November" in card
    assert "17:00" in card and "in 3 days" in card
    assert "Skip 26 November" in card and "Move 26 November" in card


def test_the_repeat_rule_comes_before_the_other_sessions(weekly_page):
    rule = weekly_page.index("Every week on Thursdays at 17:00")

    assert rule < weekly_page.index("data-later-sessions")
    assert rule < weekly_page.index("Add a session")


def test_the_other_coming_sessions_are_folded(weekly_page):
    folded = weekly_page.split("data-later-sessions", 1)[1].split("</details>", 1)[0]

    assert "7 more coming up" in folded
    assert "Skip 3 December" in folded
    assert "Skip 3 December" not in weekly_page.split("data-later-sessions", 1)[0]


def test_every_two_weeks_reads_as_a_sentence(owner_client):
    owner_client.post(SESSIONS, {"repeats": "2", "on": "2026-11-28", "at": "09:30"})

    page = owner_client.get(SESSIONS).content.decode()

    assert "Every two weeks on Saturdays at 09:30" in page


def test_in_spanish_the_rule_says_the_days_the_spanish_way(owner_client, owner):
    Profile.objects.filter(user=owner).update(language="es")
    owner_client.post("/i18n/setlang/", {"language": "es", "next": SESSIONS})
    owner_client.post(SESSIONS, {"repeats": "1", "on": "2026-11-29", "at": "18:00"})

    page = owner_client.get(SESSIONS).content.decode()

    assert "Cada semana, los domingos a las 18:00" in page


def test_with_no_sessions_the_form_to_add_one_is_open(owner_client):
    page = owner_client.get(SESSIONS).content.decode()

    assert "No sessions set yet." in page
    assert '<details class="session-fold mb-3" open>' in page
