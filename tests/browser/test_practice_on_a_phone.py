"""On a 390 px phone, by touch and keyboard: an exercise, a plan, a rest day, a session."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from journal.models import ActivityPlan, Entry, RestDay
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, save_screenshot

pytestmark = pytest.mark.browser


def assert_no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_thought_record_on_a_phone(open_context, person, live_server, scheme):
    context, watch = open_context(**PHONE, color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")
    with page.expect_navigation():
        page.get_by_role(
            "link", name="Want more structure? Try a guided exercise."
        ).tap()
    with page.expect_navigation():
        page.get_by_role("link", name="Thought record").tap()
    assert_no_axe_violations(page)

    # One step per screen: the strength of the feeling is left untapped.
    page.get_by_label("What was the situation?").fill("Waiting for a reply")
    page.get_by_label("What thought showed up?").fill("She is angry with me")
    page.get_by_role("button", name="Next").tap()
    page.get_by_label("What did you feel?").fill("Worried")
    page.get_by_role("button", name="Next").tap()
    page.get_by_role("button", name="Next").tap()
    page.get_by_label("A more balanced thought").fill("She is busy at work")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()

    # Missing: said beside the scale, its step open, focus there, nothing lost or saved.
    strength = page.locator("fieldset.scale-field", has_text="How strong was the")
    expect(page.locator("#id_feeling_before_error")).to_contain_text(
        "Please answer this one."
    )
    expect(strength.get_by_role("radio", name="0", exact=True)).to_be_focused()
    expect(page.get_by_label("What did you feel?")).to_have_value("Worried")
    # Robin's one earlier thought record, and nothing more.
    assert Entry.objects.filter(owner=person, exercise="thought-record").count() == 1
    assert_no_axe_violations(page)
    assert fits_the_phone(page)

    strength.get_by_text("7", exact=True).tap()
    page.get_by_role("button", name="Next").tap()
    page.get_by_role("button", name="Next").tap()
    page.locator(
        "fieldset.scale-field", has_text="How strong is the feeling now"
    ).get_by_text("3", exact=True).tap()
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()

    card = page.locator(".entry-card").filter(has_text="She is busy at work")
    expect(card).to_have_count(1)
    expect(card.locator(".answer-compare")).to_contain_text("7/10")
    expect(card.locator(".answer-compare")).to_contain_text("3/10")
    save_screenshot(page, f"thought-record-saved-phone-{scheme}")
    assert_no_axe_violations(page)
    assert fits_the_phone(page)
    assert watch.problems(page) == []


def test_a_planned_activity_done_from_today_on_a_phone(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")
    plan = page.locator(".plan-item").filter(has_text="Ten minutes in the park")
    expect(plan).to_contain_text("expected to feel 3/10")

    with page.expect_navigation():
        plan.get_by_role("link", name="I did it").tap()
    assert_no_axe_violations(page)
    page.locator("fieldset", has_text="How good did it actually feel?").get_by_text(
        "8", exact=True
    ).tap()
    page.locator("fieldset", has_text="sense of achievement").get_by_text(
        "6", exact=True
    ).tap()
    with page.expect_navigation():
        page.get_by_role("button", name="Save: I did it").tap()

    expect(page.locator(".plan-item")).to_have_count(0)
    card = page.locator(".entry-card").filter(has_text="Ten minutes in the park")
    expect(card.locator(".answer-compare")).to_contain_text("Expected to feel")
    expect(card.locator(".answer-compare")).to_contain_text("8/10")
    assert ActivityPlan.objects.get(owner=person).status == "done"
    assert_no_axe_violations(page)
    assert fits_the_phone(page)


def test_marking_a_rest_day_on_a_phone_with_the_keyboard(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")
    streak_before = page.locator(".streak").inner_text()

    button = page.get_by_role("button", name="Make today a rest day")
    button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    expect(page.locator(".rest-note")).to_contain_text("Today is a rest day.")
    # Today already has practice, so it counts as practised, and still as rest.
    expect(page.locator(".day-strip-day.is-today")).to_have_class(
        re.compile(r"\bis-rest\b")
    )
    assert page.locator(".streak").inner_text() == streak_before
    assert RestDay.objects.filter(owner=person).count() == 1
    save_screenshot(page, "rest-day-today-phone")
    assert_no_axe_violations(page)
    assert fits_the_phone(page)


def test_a_new_person_sets_a_weekly_session_and_prepares_for_it(
    open_context, live_server, transactional_db
):
    from tests.factories import make_entry, make_user

    newcomer = make_user("sam")
    make_entry(newcomer, practiced_on=timezone.now().date(), note="Said no kindly.")
    context, watch = open_context(**PHONE)
    login(context, newcomer, live_server)
    page = context.new_page()
    thursday = timezone.now().date() + datetime.timedelta(
        days=(3 - timezone.now().weekday()) % 7 or 7
    )

    page.goto("/journal/sessions/")
    page.get_by_label("Every week").check()
    page.get_by_label("Date (the first one, if it repeats)").fill(thursday.isoformat())
    page.get_by_label("Time").fill("17:00")
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()
    assert_no_axe_violations(page)

    page.goto("/journal/")
    expect(page.locator(".next-session")).to_contain_text("Next session: Thursday")
    card = page.locator(".entry-card").filter(has_text="Said no kindly.")
    star = card.locator(".star-button")
    expect(star).to_have_accessible_name(re.compile("Bring this up"))
    star.tap()  # starred in place, without leaving the page
    expect(star).to_have_attribute("aria-pressed", "true")
    with page.expect_navigation():
        page.get_by_role("link", name="What to bring").tap()
    page.get_by_label("Something you want to talk about").fill("Saying no at work")
    with page.expect_navigation():
        page.get_by_role("button", name="Add to my list").tap()

    expect(page.locator(".talk-list")).to_contain_text("Saying no at work")
    starred = page.locator("section", has=page.get_by_role("heading", name="Starred"))
    expect(starred.locator(".entry-card")).to_contain_text("Said no kindly.")
    save_screenshot(page, "since-last-session-journey-phone")
    assert_no_axe_violations(page)
    assert fits_the_phone(page)
    pdf = page.request.get("/journal/sessions/next/pdf/")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert watch.problems(page) == []
