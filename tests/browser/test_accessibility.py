"""Every kind of page passes axe-core's WCAG 2.2 A/AA rules and loads only our files."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.helpers import AXE_OPTIONS, PAGE_TYPES, save_screenshot

pytestmark = pytest.mark.browser

DARK_PAGE_TYPES = [
    "landing",
    "today",
    "week",
    "guide-article",
    "exercise-errors",
    "progress-with-card",
    "history-by-named-skill",
]


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_passes_axe_wcag_rules(name, open_context, visit_page_type, axe):
    context, _watch = open_context()
    page = visit_page_type(context, name)

    results = axe.run(page, options=AXE_OPTIONS)

    save_screenshot(page, f"{name}-desktop")
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", DARK_PAGE_TYPES)
def test_page_in_dark_mode_passes_axe_wcag_rules(
    name, open_context, visit_page_type, axe
):
    context, _watch = open_context(color_scheme="dark")
    page = visit_page_type(context, name)

    results = axe.run(page, options=AXE_OPTIONS)

    save_screenshot(page, f"{name}-desktop-dark")
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_page_loads_only_local_files_without_errors(
    name, open_context, visit_page_type
):
    context, watch = open_context()

    page = visit_page_type(context, name)
    page.wait_for_load_state("networkidle")

    problems = watch.problems(page, expected_not_found=name == "not-found")
    assert problems == [], "\n".join(problems)


def test_dark_colour_scheme_sets_the_bootstrap_theme(open_context):
    context, _watch = open_context(color_scheme="dark")
    page = context.new_page()

    page.goto("/")

    assert page.locator("html").get_attribute("data-bs-theme") == "dark"


def test_light_colour_scheme_sets_the_bootstrap_theme(open_context):
    context, _watch = open_context(color_scheme="light")
    page = context.new_page()

    page.goto("/")

    assert page.locator("html").get_attribute("data-bs-theme") == "light"


def test_reduced_motion_turns_off_button_transitions(open_context):
    context, _watch = open_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto("/")

    durations = page.locator(".btn").first.evaluate(
        "button => getComputedStyle(button).transitionDuration"
    )

    seconds = [float(value.strip().removesuffix("s")) for value in durations.split(",")]
    assert max(seconds) < 0.01, durations


def test_buttons_have_transitions_without_reduced_motion(open_context):
    # The counterpart of the test above: shows that it measures something real.
    context, _watch = open_context(reduced_motion="no-preference")
    page = context.new_page()
    page.goto("/")

    durations = page.locator(".btn").first.evaluate(
        "button => getComputedStyle(button).transitionDuration"
    )

    seconds = [float(value.strip().removesuffix("s")) for value in durations.split(",")]
    assert max(seconds) > 0.01, durations
