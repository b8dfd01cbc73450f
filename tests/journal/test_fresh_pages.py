"""No page shows stale figures: after any write, at midnight, or in another language.

Today's strip and streak, the week's summary, the whole progress page, the history's
count, the coming session's time and stars, and the share page's weekly figures are
kept in the cache under the person's key
(accounts/freshness.py): their id and joining time, their journal version, their
own date and the language. Each test warms the pages and proves the second read
came from the cache (fewer queries, or the fragment found in the cache), makes one
change the way a person makes it (a POST through the real view, a language switch,
the clock passing midnight, the daily job), then reads the pages again: every
figure shown follows at once. The shared new-entry fields are checked too: the
same HTML for everyone, and never the per-page uuid.
"""

import datetime
import json
import re
import uuid
from html import unescape

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts import freshness
from accounts.choices import WeekStart
from accounts.models import Profile
from core import fragments
from journal import week_reports
from journal.forms import NewEntryForm
from journal.models import Entry, RestDay, SessionSchedule, TherapySession
from journal.sessions.services import extend_all_schedules
from journal.views import entries as entry_views
from tests.factories import make_entry, make_plan, make_user, sign_in
from tests.html_reading import diary_card_days

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
# Friday 20 November 2026, 15:00 UTC; the week (from Monday) is 16-22 November.
NOW = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
TODAY = "/journal/"
WEEK = "/journal/week/2026-11-16/"
PROGRESS = "/journal/progress/"
HISTORY = "/journal/entries/"
PASSWORD = "a-long-test-password"

ER = "Emotional regulation"
DT = "Distress tolerance"
CR = "Cognitive restructuring"
COMM = "Communication skills"
BA = "Behavioral activation"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def history(user):
    """Three days in a row this week (Wednesday to Friday), one entry last week."""
    make_entry(user, practiced_on=D(2026, 11, 10), skill="behavioral-activation")
    make_entry(user, practiced_on=D(2026, 11, 18), skill="emotional-regulation")
    make_entry(user, practiced_on=D(2026, 11, 19), skill="communication")
    return make_entry(user, practiced_on=D(2026, 11, 20), skill="distress-tolerance")


# --- reading pages --------------------------------------------------------------------


def visible(response) -> str:
    """The page's text as a screen reader meets it: tags gone, spaces collapsed."""
    assert response.status_code == 200, response
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def diary_card(response) -> dict[tuple[str, str], int]:
    """The owner's diary card: {(skill, day): count}, from each mark's hidden words."""
    return {
        (skill, day): count
        for day, marks in diary_card_days(response.content.decode())
        for _slug, skill, count in marks
    }


def shared_week(response, first_day: datetime.date) -> dict:
    """One week on the share page: its headline and its card, {skill slug: 7 days}."""
    html = response.content.decode()
    start = html.index(f'id="week-{first_day:%Y%m%d}"')
    section = html[start : html.index("</section>", start)]
    card = {}
    for column, (_day, marks) in enumerate(diary_card_days(section)):
        for slug, _skill, count in marks:
            card.setdefault(slug, [0] * 7)[column] = count
    headline = re.search(r'<p class="week-headline">(.*?)</p>', section, re.S)
    return {
        "headline": " ".join(re.sub(r"<[^>]+>", " ", headline.group(1)).split()),
        "card": {slug: days for slug, days in card.items() if any(days)},
    }


def history_count(response) -> int:
    """How many entries the history says the person has (0: an empty journal)."""
    found = re.search(
        r'<p class="text-body-secondary">(\d+) entr(?:y|ies)</p>',
        response.content.decode(),
    )
    return int(found.group(1)) if found else 0


def history_count_cached(user) -> bool:
    """The history's count, kept in the cache under the person's key."""
    key = freshness.cache_key(get_user_model().objects.get(pk=user.pk))
    return cache.get(fragments.key("entry-count", key)) is not None


def progress_weeks(response) -> list[str]:
    """The first day of each of the last 12 weeks, as the progress table lists them."""
    html = response.content.decode()
    return re.findall(
        r'<th scope="row"><a href="/journal/week/[\d-]+/">([^<]+)</a>', html
    )


def strength_values(response) -> dict[str, float]:
    """Each skill's practice strength, as the progress page's meters hold it."""
    html = response.content.decode()
    meters = re.findall(
        r'aria-labelledby="strength-([a-z-]+)"[^>]*value="([\d.]+)"', html
    )
    return {slug: float(value) for slug, value in meters}


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response


def read_twice(client, url):
    """Read a page twice: the second read must come from the cache (fewer queries)."""
    with CaptureQueriesContext(connection) as first:
        response = read(client, url)
    with CaptureQueriesContext(connection) as second:
        read(client, url)
    assert len(second) < len(first), (
        f"{url}: the second read ran {len(second)} queries, the first {len(first)}: "
        "the page is not served from the cache, so this test would prove nothing"
    )
    return response


def warm(client, *urls):
    """Every page read once (so its fragments are cached) and proved cached."""
    # A first request pays for the session; keep that out of the comparison.
    read(client, "/journal/entries/")
    return {url: read_twice(client, url) for url in urls}


def current_week(client) -> str:
    response = client.get("/journal/week/")
    assert response.status_code == 302
    return response["Location"]


def version_of(user) -> int:
    return Profile.objects.get(user=user).journal_version


