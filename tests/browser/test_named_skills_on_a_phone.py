"""On a 360 px phone: naming "TIPP" on the quick log is one more tap, and a named
skill of one's own is added, offered and logged the same way."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from journal.models import Entry, NamedSkill
from tests.browser.helpers import AXE_OPTIONS, login, save_screenshot

pytestmark = pytest.mark.browser

SMALL_PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def assert_no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_logging_tipp_on_the_quick_log_takes_one_more_tap(
    open_context, person, live_server, scheme
):
    context, watch = open_context(**SMALL_PHONE, color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")
    quick_log = page.locator("form[data-offline-form]")
    named = quick_log.locator("[data-technique-field]")
    # Nothing to choose from before a skill is chosen.
    expect(named).to_be_hidden()

    quick_log.locator("label.skill-chip", has_text="Distress tolerance").tap()
    expect(named.get_by_text("TIPP", exact=True)).to_be_visible()
    expect(named.get_by_text("DEAR MAN", exact=True)).to_be_hidden()
    assert_no_axe_violations(page)
    assert fits_the_phone(page)
    save_screenshot(page, f"named-skill-chips-phone-{scheme}")
    named.get_by_text("TIPP", exact=True).tap()
    quick_log.get_by_label("What happened?").fill("Cold water, then slow breaths.")
    with page.expect_navigation():
        quick_log.get_by_role("button", name="Save").tap()

    entry = Entry.objects.filter(owner=person).order_by("-pk").first()
    assert (entry.skill, entry.technique) == ("distress-tolerance", "tipp")
    expect(page.locator(".logged-entry")).to_contain_text("TIPP")
    assert watch.problems(page) == []


def test_switching_skill_lets_go_of_a_named_skill_of_another(
    open_context, person, live_server
):
    context, _watch = open_context(**SMALL_PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/new/")
    form = page.locator("main form")

    form.locator("label.skill-chip", has_text="Distress tolerance").tap()
    form.get_by_text("STOP", exact=True).tap()
    form.locator("label.skill-chip", has_text="Communication skills").tap()

    expect(form.locator("input[name=technique]:checked")).to_have_value("")
    expect(form.get_by_text("DEAR MAN", exact=True)).to_be_visible()


def test_a_named_skill_of_ones_own_by_keyboard(open_context, person, live_server):
    context, watch = open_context(**SMALL_PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/skills/")
    assert_no_axe_violations(page)

    page.get_by_label("Under which skill?").select_option("distress-tolerance")
    page.locator("#id_name").fill("Ice cube in hand")
    page.locator("#id_name").press("Enter")
    page.wait_for_url("**/journal/skills/")
    expect(page.locator(".named-skill.is-own")).to_contain_text("Ice cube in hand")
    assert_no_axe_violations(page)
    assert fits_the_phone(page)

    page.goto("/journal/entries/new/")
    form = page.locator("main form")
    form.locator("label.skill-chip", has_text="Distress tolerance").tap()
    form.get_by_text("Ice cube in hand", exact=True).tap()
    form.get_by_label("What happened?").fill("Held it until the wave passed.")
    with page.expect_navigation():
        form.get_by_role("button", name="Save").tap()

    mine = NamedSkill.objects.get(owner=person)
    assert Entry.objects.filter(owner=person, named_skill=mine).count() == 1
    assert watch.problems(page) == []


def test_log_it_on_the_skills_page_opens_the_form_with_that_named_skill(
    open_context, person, live_server
):
    context, watch = open_context(**SMALL_PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/skills/")

    page.get_by_role("link", name="Log it (TIPP)").tap()

    form = page.locator("main form")
    expect(form.locator("input[name=skill]:checked")).to_have_value(
        "distress-tolerance"
    )
    expect(form.locator("input[name=technique]:checked")).to_have_value("tipp")
    expect(form.get_by_text("TIPP", exact=True)).to_be_visible()
    assert watch.problems(page) == []


def test_history_by_named_skill_from_the_filter_and_back(
    open_context, person, live_server
):
    context, watch = open_context(**SMALL_PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/")

    page.locator("summary", has_text="Filter").tap()
    page.get_by_label("Named skill").select_option(label="Thought record")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").tap()

    expect(page.locator(".technique-shown")).to_contain_text(
        "Showing entries with Thought record"
    )
    expect(page.locator(".entry-card")).to_have_count(1)
    assert_no_axe_violations(page)
    assert fits_the_phone(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Show every named skill").tap()
    expect(page.locator(".entry-card")).to_have_count(5)
    assert watch.problems(page) == []
