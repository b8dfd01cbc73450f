"""The week's diary card and progress on a 360 px phone, in English and Spanish:
text on the card never under 14 px, nothing scrolls sideways, and axe finds nothing
in light or dark."""

import datetime
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from accounts.models import Profile
from accounts.timezones import local_today
from tests.browser.helpers import AXE_OPTIONS, DESKTOP, login, save_screenshot
from tests.factories import make_entry

pytestmark = pytest.mark.browser

NARROW_PHONE = {
    "viewport": {"width": 360, "height": 780},
    "has_touch": True,
    "is_mobile": True,
}
PAGES = {"week": "/journal/week/", "progress": "/journal/progress/"}

# Every element of the week's card whose own text is drawn smaller than the minimum.
SMALL_TEXT = """
(minimum) => {
  const card = document.querySelector("#card-heading").closest("section");
  const small = [];
  for (const element of card.querySelectorAll("*")) {
    const ownText = [...element.childNodes].some(
      node => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    if (!ownText || !element.checkVisibility()) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < minimum) small.push(element.outerHTML.slice(0, 80) + " " + size + "px");
  }
  return small;
}
"""
SIDEWAYS = (
    "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
)


@pytest.fixture
def busy_person(person):
    """Robin, with a crowded today: every skill twice, the longest names side by side."""
    today = local_today(timezone.now(), "UTC")
    for skill in [
        "cognitive-restructuring",
        "communication",
        "behavioral-activation",
        "distress-tolerance",
    ]:
        for _ in range(2):
            make_entry(
                person,
                practiced_on=today,
                skill=skill,
                distress_before=9,
                distress_after=6,
            )
    make_entry(person, practiced_on=today - datetime.timedelta(days=5))
    return person


def open_page(open_context, live_server, user, path, language, **options):
    Profile.objects.filter(user=user).update(language=language)
    context, _watch = open_context(**options)
    login(context, user, live_server)
    page = context.new_page()
    page.goto(path)
    # Nothing still loading when the test ends and the database goes away.
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == language
    return page


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_text_on_the_weeks_card_is_under_14_px(
    open_context, live_server, busy_person, language
):
    page = open_page(
        open_context, live_server, busy_person, PAGES["week"], language, **NARROW_PHONE
    )

    small = page.evaluate(SMALL_TEXT, 14)

    save_screenshot(page, f"week-360-{language}")
    assert small == [], "\n".join(small)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_at_360_px(
    open_context, live_server, busy_person, name, language
):
    page = open_page(
        open_context, live_server, busy_person, PAGES[name], language, **NARROW_PHONE
    )

    scroll_width, client_width = page.evaluate(SIDEWAYS)

    assert scroll_width <= client_width


def test_every_day_of_the_week_is_a_row_with_its_distress(
    open_context, live_server, busy_person
):
    page = open_page(
        open_context, live_server, busy_person, PAGES["week"], "en", **NARROW_PHONE
    )

    days = page.locator(".week-days > li")
    today = page.locator(".week-day.is-today")

    assert days.count() == 7
    # Robin's fixture logged two skills today; busy_person added four more.
    assert today.locator(".skill-mark").count() == 5
    assert re.search(r"Distress\s+\d+(\.\d)? → \d", today.inner_text())


def test_the_calendar_and_chart_fill_a_desktop_page(
    open_context, live_server, busy_person
):
    page = open_page(
        open_context, live_server, busy_person, PAGES["progress"], "en", **DESKTOP
    )
    column = page.locator("main h1").evaluate(
        "h1 => h1.parentElement.getBoundingClientRect().width"
    )

    calendar = page.locator("svg.year-calendar").bounding_box()
    chart = page.locator("svg.bar-chart-wide").bounding_box()

    save_screenshot(page, "progress-1280")
    assert calendar["width"] >= 0.9 * column
    assert chart["width"] >= 0.9 * column


def test_the_strength_bars_start_and_end_at_the_same_place(
    open_context, live_server, busy_person
):
    page = open_page(
        open_context, live_server, busy_person, PAGES["progress"], "es", **DESKTOP
    )

    boxes = [meter.bounding_box() for meter in page.locator("meter").all()]

    assert len({round(box["x"]) for box in boxes}) == 1
    assert len({round(box["width"]) for box in boxes}) == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", PAGES)
def test_week_and_progress_pass_axe(
    open_context, live_server, busy_person, name, language, scheme
):
    page = open_page(
        open_context,
        live_server,
        busy_person,
        PAGES[name],
        language,
        **NARROW_PHONE,
        color_scheme=scheme,
    )

    results = Axe().run(page, options=AXE_OPTIONS)

    save_screenshot(page, f"{name}-360-{language}-{scheme}")
    assert results.violations_count == 0, results.generate_report()