def entry_data(**changes):
    data = {
        "uuid": str(uuid.uuid4()),
        "skill": "communication",
        "note": "Asked for a quiet afternoon, kindly and clearly.",
        "practiced_on": "2026-11-17",
        "return_to": "today",
    }
    data.update(changes)
    return data


def share_link(client) -> str:
    """A four-week link made on the sharing page, as its owner makes it."""
    response = client.post("/journal/sharing/", {"weeks": "4", "expires_in_days": "30"})
    return re.search(r"/share/[A-Za-z0-9_-]+/", response.content.decode()).group(0)


def shared_fragment_cached(owner, first_day, language="en") -> str | None:
    """The owner's figures for a week on the share page, as the cache holds them."""
    with translation.override(language):
        key = freshness.cache_key(get_user_model().objects.get(pk=owner.pk))
    return cache.get(fragments.key("shared-week", key, first_day))


# --- the pages before any change ------------------------------------------------------


BEFORE = {
    TODAY: [
        "Wednesday 18 November: 1 entry",
        "Thursday 19 November: 1 entry",
        "Friday 20 November: 1 entry",
        "Tuesday 17 November: no entries",
        "You have practiced 3 days in a row.",
    ],
    WEEK: [
        "So far this week you practiced on 3 of 5 days. 3 entries in all.",
        "That is 2 more entries than by this point last week. Well done.",
        "Current streak: 3 days. Longest streak: 3 days.",
    ],
    PROGRESS: ["So far 4 entries 4 days practiced", "on 4 days in the last 365 days"],
}
BEFORE_CARD = {
    (ER, "Wednesday 18 November"): 1,
    (COMM, "Thursday 19 November"): 1,
    (DT, "Friday 20 November"): 1,
}


def assert_shows(pages: dict, expected: dict, when: str):
    for url, sentences in expected.items():
        text = visible(pages[url])
        for sentence in sentences:
            assert sentence in text, f"{when}: {url} should say {sentence!r}"


def warm_with_history(client, owner):
    history(owner)
    pages = warm(client, TODAY, WEEK, PROGRESS)
    assert_shows(pages, BEFORE, "before the write")
    assert diary_card(pages[WEEK]) == BEFORE_CARD
    pages[HISTORY] = read(client, HISTORY)
    assert history_count(pages[HISTORY]) == 4
    assert history_count_cached(owner), "the history's count is not kept: no proof"
    return pages


def read_all(client):
    return {url: read(client, url) for url in (TODAY, WEEK, PROGRESS, HISTORY)}


# --- 1. a new entry, from the form and from the JSON quick log ------------------------


@pytest.mark.parametrize("how", ["form", "json"])
def test_a_new_entry_shows_on_every_page_at_once(owner_client, owner, how):
    """Logged for Tuesday: the strip, the streak, the week and progress all count it."""
    warm_with_history(owner_client, owner)

    if how == "form":
        response = owner_client.post("/journal/entries/new/", entry_data())
        assert response.status_code == 302
    else:
        response = owner_client.post(
            "/journal/entries/new/", entry_data(), HTTP_ACCEPT="application/json"
        )
        assert response.status_code == 201

    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: [
                "Tuesday 17 November: 1 entry",
                "You have practiced 4 days in a row.",
            ],
            WEEK: [
                "So far this week you practiced on 4 of 5 days. 4 entries in all.",
                "That is 3 more entries than by this point last week.",
                "Current streak: 4 days. Longest streak: 4 days.",
            ],
            PROGRESS: [
                "So far 5 entries 5 days practiced",
                "on 5 days in the last 365",
            ],
        },
        f"after a new entry ({how})",
    )
    assert history_count(pages[HISTORY]) == 5
    assert diary_card(pages[WEEK]) == {
        **BEFORE_CARD,
        (COMM, "Tuesday 17 November"): 1,
    }


# --- 2. an entry edited: another day and another skill --------------------------------


def test_an_entry_moved_to_another_day_and_skill_moves_on_every_page(
    owner_client, owner
):
    """Friday's entry becomes Thursday's, in another skill: nothing left on Friday."""
    warm_with_history(owner_client, owner)
    friday = Entry.objects.get(owner=owner, practiced_on=D(2026, 11, 20))

    response = owner_client.post(
        f"/journal/entries/{friday.pk}/edit/",
        {
            "skill": "communication",
            "note": "Moved to the day it really happened.",
            "practiced_on": "2026-11-19",
        },
    )

    assert response.status_code == 302
    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: [
                "Thursday 19 November: 2 entries",
                "Friday 20 November: no entries",
                # Nothing today: the streak runs to yesterday.
                "You have practiced 2 days in a row.",
            ],
            WEEK: [
                "So far this week you practiced on 2 of 5 days. 3 entries in all.",
                "Current streak: 2 days. Longest streak: 2 days.",
            ],
            PROGRESS: [
                "So far 4 entries 3 days practiced",
                "on 3 days in the last 365",
            ],
        },
        "after the edit",
    )
    assert history_count(pages[HISTORY]) == 4
    assert diary_card(pages[WEEK]) == {
        (ER, "Wednesday 18 November"): 1,
        (COMM, "Thursday 19 November"): 2,
    }


# --- 3. an entry deleted --------------------------------------------------------------


