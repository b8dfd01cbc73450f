"""On a 390 × 844 touch phone: nothing scrolls sideways and every target is tappable."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    PAGE_TYPES,
    PHONE,
    UNDERSIZED_TARGETS,
    login,
    save_screenshot,
)

pytestmark = pytest.mark.browser

PHONE_WIDTH = PHONE["viewport"]["width"]
MINIMUM_TARGET_PX = 44


def open_menu(page):
    """Open the collapsed navigation, so its links are measured too."""
    toggler = page.locator(".navbar-toggler")
    if toggler.count() and toggler.is_visible():
        toggler.tap()
        expect(page.locator("#site-nav")).to_have_class(re.compile(r"\bshow\b"))


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_fits_a_phone_and_every_target_is_big_enough_to_tap(
    name, open_context, visit_page_type
):
    # Reduced motion only makes the menu open at once instead of sliding.
    context, _watch = open_context(**PHONE, reduced_motion="reduce")
    page = visit_page_type(context, name)
    save_screenshot(page, f"{name}-phone")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    open_menu(page)
    undersized = page.evaluate(UNDERSIZED_TARGETS, MINIMUM_TARGET_PX)

    problems = (
        [f"the page is {scroll_width} px wide"] if scroll_width > PHONE_WIDTH else []
    )
    problems += undersized
    assert problems == [], "\n".join(problems)


def test_quick_log_works_with_touch(open_context, person, live_server):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")

    page.locator("label[for]", has_text="Behavioral activation").tap()
    page.locator("textarea[name=note]").tap()
    page.locator("textarea[name=note]").fill("Tidied one shelf on the bus ride home.")
    with page.expect_navigation():
        page.locator("main form .save-button").tap()

    cards = page.locator(".entry-card")
    expect(
        cards.filter(has_text="Tidied one shelf on the bus ride home.")
    ).to_have_count(1)
    expect(
        cards.filter(has_text="Tidied one shelf").get_by_role(
            "heading", name="Behavioral activation"
        )
    ).to_be_visible()
