"""Real-browser tests: one headless Chromium per session, a light context per test.

Playwright cannot download browsers here, so the tests drive Debian's Chromium
directly and never use pytest-playwright's own `browser`/`page` fixtures. Pages are
served by pytest-django's live server, which runs in a thread of this process.
"""

import datetime
import os
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import sync_playwright

from accounts.timezones import local_today
from journal.models import ActivityPlan, Entry, SessionStar, TalkPoint, TherapySession
from journal.practice import goals as practice_goals
from journal.practice import services as practice_services
from tests.browser.helpers import (
    DESKTOP,
    PAGE_TYPES,
    PageWatch,
    create_share_link,
    login,
)
from tests.factories import make_entry, make_exercise_entry, make_plan, make_user
from tests.journal.card.helpers import check_in, make_paper_card
from tests.safety.plans import make_safety_plan

# Playwright's sync API keeps an event loop running in the test thread, so Django
# would refuse the plain ORM calls that fixtures make there. They are safe: the live
# server thread has its own connection.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: real-browser tests")


@pytest.fixture(scope="session")
def chromium_browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def open_context(chromium_browser, live_server):
    """Open a browser context on the live server; returns (context, watch)."""
    opened = []

    def open_context(**options):
        context = chromium_browser.new_context(
            base_url=live_server.url, **{**DESKTOP, **options}
        )
        context.set_default_timeout(10_000)
        watch = PageWatch()
        watch.attach(context)
        opened.append(context)
        return context, watch

    yield open_context
    for context in opened:
        context.close()


@pytest.fixture
def guide_pages(transactional_db):
    # Guide pages come from Markdown files, not migrations, and every live-server
    # test starts from an empty database.
    call_command("load_guide", stdout=StringIO())


@pytest.fixture
def person(transactional_db):
    """Robin: entries on four days of the last week, some with ratings, one a guided
    thought record, an activity planned for today, and a safety plan."""
    user = make_user("robin", display_name="Robin")
    today = local_today(timezone.now(), "UTC")
    practice = [
        (0, "emotional-regulation", "Named the anger before I answered.", 7, 4),
        (0, "communication", "Asked for a pause in the meeting.", None, None),
        (1, "distress-tolerance", "Cold water on my face, then a walk.", 8, 5),
        (3, "behavioral-activation", "Went for a run although I felt flat.", 6, 3),
    ]
    for days_ago, skill, note, before, after in practice:
        make_entry(
            user,
            practiced_on=today - datetime.timedelta(days=days_ago),
            skill=skill,
            note=note,
            distress_before=before,
            distress_after=after,
        )
    make_exercise_entry(user, practiced_on=today - datetime.timedelta(days=2))
    make_plan(user, activity="Ten minutes in the park", planned_on=today)
    make_safety_plan(user)
    now = timezone.now()
    last = TherapySession.objects.create(
        owner=user, starts_at=now - datetime.timedelta(days=4), time_zone="UTC"
    )
    coming = TherapySession.objects.create(
        owner=user,
        starts_at=now + datetime.timedelta(days=3),
        time_zone="UTC",
        label="Dr. R.",
    )
    TalkPoint.objects.create(owner=user, session=coming, text="How I slept")
    TalkPoint.objects.create(owner=user, session=last, text="The move")
    SessionStar.objects.create(
        entry=Entry.objects.filter(owner=user).first(), session=coming
    )
    return user


def _give_a_diary_card(user):
    """A paper DBT card with check-ins this week and four weeks ago."""
    rows = make_paper_card(user)
    today = local_today(timezone.now(), "UTC")
    for days_ago, urge, sadness in [(1, 3, 2), (29, 1, 4)]:
        check_in(
            user,
            today - datetime.timedelta(days=days_ago),
            {rows[1]: (urge, True), rows[3]: sadness, rows[7]: 7.5, rows[8]: True},
            skills=4,
        )


@pytest.fixture
def visit_page_type(request, live_server):
    """Open one kind of page (a key of PAGE_TYPES) in a context; returns the page."""

    def visit(context, name):
        page_type = PAGE_TYPES[name]
        if page_type.needs_guide:
            request.getfixturevalue("guide_pages")
        if page_type.is_signed_in:
            login(context, request.getfixturevalue("person"), live_server)
        page = context.new_page()
        if name == "entry-form-errors":
            page.goto("/journal/entries/new/")
            with page.expect_navigation() as navigation:
                page.locator("main form button[type=submit]").click()
            response = navigation.value
        elif name == "exercise-errors":
            page.goto("/journal/exercises/cognitive-restructuring/")
            # On a phone Save waits on the last step: send the form as Save would.
            with page.expect_navigation() as navigation:
                page.locator("main form[data-steps]").evaluate("f => f.requestSubmit()")
            response = navigation.value
        elif name == "exercise-edit":
            entry = Entry.objects.filter(owner__username="robin").exclude(exercise="")
            response = page.goto(f"/journal/entries/{entry.get().pk}/edit/")
        elif name == "plan-outcome":
            plan = ActivityPlan.objects.get(owner__username="robin")
            response = page.goto(
                f"/journal/exercises/behavioral-activation/plans/{plan.pk}/"
            )
        elif name in ("past-session", "session-move"):
            sessions = TherapySession.objects.filter(owner__username="robin")
            session = sessions.first() if name == "past-session" else sessions.last()
            suffix = "" if name == "past-session" else "move/"
            response = page.goto(f"/journal/sessions/{session.pk}/{suffix}")
        elif name == "practice-plan":
            robin = request.getfixturevalue("person")
            today = local_today(timezone.now(), "UTC")
            practice_services.create_plan(
                robin,
                practice_goals.iso_week(today),
                [
                    {"family": "distress-tolerance", "times": 4, "why": "Calms me"},
                    {"text": "Evening walk", "each_day": True, "obstacle": "Rain"},
                ],
            )
            response = page.goto("/journal/practice-plan/")
        elif name == "progress-with-card":
            _give_a_diary_card(request.getfixturevalue("person"))
            response = page.goto("/journal/progress/")
        elif name == "share":
            path = create_share_link(page)
            # The therapist opening the link is not signed in.
            context.clear_cookies()
            response = page.goto(path)
        else:
            response = page.goto(page_type.path)
        assert response.status == page_type.status, f"{name}: {response.url}"
        return page

    return visit