def test_a_deleted_entry_leaves_every_page_at_once(owner_client, owner):
    """Thursday's entry deleted: the streak breaks, the week and progress lose it."""
    warm_with_history(owner_client, owner)
    thursday = Entry.objects.get(owner=owner, practiced_on=D(2026, 11, 19))

    response = owner_client.post(f"/journal/entries/{thursday.pk}/delete/")

    assert response.status_code == 302
    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: [
                "Thursday 19 November: no entries",
                "Day one of a streak. Come back tomorrow to make it two.",
            ],
            WEEK: [
                "So far this week you practiced on 2 of 5 days. 2 entries in all.",
                "That is 1 more entry than by this point last week.",
                "Current streak: 1 day. Longest streak: 1 day.",
            ],
            PROGRESS: [
                "So far 3 entries 3 days practiced",
                "on 3 days in the last 365",
            ],
        },
        "after the delete",
    )
    assert history_count(pages[HISTORY]) == 3
    assert diary_card(pages[WEEK]) == {
        (ER, "Wednesday 18 November"): 1,
        (DT, "Friday 20 November"): 1,
    }


# --- 4. a guided exercise saved, and a plan done --------------------------------------


def save_thought_record(client, owner):
    page = client.get("/journal/exercises/cognitive-restructuring/").content.decode()
    return client.post(
        "/journal/exercises/cognitive-restructuring/",
        {
            "situation": "Team meeting",
            "thought": "They think I am useless",
            "feeling": "ashamed",
            "feeling_before": "8",
            "evidence_for": "My manager frowned",
            "evidence_against": "I was thanked last week",
            "balanced_thought": "One frown is not a verdict on me",
            "feeling_after": "4",
            "practiced_on": "2026-11-20",
            "uuid": re.search(r'name="uuid" value="([0-9a-f-]+)"', page).group(1),
        },
    )


def plan_done(client, owner):
    plan = make_plan(owner, planned_on=D(2026, 11, 20))
    return client.post(
        f"/journal/exercises/behavioral-activation/plans/{plan.pk}/",
        {"actual": "7", "achievement": "6", "practiced_on": "2026-11-20"},
    )


@pytest.mark.parametrize(
    ("save", "skill"),
    [(save_thought_record, CR), (plan_done, BA)],
    ids=["exercise", "plan"],
)
def test_an_exercise_or_a_done_plan_counts_on_every_page_at_once(
    owner_client, owner, save, skill
):
    """A thought record saved, or "I did it" on a plan: one more entry today."""
    warm_with_history(owner_client, owner)

    response = save(owner_client, owner)

    assert response.status_code == 302
    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: ["Friday 20 November: 2 entries", "You have practiced 3 days"],
            WEEK: ["So far this week you practiced on 3 of 5 days. 4 entries in all."],
            PROGRESS: ["So far 5 entries 4 days practiced"],
        },
        f"after saving ({skill})",
    )
    assert diary_card(pages[WEEK]) == {**BEFORE_CARD, (skill, "Friday 20 November"): 1}


# --- 5. the weekly reflection ---------------------------------------------------------


def test_a_saved_reflection_shows_on_the_week_at_once(owner_client, owner):
    """The reflection is outside the cached summary: shown, the figures intact."""
    warm_with_history(owner_client, owner)

    response = owner_client.post(
        "/journal/week/2026-11-16/reflection/",
        {
            "what_helped": "Walking after lunch",
            "what_was_hard": "Monday mornings",
            "for_next_session": "Ask about sleep",
        },
    )

    assert response.status_code == 302
    week = read(owner_client, WEEK)
    text = visible(week)
    for words in ("Walking after lunch", "Monday mornings", "Ask about sleep"):
        assert words in text
    assert "So far this week you practiced on 3 of 5 days. 3 entries in all." in text
    assert diary_card(week) == BEFORE_CARD


# --- 6. rest days ---------------------------------------------------------------------


def test_a_rest_day_added_and_removed_shows_on_every_page_at_once(owner_client, owner):
    """Tuesday made a rest day bridges Monday to the streak; undone, it breaks again."""
    make_entry(owner, practiced_on=D(2026, 11, 16), skill="communication")
    history(owner)
    pages = warm(owner_client, TODAY, WEEK, PROGRESS)
    assert_shows(
        pages,
        {
            TODAY: ["Tuesday 17 November: no entries", "practiced 3 days in a row."],
            WEEK: ["So far this week you practiced on 4 of 5 days. 4 entries in all."],
        },
        "before the rest day",
    )
    assert "Tue 17 Nov 2026: no entries" in visible(pages[PROGRESS])

    owner_client.post(
        "/journal/rest-days/",
        {"first": "2026-11-17", "last": "2026-11-17", "reason": "A cold"},
    )

    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: ["Tuesday 17 November: rest day", "practiced 4 days in a row."],
            WEEK: [
                "So far this week you practiced on 4 of 4 days (1 rest day). 4 entries in all.",
                "Current streak: 4 days. Longest streak: 4 days.",
            ],
            PROGRESS: ["Tue 17 Nov 2026: rest day"],
        },
        "after marking the rest day",
    )
    assert '<span class="week-day-rest">Rest day</span>' in pages[WEEK].content.decode()

    rest_day = RestDay.objects.get(owner=owner)
    owner_client.post(f"/journal/rest-days/{rest_day.pk}/delete/")

    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: ["Tuesday 17 November: no entries", "practiced 3 days in a row."],
            WEEK: [
                "So far this week you practiced on 4 of 5 days. 4 entries in all.",
                "Current streak: 3 days.",
            ],
        },
        "after undoing the rest day",
    )
    assert "Tue 17 Nov 2026: no entries" in visible(pages[PROGRESS])
    assert 'class="week-day-rest"' not in pages[WEEK].content.decode()


