"""Every page, rendered for an English and a Spanish reader, shares no run of four
words: a string someone forgot to mark would read the same in both, and is caught.

The guide's own articles are left out until their Spanish pages are written (they
fall back to English on purpose, see guide/views.py).
"""

import datetime
import html
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from accounts.models import Profile
from journal.card import services as card_services
from journal.models import TherapySession
from tests.factories import make_entry, make_exercise_entry, make_plan, sign_in

pytestmark = pytest.mark.django_db

SIGNED_IN_PAGES = [
    "/journal/",
    "/journal/entries/",
    "/journal/entries/new/",
    "/journal/week/",
    "/journal/progress/",
    "/journal/rest-days/",
    "/journal/skills/",
    "/journal/sessions/",
    "/journal/sessions/next/",
    "/journal/exercises/",
    "/journal/exercises/cognitive-restructuring/",
    "/journal/exercises/distress-tolerance/",
    "/journal/exercises/emotional-regulation/",
    "/journal/exercises/communication/",
    "/journal/exercises/behavioral-activation/",
    "/journal/sharing/",
    "/journal/safety-plan/",
    "/journal/safety-plan/edit/",
    "/journal/card/",
    "/journal/card/copy/",
    "/journal/check-in/",
    "/accounts/settings/",
    "/accounts/reminders/",
    "/accounts/import/",
    "/accounts/two-factor/",
    "/accounts/sessions/",
    "/accounts/password_change/",
    "/accounts/delete/",
]
PUBLIC_PAGES = [
    "/",
    "/help/",
    "/privacy/",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/logged-out/",
    "/accounts/password_reset/",
    "/offline/",
    "/no-such-page/",
]
# Words that are the same in both languages by nature: the product's name, the
# person's own words, and the line on /help/ that is Spanish for everyone.
OWN_WORDS = [
    "Between Sessions",
    "Google Authenticator, Microsoft Authenticator, Aegis",
    "En español: llama al 988 y marca 2, o envía AYUDA por mensaje de texto al 988.",
    # Crisis lines named by their own names, as they answer the phone (/offline/
    # carries every country's lines).
    "Línea de la Vida",
    "Named the anger before I answered.",
    "Asked for a pause in the meeting.",
    "A ten-minute walk round the block",
    "They think I am useless",
    "My manager frowned",
    "I was thanked last week",
    "One frown is not a verdict on me",
    "Team meeting",
    "Urge to skip my evening walk",
    "Calmer after my sister rang",
]
# Scripts, styles and the lists of a <select> (time zone names) are not prose.
SCRIPT_OR_STYLE = re.compile(r"<(script|style|title|select)\b.*?</\1>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")


# Month abbreviations some of which both languages write alike ("Nov", "Oct").
MONTHS = {
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
    "Ene",
    "Abr",
    "Ago",
    "Dic",
}


def is_word(token: str) -> bool:
    """A word of prose: has a lowercase letter; not a code, a zone name or a month."""
    return (
        bool(re.search(r"[a-zà-ÿ]", token))
        and "/" not in token
        and "_" not in token
        and token.strip(".,") not in MONTHS
    )


def visible_words(page: str) -> list[str]:
    text = html.unescape(TAG.sub(" ", SCRIPT_OR_STYLE.sub(" ", page)))
    text = " ".join(text.split())
    for own in OWN_WORDS:
        text = text.replace(own, " ")
    return [word for word in text.split() if is_word(word)]


def runs_of_four(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}


@pytest.fixture
def reader(owner):
    today = timezone.now().date()
    make_entry(owner, practiced_on=today, note="Named the anger before I answered.")
    make_entry(
        owner,
        practiced_on=today,
        skill="communication",
        note="Asked for a pause in the meeting.",
        distress_before=6,
        distress_after=3,
    )
    make_exercise_entry(owner, practiced_on=today)
    make_plan(owner, planned_on=today)
    TherapySession.objects.create(
        owner=owner,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        time_zone="UTC",
    )
    (urge,) = card_services.add_rows(
        owner, [("urge", "Urge to skip my evening walk", True)]
    )
    card_services.save_check_in(
        owner,
        today,
        {str(urge.uuid): {"value": 4, "acted": False}},
        5,
        "Calmer after my sister rang",
    )
    return owner


def page_as(user, language, url) -> str:
    Profile.objects.filter(user=user).update(language=language)
    client = sign_in(Client(), user)
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("url", SIGNED_IN_PAGES)
def test_a_signed_in_page_has_no_english_left_in_spanish(reader, url):
    english = runs_of_four(visible_words(page_as(reader, "en", url)))
    spanish = runs_of_four(visible_words(page_as(reader, "es", url)))

    assert sorted(" ".join(run) for run in english & spanish) == []


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_a_public_page_has_no_english_left_in_spanish(client, url):
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    same = runs_of_four(visible_words(english)) & runs_of_four(visible_words(spanish))
    assert sorted(" ".join(run) for run in same) == []


SPANISH_GUIDE = sorted(
    path.stem
    for path in (Path(__file__).resolve().parents[2] / "guide/content/es").glob("*.md")
)


@pytest.fixture
def guide_pages():
    call_command("load_guide", stdout=StringIO())


@pytest.mark.parametrize("slug", SPANISH_GUIDE)
def test_a_guide_page_written_in_spanish_has_no_english_left(client, guide_pages, slug):
    url = f"/guide/{slug}/"
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    spanish = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    same = runs_of_four(visible_words(english)) & runs_of_four(visible_words(spanish))
    assert sorted(" ".join(run) for run in same) == []
