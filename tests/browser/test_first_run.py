"""The first run, the sessions list, reminders and two-factor, on a 390 px phone:
in light and dark, English and Spanish, with nothing for axe to find."""

import datetime
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import Profile
from journal.models import SessionSchedule, TherapySession
from journal.sessions import services
from reminders.models import ReminderSettings
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, submit_and_wait

pytestmark = pytest.mark.browser

# Pictures to look at by hand (FIRST_RUN_SHOTS=/tmp/somewhere); none by default.
SHOTS = os.environ.get("FIRST_RUN_SHOTS", "")
PAGES = {
    "first-run-session": "/journal/welcome/",
    "first-run-reminder": "/accounts/reminders/welcome/",
    "first-run-country": "/accounts/welcome/country/",
    "sessions": "/journal/sessions/",
    "reminders": "/accounts/reminders/",
    "two-factor": "/accounts/two-factor/",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.fixture
def weekly(person):
    """Robin, with an address and a weekly session besides the one-off ones."""
    person.email = "robin@example.com"
    person.save()
    now = timezone.now()
    services.add_schedule(
        person,
        every_weeks=1,
        starts_on=now.date() + datetime.timedelta(days=2),
        at=datetime.time(17, 0),
        zone="UTC",
        label="",
        today=now.date(),
        now=now,
    )
    return person


def phone_page(open_context, person, live_server, *, scheme="light", language="en"):
    Profile.objects.filter(user=person).update(language=language)
    context, watch = open_context(**PHONE, color_scheme=scheme)
    login(context, person, live_server)
    return context.new_page(), watch


def shoot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_the_page_on_a_phone_passes_axe(
    open_context, weekly, live_server, axe, name, scheme, language
):
    page, watch = phone_page(
        open_context, weekly, live_server, scheme=scheme, language=language
    )

    page.goto(PAGES[name])
    page.locator("details").evaluate_all("all => all.forEach(d => d.open = true)")
    results = axe.run(page, options=AXE_OPTIONS)

    shoot(page, f"{name}-{scheme}-{language}")
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert watch.problems(page) == []


def test_reminder_days_are_hidden_while_the_switch_is_off(
    open_context, person, live_server
):
    page, _watch = phone_page(open_context, person, live_server)
    page.goto("/accounts/reminders/")
    days = page.locator("fieldset.day-toggles")

    expect(days).to_have_count(1)
    hidden_while_off = days.is_hidden()
    page.get_by_label("Send me a gentle daily reminder").check()

    assert hidden_while_off
    expect(days).to_be_visible()


def test_reminder_days_stay_visible_without_javascript(
    open_context, person, live_server
):
    page, _watch = phone_page(open_context, person, live_server)
    page.context.route("**/site.js", lambda route: route.abort())

    page.goto("/accounts/reminders/")

    expect(page.locator("fieldset.day-toggles")).to_be_visible()


def test_reminder_days_are_a_row_of_tap_size_toggles(open_context, person, live_server):
    page, _watch = phone_page(open_context, person, live_server)
    page.goto("/accounts/reminders/")
    page.get_by_label("Send me a gentle daily reminder").check()

    boxes = page.locator(".day-toggle").evaluate_all(
        "all => all.map(l => l.getBoundingClientRect().toJSON())"
    )

    shoot(page, "reminders-on")
    assert len(boxes) == 7
    assert all(box["height"] >= 44 and box["width"] >= 32 for box in boxes)
    assert boxes[0]["top"] == boxes[1]["top"]  # side by side, not stacked


def test_a_tapped_day_toggles_its_check_box(open_context, person, live_server):
    page, _watch = phone_page(open_context, person, live_server)
    page.goto("/accounts/reminders/")
    page.get_by_label("Send me a gentle daily reminder").check()

    page.locator("label.day-toggle").first.click()

    expect(page.get_by_role("checkbox", name="Monday")).not_to_be_checked()


def test_a_new_person_answers_all_three_questions_on_a_phone(
    open_context, person, live_server
):
    person.email = "robin@example.com"
    person.save()
    page, watch = phone_page(open_context, person, live_server)
    page.goto("/journal/welcome/")

    page.get_by_label("Every week").check()
    first_day = timezone.now().date() + datetime.timedelta(days=10)
    page.get_by_label("Date (the first one, if it repeats)").fill(first_day.isoformat())
    page.get_by_label("Time").fill("17:00")
    submit_and_wait(page, page.get_by_role("button", name="Save and go on"))
    page.locator("label.day-toggle").last.click()  # Sunday off
    submit_and_wait(page, page.get_by_role("button", name="Remind me"))
    page.get_by_label("Where you live").select_option("ES")
    submit_and_wait(page, page.get_by_role("button", name="Save and go to Today"))

    assert page.url.endswith("/journal/")
    assert SessionSchedule.objects.filter(owner=person).exists()
    assert ReminderSettings.objects.get(user=person).days == "012345"
    assert Profile.objects.get(user=person).country == "ES"
    expect(page.locator(".crisis-link")).to_have_text("In crisis? Call 024")
    assert watch.problems(page) == []


def test_a_new_person_skips_the_questions_and_is_not_asked_again(
    open_context, person, live_server
):
    page, _watch = phone_page(open_context, person, live_server)
    page.goto("/journal/welcome/")
    sessions_before = TherapySession.objects.filter(owner=person).count()

    submit_and_wait(page, page.get_by_role("button", name="Skip these questions"))
    page.goto("/journal/welcome/")

    assert page.url.endswith("/journal/")
    assert TherapySession.objects.filter(owner=person).count() == sessions_before