def test_today_made_a_rest_day_shows_the_note_at_once_and_loses_it_on_undo(
    owner_client, owner
):
    """The button on Today: the rest note is inside the cached strip, so it follows."""
    make_entry(owner, practiced_on=D(2026, 11, 19))
    warm(owner_client, TODAY, WEEK)
    assert "Today is a rest day." not in visible(read(owner_client, TODAY))

    owner_client.post("/journal/rest-days/", {"first": "2026-11-20", "next": TODAY})

    today = visible(read(owner_client, TODAY))
    assert "Today is a rest day. Rest is part of practice." in today
    assert "Friday 20 November: rest day" in today
    assert "So far this week you practiced on 1 of 4 days (1 rest day)." in visible(
        read(owner_client, WEEK)
    )

    rest_day = RestDay.objects.get(owner=owner)
    owner_client.post(f"/journal/rest-days/{rest_day.pk}/delete/", {"next": TODAY})

    today = visible(read(owner_client, TODAY))
    assert "Today is a rest day." not in today
    assert "Friday 20 November: no entries" in today
    assert "So far this week you practiced on 1 of 5 days." in visible(
        read(owner_client, WEEK)
    )


# --- 7. sessions decide where the week starts; stars ----------------------------------


def test_adding_moving_and_skipping_a_session_moves_the_week_at_once(
    owner_client, owner
):
    """Week start "session": the week, Today's next session and progress all follow."""
    Profile.objects.filter(user=owner).update(week_start=WeekStart.SESSION)
    history(owner)
    assert current_week(owner_client) == WEEK
    pages = warm(owner_client, TODAY, WEEK, PROGRESS)
    assert "Next session" not in visible(pages[TODAY])
    assert progress_weeks(pages[PROGRESS])[-1] == "16 Nov 2026"

    # Every Thursday from 26 November: the week runs Thursday to Wednesday.
    owner_client.post(
        "/journal/sessions/",
        {"repeats": "1", "on": "2026-11-26", "at": "17:00", "label": "Dr. R."},
    )

    assert current_week(owner_client) == "/journal/week/2026-11-19/"
    assert owner_client.get(WEEK)["Location"] == "/journal/week/2026-11-12/"
    week = read(owner_client, "/journal/week/2026-11-19/")
    assert (
        "So far this week you practiced on 2 of 2 days. 2 entries in all."
        in visible(week)
    )
    assert diary_card(week) == {
        (COMM, "Thursday 19 November"): 1,
        (DT, "Friday 20 November"): 1,
    }
    today = visible(read(owner_client, TODAY))
    assert "Next session: Thursday 26 November, 17:00, in 6 days." in today
    assert "You have practiced 3 days in a row." in today
    assert progress_weeks(read(owner_client, PROGRESS))[-1] == "19 Nov 2026"

    # The first one moved to Friday 27: until then the week runs Friday to Thursday.
    first = TherapySession.objects.filter(owner=owner).order_by("starts_at").first()
    owner_client.post(
        f"/journal/sessions/{first.pk}/move/", {"on": "2026-11-27", "at": "09:00"}
    )

    assert current_week(owner_client) == "/journal/week/2026-11-20/"
    week = read(owner_client, "/journal/week/2026-11-20/")
    assert "So far this week you practiced on 1 of 1 day. 1 entry in all." in visible(
        week
    )
    assert diary_card(week) == {(DT, "Friday 20 November"): 1}
    assert "Next session: Friday 27 November, 09:00, in 7 days." in visible(
        read(owner_client, TODAY)
    )
    assert progress_weeks(read(owner_client, PROGRESS))[-1] == "20 Nov 2026"

    # Skipped: the next one is Thursday 3 December, so Thursday again.
    owner_client.post(f"/journal/sessions/{first.pk}/skip/")

    assert current_week(owner_client) == "/journal/week/2026-11-19/"
    week = read(owner_client, "/journal/week/2026-11-19/")
    assert (
        "So far this week you practiced on 2 of 2 days. 2 entries in all."
        in visible(week)
    )
    assert "Next session: Thursday 3 December, 17:00, in 13 days." in visible(
        read(owner_client, TODAY)
    )
    assert progress_weeks(read(owner_client, PROGRESS))[-1] == "19 Nov 2026"


def test_a_session_passing_moves_the_week_start_and_progress_follows(
    owner_client, owner, frozen_clock
):
    """No write: a session on Friday afternoon passes, the next is on a Tuesday.

    With week start "session" the week follows the next session, so at 17:00 on
    Friday the week starts on Tuesday instead of Friday. The week page follows (its
    summary is kept per first day); progress, kept per day, must follow too.
    """
    Profile.objects.filter(user=owner).update(week_start=WeekStart.SESSION)
    history(owner)
    for when in (
        datetime.datetime(2026, 11, 20, 17, 0, tzinfo=UTC),
        datetime.datetime(2026, 11, 24, 17, 0, tzinfo=UTC),
    ):
        TherapySession.objects.create(owner=owner, starts_at=when, time_zone="UTC")
    assert current_week(owner_client) == "/journal/week/2026-11-20/"
    pages = warm(owner_client, PROGRESS)
    assert progress_weeks(pages[PROGRESS])[-1] == "20 Nov 2026"

    frozen_clock.move_to(datetime.datetime(2026, 11, 20, 18, 0, tzinfo=UTC))

    assert current_week(owner_client) == "/journal/week/2026-11-17/"
    week = read(owner_client, "/journal/week/2026-11-17/")
    assert (
        "So far this week you practiced on 3 of 4 days. 3 entries in all."
        in visible(week)
    )
    weeks = progress_weeks(read(owner_client, PROGRESS))
    assert weeks[-1] == "17 Nov 2026", (
        "STALE PAGE: after Friday's session passed, the week starts on Tuesday "
        "(the week page says so), but progress still lists its 12 weeks from "
        f"{weeks[-1]!r}: the progress fragment's key (accounts/freshness.py) holds "
        "neither the week start nor a bump when a session passes"
    )


