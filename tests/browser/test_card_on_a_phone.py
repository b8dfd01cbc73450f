"""My diary card on a phone: a day's check-in in no more taps than rows + "yes"
answers + Save, nothing sideways at 360 px, 32 × 44 px targets; axe finds nothing on
the card, the check-in or the week with rows, light or dark, English or Spanish."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from accounts.models import Profile
from accounts.timezones import local_today
from journal.models import CheckIn
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, save_screenshot
from tests.journal.card.helpers import check_in, make_paper_card

pytestmark = pytest.mark.browser

NARROW_PHONE = {**PHONE, "viewport": {"width": 360, "height": 780}}
SIDEWAYS = (
    "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
)
SMALL_TARGETS = """
() => [...document.querySelectorAll("main form .scale-chip")]
  .filter(label => label.checkVisibility())
  .map(label => label.getBoundingClientRect())
  .filter(box => box.width < 32 || box.height < 44)
  .map(box => `${box.width}x${box.height}`)
"""


@pytest.fixture
def card_person(person):
    """Robin with a paper DBT card copied in and yesterday checked in."""
    rows = make_paper_card(person)
    yesterday = local_today(timezone.now(), "UTC") - datetime.timedelta(days=1)
    check_in(
        person,
        yesterday,
        {rows[0]: (1, False), rows[1]: (3, True), rows[3]: 2, rows[7]: 7.5},
        skills=5,
        sentence="Calmer after the walk",
    )
    return person, {row.name: row for row in rows}


def _chip(page, row_pk, label, acted=False):
    prefix = "acted" if acted else "row"
    return page.locator(f'label[for^="id_{prefix}-{row_pk}_"]').get_by_text(
        label, exact=True
    )


def test_a_check_in_on_a_phone_takes_a_tap_a_row(
    open_context, live_server, card_person
):
    person, rows = card_person
    context, watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/check-in/")
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.tap()
        taps += 1

    tap(_chip(page, rows["Urge to self-harm"].pk, "0"))
    tap(_chip(page, rows["Urge to drink"].pk, "3"))
    tap(_chip(page, rows["Urge to drink"].pk, "Yes", acted=True))
    tap(_chip(page, rows["Urge to quit therapy"].pk, "1"))
    for name, value in [
        ("Sadness", "2"),
        ("Anger", "0"),
        ("Fear", "1"),
        ("Shame", "4"),
    ]:
        tap(_chip(page, rows[name].pk, value))
    page.locator(f'[name="row-{rows["Hours slept"].pk}"]').fill("6.5")
    taps += 1  # typing a number counts as one
    tap(_chip(page, rows["Took medication"].pk, "Yes"))
    tap(page.locator('label[for^="id_skills_rating_"]').get_by_text("6", exact=True))
    with page.expect_navigation():
        tap(page.get_by_role("button", name="Save check-in"))

    # Nine rows and the skills rating, two "yes" answers, Save.
    assert taps <= 10 + 2 + 1
    saved = CheckIn.objects.get(owner=person, day=local_today(timezone.now(), "UTC"))
    assert saved.row_answer(rows["Urge to drink"].uuid) == {"value": 3, "acted": True}
    assert saved.row_answer(rows["Urge to self-harm"].uuid) == {
        "value": 0,
        "acted": None,
    }
    assert saved.row_answer(rows["Hours slept"].uuid)["value"] == 6.5
    assert saved.row_answer(rows["Took medication"].uuid)["value"] is True
    assert saved.skills_rating == 6
    assert watch.problems(page) == []


@pytest.mark.parametrize("path", ["/journal/check-in/", "/journal/card/"])
def test_nothing_scrolls_sideways_at_360_px_and_every_chip_is_big_enough(
    open_context, live_server, card_person, path
):
    person, _rows = card_person
    context, _watch = open_context(**NARROW_PHONE)
    login(context, person, live_server)
    page = context.new_page()

    page.goto(path)

    scroll_width, client_width = page.evaluate(SIDEWAYS)
    assert scroll_width <= client_width
    assert page.evaluate(SMALL_TARGETS) == []


@pytest.fixture(scope="module")
def axe():
    return Axe()


def _open_for_axe(page, name, person):
    if name == "card":
        page.goto("/journal/card/")
        page.locator(".card-risk-suggestions > summary").click()
    elif name == "check-in-notice":
        yesterday = local_today(timezone.now(), "UTC") - datetime.timedelta(days=1)
        page.goto(f"/journal/check-in/{yesterday.isoformat()}/")
    elif name == "check-in-errors":
        page.goto("/journal/check-in/")
        page.locator('textarea[name="sentence"]').fill("x" * 300)
        with page.expect_navigation():
            page.locator("main form[data-once-submit] button[type=submit]").click()
    else:
        page.goto("/journal/week/")


@pytest.mark.parametrize("name", ["card", "check-in-notice", "check-in-errors", "week"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_card_pages_pass_axe(
    open_context, live_server, card_person, axe, name, scheme, language
):
    person, rows = card_person
    # A risk row rated 5 yesterday: the check-in of that day shows the crisis lines.
    yesterday = local_today(timezone.now(), "UTC") - datetime.timedelta(days=1)
    check_in(person, yesterday, {rows["Urge to self-harm"]: (5, None)})
    Profile.objects.filter(user=person).update(language=language)
    context, watch = open_context(**PHONE, color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()

    _open_for_axe(page, name, person)
    results = axe.run(page, options=AXE_OPTIONS)

    save_screenshot(page, f"card-{name}-{scheme}-{language}")
    assert results.violations_count == 0, results.generate_report()
    assert watch.problems(page) == []
