"""Guided exercises on a phone: tap scales, one short step per screen, calm messages."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.models import Profile
from journal.models import Entry
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, save_screenshot

pytestmark = pytest.mark.browser

SMALL_PHONE = {**PHONE, "viewport": {"width": 360, "height": 740}}
EXERCISE_PAGES = [
    "/journal/exercises/emotional-regulation/",
    "/journal/exercises/distress-tolerance/",
    "/journal/exercises/cognitive-restructuring/",
    "/journal/exercises/communication/",
    "/journal/exercises/behavioral-activation/",
]

SIDEWAYS_SCROLL = "document.documentElement.scrollWidth > window.innerWidth"


def scale(page, question):
    return page.locator("fieldset.scale-field", has_text=question)


def shown_steps(page):
    return page.locator("[data-step]:visible")


def test_a_thought_record_step_by_step_to_save_on_a_phone(
    open_context, person, live_server
):
    context, watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/exercises/cognitive-restructuring/")
    sideways = []

    def on_each_step(count, title):
        expect(shown_steps(page)).to_have_count(1)
        heading = page.locator("[data-step-title]:visible")
        expect(heading).to_have_text(f"{count} {title}")
        sideways.append(page.evaluate(SIDEWAYS_SCROLL))

    on_each_step("1 of 4", "The moment")
    expect(page.get_by_role("button", name="Save")).to_be_hidden()
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    page.get_by_label("What was the situation?").fill("Waiting for a reply")
    page.get_by_label("What thought showed up?").fill("She is angry with me")
    page.get_by_role("button", name="Next").tap()

    on_each_step("2 of 4", "The feeling")
    expect(page.locator("[data-step-title]:visible")).to_be_focused()
    page.get_by_label("What did you feel?").fill("Worried")
    scale(page, "How strong was the feeling?").get_by_text("7", exact=True).tap()
    save_screenshot(page, "thought-record-step-2-phone")
    page.get_by_role("button", name="Next").tap()

    on_each_step("3 of 4", "Weighing it up")
    page.get_by_role("button", name="Next").tap()

    on_each_step("4 of 4", "A balanced view")
    expect(page.get_by_role("button", name="Next")).to_be_hidden()
    page.get_by_label("A more balanced thought").fill("She is busy at work")
    scale(page, "How strong is the feeling now?").get_by_text("3", exact=True).tap()
    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()

    entry = Entry.objects.filter(owner=person).latest("created_at")
    assert entry.answers["situation"] == "Waiting for a reply"
    assert (entry.answers["feeling_before"], entry.answers["feeling_after"]) == (7, 3)
    assert (entry.distress_before, entry.distress_after) == (7, 3)
    assert sideways == [False, False, False, False]
    assert watch.problems(page) == []


def test_back_returns_to_the_step_before_with_its_answers(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/exercises/cognitive-restructuring/")
    page.get_by_label("What was the situation?").fill("Waiting for a reply")
    page.get_by_role("button", name="Next").tap()

    page.get_by_role("button", name="Back").tap()

    expect(page.locator("[data-step-title]:visible")).to_have_text("1 of 4 The moment")
    expect(page.locator("[data-step-title]:visible")).to_be_focused()
    expect(page.get_by_label("What was the situation?")).to_have_value(
        "Waiting for a reply"
    )


def test_the_step_with_a_message_opens_after_a_refused_save(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/exercises/distress-tolerance/")
    page.get_by_label("What was the urge or wave?").fill("Leaving the party")
    scale(page, "How strong was it?").get_by_text("8", exact=True).tap()
    page.get_by_role("button", name="Next").tap()
    page.get_by_role("button", name="Next").tap()

    with page.expect_navigation():
        page.get_by_role("button", name="Save").tap()

    expect(page.locator("[data-step-title]:visible")).to_have_text(
        "2 of 3 Getting through it"
    )
    group = page.locator("fieldset.choice-group")
    expect(group.locator(".field-message")).to_have_count(1)
    expect(group.locator(".field-message")).to_have_text("Choose one of the options.")
    expect(group.locator(".is-invalid")).to_have_count(0)
    expect(page.get_by_label("Noticed the urge and waited")).to_be_focused()
    save_screenshot(page, "ride-the-wave-message-phone")
    assert not Entry.objects.filter(owner=person, exercise="ride-the-wave").exists()


def test_something_else_opens_its_box_only_when_chosen_by_keyboard(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/exercises/emotional-regulation/")
    box = page.get_by_label("If something else: which feeling?")
    expect(box).to_be_hidden()

    page.get_by_label("Hurt").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Something else")).to_be_checked()
    expect(box).to_be_visible()
    page.keyboard.press("Tab")
    expect(box).to_be_focused()
    page.keyboard.type("Homesick")

    page.get_by_label("Sad").check()
    expect(box).to_be_hidden()


def test_without_javascript_every_step_and_the_something_else_box_show(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE, java_script_enabled=False)
    login(context, person, live_server)
    page = context.new_page()

    page.goto("/journal/exercises/emotional-regulation/")

    expect(page.get_by_label("If something else: which feeling?")).to_be_visible()
    expect(shown_steps(page)).to_have_count(3)
    expect(page.get_by_role("button", name="Save")).to_be_visible()
    expect(page.get_by_role("button", name="Next")).to_be_hidden()
    expect(page.locator("[data-step-count]:visible")).to_have_count(0)


def test_a_desktop_shows_the_whole_exercise_on_one_page(
    open_context, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()

    page.goto("/journal/exercises/cognitive-restructuring/")

    expect(shown_steps(page)).to_have_count(4)
    expect(page.get_by_role("button", name="Save")).to_be_visible()
    expect(page.get_by_role("button", name="Next")).to_be_hidden()


@pytest.mark.parametrize(
    "path", ["/journal/exercises/distress-tolerance/", "/journal/"]
)
def test_every_number_on_a_scale_is_big_enough_to_tap_at_360_px(
    open_context, person, live_server, path
):
    context, _watch = open_context(**SMALL_PHONE)
    login(context, person, live_server)
    page = context.new_page()

    page.goto(path)

    sizes = page.locator(".scale-chip:visible").evaluate_all(
        "chips => chips.map(c => [c.offsetWidth, c.offsetHeight])"
    )
    assert sizes
    assert all(width >= 32 and height >= 44 for width, height in sizes), sizes
    assert not page.evaluate(SIDEWAYS_SCROLL)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", EXERCISE_PAGES)
def test_each_exercise_page_passes_axe_on_a_phone(
    open_context, person, live_server, path, scheme, language
):
    Profile.objects.filter(user=person).update(language=language)
    context, _watch = open_context(**PHONE, color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()

    page.goto(path)

    assert page.locator("html").get_attribute("lang") == language
    name = re.sub(r"\W+", "-", path.strip("/"))
    save_screenshot(page, f"{name}-{language}-{scheme}-phone")
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    assert not page.evaluate(SIDEWAYS_SCROLL)