def test_a_starred_entry_shows_its_star_at_once(owner_client, owner):
    """Friday's entry starred for the next session: Today and the week show it."""
    friday = history(owner)
    owner_client.post(
        "/journal/sessions/", {"repeats": "once", "on": "2026-11-26", "at": "17:00"}
    )
    warm(owner_client, TODAY, WEEK, PROGRESS)
    for url in (TODAY, WEEK, HISTORY):
        assert 'aria-pressed="true"' not in read(owner_client, url).content.decode()

    owner_client.post(f"/journal/entries/{friday.pk}/star/", {"next": TODAY})

    for url in (TODAY, WEEK, HISTORY):
        page = read(owner_client, url)
        assert 'aria-pressed="true"' in page.content.decode(), url
    assert "You have practiced 3 days in a row." in visible(read(owner_client, TODAY))
    assert diary_card(read(owner_client, WEEK)) == BEFORE_CARD

    owner_client.post(f"/journal/entries/{friday.pk}/star/", {"next": TODAY})

    for url in (TODAY, WEEK, HISTORY):
        assert 'aria-pressed="true"' not in read(owner_client, url).content.decode()


def test_stars_for_a_session_that_has_passed_leave_every_page_when_it_starts(
    owner_client, owner, frozen_clock
):
    """Starred for Friday's 17:00 session: from 17:00 the next session has none."""
    friday = history(owner)
    for when in ("2026-11-20", "2026-11-27"):
        owner_client.post(
            "/journal/sessions/", {"repeats": "once", "on": when, "at": "17:00"}
        )
    owner_client.post(f"/journal/entries/{friday.pk}/star/", {"next": TODAY})
    warm(owner_client, TODAY, WEEK)
    for url in (TODAY, WEEK, HISTORY):
        assert 'aria-pressed="true"' in read(owner_client, url).content.decode(), url

    frozen_clock.move_to(datetime.datetime(2026, 11, 20, 17, 0, 1, tzinfo=UTC))

    for url in (TODAY, WEEK, HISTORY):
        page = read(owner_client, url).content.decode()
        assert 'aria-pressed="true"' not in page, (
            f"STALE PAGE: {url} still shows a star for the session that has just "
            "started: the coming session's facts were kept past its start "
            "(journal/sessions/queries.py, coming())"
        )


# --- 8. import ------------------------------------------------------------------------


def test_imported_entries_count_on_every_page_at_once(owner_client, owner):
    """Two entries imported for Monday and Tuesday: a five-day streak at once."""
    warm_with_history(owner_client, owner)
    document = {
        "format": "between-sessions-export",
        "version": 1,
        "entries": [
            {
                "uuid": str(uuid.uuid4()),
                "practiced_on": day,
                "skill": "communication",
                "note": "From my old phone.",
                "created_at": f"{day}T18:00:00+00:00",
            }
            for day in ("2026-11-16", "2026-11-17")
        ],
    }

    response = owner_client.post(
        "/accounts/import/",
        {"file": SimpleUploadedFile("e.json", json.dumps(document).encode())},
    )

    assert response.status_code == 302
    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: [
                "Monday 16 November: 1 entry",
                "Tuesday 17 November: 1 entry",
                "You have practiced 5 days in a row.",
            ],
            WEEK: [
                "So far this week you practiced on 5 of 5 days. 5 entries in all.",
                "Current streak: 5 days. Longest streak: 5 days.",
            ],
            PROGRESS: [
                "So far 6 entries 6 days practiced",
                "on 6 days in the last 365",
            ],
        },
        "after the import",
    )
    assert history_count(pages[HISTORY]) == 6
    assert diary_card(pages[WEEK]) == {
        **BEFORE_CARD,
        (COMM, "Monday 16 November"): 1,
        (COMM, "Tuesday 17 November"): 1,
    }


# --- 9. erasure -----------------------------------------------------------------------


def test_a_new_account_with_an_erased_accounts_id_sees_none_of_its_figures(
    client, owner, frozen_clock
):
    """SQLite can give an erased person's id to the next account: a fresh journal.

    The newcomer's journal version is set to the erased person's, as it would be
    after as many writes: only the joining time tells the two apart.
    """
    sign_in(client, owner)
    warm_with_history(client, owner)
    old_id, old_version = owner.pk, version_of(owner)

    response = client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=old_id).exists()
    frozen_clock.shift(datetime.timedelta(minutes=5))
    newcomer = get_user_model().objects.create_user(
        id=old_id, username="newcomer", password=PASSWORD
    )
    Profile.objects.filter(user=newcomer).update(journal_version=old_version)
    sign_in(client, newcomer)

    pages = read_all(client)
    assert_shows(
        pages,
        {
            TODAY: [
                "Friday 20 November: no entries",
                "Every day is a fresh start. Log one moment to begin a streak.",
            ],
            WEEK: [
                "So far this week you practiced on 0 of 5 days. 0 entries in all.",
                "Current streak: 0 days. Longest streak: 0 days.",
            ],
            PROGRESS: ["Your progress will grow here as you log skills."],
        },
        "for the newcomer",
    )
    assert history_count(pages[HISTORY]) == 0
    assert diary_card(pages[WEEK]) == {}


# --- 10. settings: week start and time zone -------------------------------------------


def settings_data(**changes):
    data = {
        "display_name": "",
        "email": "",
        "time_zone": "UTC",
        "week_start": "monday",
        "language": "en",
    }
    data.update(changes)
    return data


def test_a_new_week_start_and_time_zone_show_on_every_page_at_once(owner_client, owner):
    """Sunday as the first day, then a zone where it is already Saturday."""
    make_entry(owner, practiced_on=D(2026, 11, 15), skill="communication")
    history(owner)
    pages = warm(owner_client, TODAY, WEEK, PROGRESS)
    assert (
        "So far this week you practiced on 3 of 5 days. 3 entries in all."
        in visible(pages[WEEK])
    )
    assert "Fri 20 Friday 20 November today" in visible(pages[WEEK])
    assert progress_weeks(pages[PROGRESS])[-1] == "16 Nov 2026"
    assert "Sat 21 Nov 2026" not in visible(pages[PROGRESS])

    response = owner_client.post(
        "/accounts/settings/", settings_data(week_start="sunday")
    )

    assert response.status_code == 302
    assert current_week(owner_client) == "/journal/week/2026-11-15/"
    week = read(owner_client, "/journal/week/2026-11-15/")
    assert (
        "So far this week you practiced on 4 of 6 days. 4 entries in all."
        in visible(week)
    )
    assert diary_card(week) == {**BEFORE_CARD, (COMM, "Sunday 15 November"): 1}
    assert progress_weeks(read(owner_client, PROGRESS))[-1] == "15 Nov 2026"

    # Kiritimati is 14 hours ahead: 15:00 UTC on Friday is 05:00 on Saturday there.
    response = owner_client.post(
        "/accounts/settings/",
        settings_data(week_start="sunday", time_zone="Pacific/Kiritimati"),
    )

    assert response.status_code == 302
    today = visible(read(owner_client, TODAY))
    assert "Saturday 21 November: no entries" in today
    assert "Saturday 14 November" not in today
    # Nothing yet on Saturday: the streak still runs to Friday.
    assert "You have practiced 3 days in a row." in today
    week = visible(read(owner_client, "/journal/week/2026-11-15/"))
    assert (
        "Sat 21 Saturday 21 November today" in week
        and "Fri 20 Friday 20 November today" not in week
    )
    assert "Sat 21 Nov 2026: no entries" in visible(read(owner_client, PROGRESS))


# --- 11. the language -----------------------------------------------------------------


def test_switching_language_shows_the_same_figures_in_each_language(
    owner_client, owner
):
    """English, then Spanish, then English again: each page in its own words."""
    warm_with_history(owner_client, owner)

    owner_client.post("/i18n/setlang/", {"language": "es", "next": TODAY})

    pages = read_all(owner_client)
    assert_shows(
        pages,
        {
            TODAY: ["Llevas 3 días seguidos practicando.", "Tus últimos 7 días"],
            WEEK: [
                "Por ahora, esta semana practicaste 3 de 5 días. 3 entradas en total."
            ],
            PROGRESS: ["4 entradas 4 días de práctica"],
        },
        "in Spanish",
    )
    for url, page in pages.items():
        assert "You practised" not in visible(page), url
        assert "in a row" not in visible(page), url

    owner_client.post("/i18n/setlang/", {"language": "en", "next": TODAY})

    assert_shows(read_all(owner_client), BEFORE, "in English again")


def test_the_share_page_in_each_language_shows_that_languages_figures(
    owner_client, owner
):
    """A reader flipping ?lang= makes no write: the language alone keeps them apart."""
    history(owner)
    url = share_link(owner_client)
    reader = Client()
    english = reader.get(url)
    assert shared_fragment_cached(owner, D(2026, 11, 16))
    assert shared_week(english, D(2026, 11, 16))["headline"] == (
        "Practiced on 3 of 7 days. 3 entries."
    )

    spanish = reader.get(f"{url}?lang=es")

    assert shared_fragment_cached(owner, D(2026, 11, 16), "es")
    headline = shared_week(spanish, D(2026, 11, 16))["headline"]
    assert "3 entradas" in headline and "entries" not in headline
    assert "Practiced on" in shared_week(reader.get(url), D(2026, 11, 16))["headline"]


# --- 12. midnight, with no write at all -----------------------------------------------


def test_local_midnight_moves_the_strip_and_the_streak_without_a_write(
    owner_client, owner, frozen_clock
):
    """New York: at 23:59 on Friday nothing moves; at 00:01 Saturday it all does."""
    Profile.objects.filter(user=owner).update(time_zone="America/New_York")
    make_entry(owner, practiced_on=D(2026, 11, 18))
    make_entry(owner, practiced_on=D(2026, 11, 19))
    pages = warm(owner_client, TODAY, WEEK, PROGRESS)
    assert "You have practiced 2 days in a row." in visible(pages[TODAY])
    strengths = strength_values(pages[PROGRESS])
    version = version_of(owner)

    # 04:59 UTC on Saturday is still Friday, 23:59, in New York.
    frozen_clock.move_to(datetime.datetime(2026, 11, 21, 4, 59, tzinfo=UTC))
    with CaptureQueriesContext(connection) as cached:
        today = visible(read(owner_client, TODAY))
    assert "You have practiced 2 days in a row." in today
    assert "Saturday 21 November" not in today

    frozen_clock.move_to(datetime.datetime(2026, 11, 21, 5, 1, tzinfo=UTC))
    with CaptureQueriesContext(connection) as drawn:
        pages = read_all(owner_client)

    assert version_of(owner) == version, "no write happened"
    assert len(drawn) > len(cached)
    today = visible(pages[TODAY])
    assert "Saturday 21 November: no entries" in today
    assert "Saturday 14 November" not in today
    assert "Every day is a fresh start. Log one moment to begin a streak." in today
    assert "Current streak: 0 days. Longest streak: 2 days." in visible(pages[WEEK])
    # Strength fades a little each day without practice.
    faded = strength_values(pages[PROGRESS])
    assert faded["emotional-regulation"] < strengths["emotional-regulation"]


def test_a_page_drawn_across_local_midnight_is_not_kept_for_the_new_day(
    owner_client, owner, frozen_clock, monkeypatch
):
    """A read that starts at 23:59:59 on Friday and is drawn just after midnight.

    The view takes Friday as today and draws Friday's strip; the cache key is
    computed when the page is drawn, with Saturday's date. The next read, on
    Saturday with no write, must still show Saturday.
    """
    history(owner)
    frozen_clock.move_to(datetime.datetime(2026, 11, 20, 23, 59, 59, tzinfo=UTC))
    real_init = entry_views.RecentPractice.__init__

    def midnight_passes_while_drawing(practice, user, day):
        real_init(practice, user, day)
        frozen_clock.move_to(datetime.datetime(2026, 11, 21, 0, 0, 1, tzinfo=UTC))

    monkeypatch.setattr(
        entry_views.RecentPractice, "__init__", midnight_passes_while_drawing
    )
    read(owner_client, TODAY)
    monkeypatch.setattr(entry_views.RecentPractice, "__init__", real_init)

    today = visible(read(owner_client, TODAY))
    assert "Saturday 21 November: no entries" in today, (
        "STALE PAGE: a Today page begun at 23:59:59 and drawn at 00:00:01 kept "
        "Friday's strip under Saturday's key, so Saturday shows Friday's last 7 days "
        "until the next write: the view's today and the key's today "
        "(accounts/freshness.py cache_key, read again at drawing time) differ"
    )


# --- 13. the daily job ----------------------------------------------------------------


def test_the_daily_job_making_sessions_moves_the_week_start(owner_client, owner):
    """Sessions run out; the last was a Tuesday; the job makes the Thursdays again."""
    Profile.objects.filter(user=owner).update(week_start=WeekStart.SESSION)
    history(owner)
    SessionSchedule.objects.create(
        owner=owner,
        starts_on=D(2026, 10, 1),
        at=datetime.time(17, 0),
        time_zone="UTC",
        made_until=D(2026, 11, 12),
    )
    TherapySession.objects.create(
        owner=owner,
        starts_at=datetime.datetime(2026, 11, 17, 9, 0, tzinfo=UTC),
        time_zone="UTC",
    )
    assert current_week(owner_client) == "/journal/week/2026-11-17/"
    pages = warm(owner_client, "/journal/week/2026-11-17/", PROGRESS)
    assert progress_weeks(pages[PROGRESS])[-1] == "17 Nov 2026"
    version = version_of(owner)

    made = extend_all_schedules(D(2026, 11, 20))

    assert made > 0
    assert version_of(owner) > version
    assert current_week(owner_client) == "/journal/week/2026-11-19/"
    week = read(owner_client, "/journal/week/2026-11-19/")
    assert (
        "So far this week you practiced on 2 of 2 days. 2 entries in all."
        in visible(week)
    )
    assert progress_weeks(read(owner_client, PROGRESS))[-1] == "19 Nov 2026"


# --- 14. the share page ---------------------------------------------------------------


def test_the_share_page_shows_the_owners_new_entry_at_once(owner_client, owner):
    """The therapist's page is kept under the owner's key: their write reaches it."""
    history(owner)
    url = share_link(owner_client)
    reader = Client()
    before = shared_week(reader.get(url), D(2026, 11, 16))
    assert shared_fragment_cached(owner, D(2026, 11, 16))
    assert before == {
        "headline": "Practiced on 3 of 7 days. 3 entries.",
        "card": {
            "emotional-regulation": [0, 0, 1, 0, 0, 0, 0],
            "distress-tolerance": [0, 0, 0, 0, 1, 0, 0],
            "communication": [0, 0, 0, 1, 0, 0, 0],
        },
    }

    owner_client.post("/journal/entries/new/", entry_data())

    after = shared_week(reader.get(url), D(2026, 11, 16))
    assert after["headline"] == "Practiced on 4 of 7 days. 4 entries."
    assert after["card"]["communication"] == [0, 1, 0, 1, 0, 0, 0]


@pytest.mark.parametrize("query", ["", "?lang=en"], ids=["owners-language", "lang"])
def test_a_share_page_drawn_during_the_owners_write_is_not_kept_stale(
    owner_client, owner, monkeypatch, query
):
    """The reader's page reads the figures; the owner's new entry lands and bumps.

    That one page may show the figures from just before; the next read must not.
    The owner's version has to be read before the figures, as on the owner's own
    pages (their profile is read first, by the language middleware).
    """
    history(owner)
    url = share_link(owner_client) + query
    real_load = week_reports.load_week_reports

    def figures_then_the_owners_write(*args, **kwargs):
        weeks = real_load(*args, **kwargs)
        for week in weeks:  # figures are read when first asked for: here, before
            week.rest_days, week.change, week.distress  # noqa: B018
        if not Entry.objects.filter(owner=owner, practiced_on=D(2026, 11, 17)):
            # The owner's POST: the entry committed, then the middleware's bump.
            make_entry(owner, practiced_on=D(2026, 11, 17), skill="communication")
            freshness.bump(owner.pk)
        return weeks

    reader = Client()
    monkeypatch.setattr(
        week_reports, "load_week_reports", figures_then_the_owners_write
    )
    during = shared_week(reader.get(url), D(2026, 11, 16))
    monkeypatch.setattr(week_reports, "load_week_reports", real_load)
    assert during["headline"] == "Practiced on 3 of 7 days. 3 entries."

    after = shared_week(reader.get(url), D(2026, 11, 16))
    assert after["headline"] == "Practiced on 4 of 7 days. 4 entries.", (
        f"STALE PAGE ({url}): figures read before the owner's write were kept under "
        "the version after it, so the share page shows them until the owner's next "
        "write. With ?lang= the view reads the owner's profile (and version) only in "
        "freshness.cache_key, after week_reports.load_week_reports "
        "(journal/views/sharing.py)"
    )


def test_two_owners_never_see_each_others_cached_figures(owner, other_user):
    """Same week, day and version: three entries on one page, one on the other."""
    history(owner)
    make_entry(other_user, practiced_on=D(2026, 11, 17), skill="communication")
    urls = {}
    for user in (owner, other_user):
        urls[user.pk] = share_link(sign_in(Client(), user))
    assert version_of(owner) == version_of(other_user)
    reader = Client()

    for _round in range(2):
        mine = shared_week(reader.get(urls[owner.pk]), D(2026, 11, 16))
        theirs = shared_week(reader.get(urls[other_user.pk]), D(2026, 11, 16))
        assert mine["headline"] == "Practiced on 3 of 7 days. 3 entries."
        assert theirs == {
            "headline": "Practiced on 1 of 7 days. 1 entry.",
            "card": {"communication": [0, 1, 0, 0, 0, 0, 0]},
        }


# --- the shared new-entry fields ------------------------------------------------------


def entry_fields(response) -> tuple[str, str]:
    """(the uuid, the kept fields' HTML) of the new-entry form on a page: the
    skill's choices and the fields after the named skills (those are a person's
    own, drawn outside)."""
    html = response.content.decode()
    found = re.search(r'<input type="hidden" name="uuid" value="([0-9a-f-]+)"', html)
    start = html.index('name="skill"')
    named = html.index("data-technique-field", start)
    after = html.index('id="div_id_note"', named)
    end = html.index("</details>", after)
    return found.group(1), html[start:named] + html[after:end]


def test_the_shared_entry_fields_are_the_same_for_everyone_and_never_hold_a_uuid(
    owner_client, other_user
):
    """Two people, two reads each: one cached HTML, and a new uuid on every page."""
    another = sign_in(Client(), other_user)
    make_entry(other_user, note="Something only they wrote")
    people = (owner_client, owner_client, another, another)

    reads = [read(person, TODAY) for person in people]
    new_entry_pages = [read(person, "/journal/entries/new/") for person in people]

    for page in new_entry_pages:
        assert "Something only they wrote" not in page.content.decode()
    new_entry_fields = [entry_fields(page) for page in new_entry_pages]
    assert len({html for _uuid, html in new_entry_fields}) == 1
    fields = [entry_fields(page) for page in reads]
    uuids = [uuid_ for uuid_, _html in fields + new_entry_fields]
    assert len(set(uuids)) == 8, f"a uuid was served twice (from the cache?): {uuids}"
    assert len({html for _uuid, html in fields}) == 1
    key = NewEntryForm(today=D(2026, 11, 20)).blank_form_key
    fragment = fragments.store("entry-fields").get(
        fragments.key("entry-fields", "en", key, "")
    )
    assert fragment, "the blank entry fields should be kept in the cache"
    assert fields[0][1].split('id="div_id_note"')[1] in fragment
    skill_fragment = fragments.store("entry-skill").get(
        fragments.key("entry-skill", "en", key)
    )
    assert 'name="skill"' in skill_fragment
    assert "technique" not in skill_fragment + fragment
    assert 'name="uuid"' not in fragment
    assert not any(uuid_ in fragment for uuid_ in uuids)
    assert "someone-else" not in fragment
    assert "Something only they wrote" not in fragment


def test_a_person_whose_today_is_another_day_gets_that_days_fields(owner_client):
    """Kiritimati is already on Saturday: its form may not offer Friday as today."""
    read(owner_client, TODAY)
    elsewhere = sign_in(Client(), make_user(time_zone="Pacific/Kiritimati"))

    html = read(elsewhere, TODAY).content.decode()

    assert 'value="2026-11-21"' in html and 'max="2026-11-21"' in html
    assert 'max="2026-11-20"' not in html
