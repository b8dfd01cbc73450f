"""The loop on Today, on a 390 px phone: see what you logged, star without a reload."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.models import Profile
from journal.models import Entry, SessionStar
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, save_screenshot

pytestmark = pytest.mark.browser

NOTE = "Paced breathing at the bus stop until my shoulders dropped."


def log_on_today(page):
    page.goto("/journal/")
    page.locator("label[for]", has_text="Distress tolerance").tap()
    page.locator("textarea[name=note]").fill(NOTE)
    with page.expect_navigation():
        page.locator("main form .save-button").tap()


def phone_page(open_context, person, live_server, **options):
    context, watch = open_context(**PHONE, **options)
    login(context, person, live_server)
    return context.new_page(), watch


def test_after_save_the_new_entry_is_inside_the_first_screen(
    open_context, person, live_server
):
    page, watch = phone_page(open_context, person, live_server)

    log_on_today(page)

    logged = page.locator(".logged-entry")
    expect(logged).to_contain_text("Logged")
    expect(logged).to_contain_text(NOTE)
    box = logged.locator(".entry-card").bounding_box()
    height = PHONE["viewport"]["height"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
    # Keyboard and screen-reader users start on it too.
    assert page.evaluate("document.activeElement.className") == "logged-entry"
    assert watch.problems(page) == []


def test_undo_after_save_hides_the_entry_and_offers_it_back(
    open_context, person, live_server
):
    page, _watch = phone_page(open_context, person, live_server)
    log_on_today(page)
    entries = Entry.objects.filter(owner=person).count()

    page.locator(".logged-undo").tap()

    expect(page.locator(".logged-entry")).to_be_hidden()
    toast = page.locator(".undo-toast")
    expect(toast).to_contain_text("Entry deleted.")
    toast.get_by_role("button", name="Undo").tap()
    expect(page.locator(".logged-entry")).to_be_visible()
    assert Entry.objects.filter(owner=person).count() == entries


def test_starring_changes_the_button_without_a_reload_and_lasts(
    open_context, person, live_server
):
    page, watch = phone_page(open_context, person, live_server)
    page.goto("/journal/")
    page.evaluate("window.__stayedOnThePage = true")
    button = page.locator(".star-button[aria-pressed=false]").first
    card_title = button.locator("xpath=ancestor::article").get_attribute(
        "aria-labelledby"
    )
    starred_before = SessionStar.objects.count()

    button.tap()

    card = page.locator(f"article[aria-labelledby='{card_title}']")
    expect(card.locator(".star-button")).to_have_attribute("aria-pressed", "true")
    expect(card.locator(".star-button")).to_contain_text("Starred")
    expect(
        page.get_by_role("status").filter(has_text="Starred to bring up")
    ).to_have_count(1)
    assert page.evaluate("window.__stayedOnThePage") is True
    assert page.evaluate("document.activeElement.className").startswith("btn")
    assert SessionStar.objects.count() == starred_before + 1
    page.reload()
    expect(
        page.locator(f"article[aria-labelledby='{card_title}'] .star-button")
    ).to_have_attribute("aria-pressed", "true")
    assert watch.problems(page) == []


def test_without_javascript_the_star_comes_back_to_the_same_card(
    open_context, person, live_server
):
    page, _watch = phone_page(
        open_context, person, live_server, java_script_enabled=False
    )
    page.goto("/journal/")
    button = page.locator(".star-button[aria-pressed=false]").first
    card_title = button.locator("xpath=ancestor::article").get_attribute(
        "aria-labelledby"
    )

    with page.expect_navigation():
        button.tap()

    assert page.url.endswith(f"/journal/#{card_title}")
    expect(
        page.locator(f"article[aria-labelledby='{card_title}'] .star-button")
    ).to_have_attribute("aria-pressed", "true")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_logged_area_passes_axe_in_each_theme_and_language(
    open_context, person, live_server, scheme, language
):
    Profile.objects.filter(user=person).update(language=language)
    page, _watch = phone_page(open_context, person, live_server, color_scheme=scheme)
    page.goto("/journal/")
    page.locator("label[for=id_skill_1]").tap()
    page.locator("textarea[name=note]").fill(NOTE)
    with page.expect_navigation():
        page.locator("main form .save-button").tap()

    results = Axe().run(page, options=AXE_OPTIONS)

    save_screenshot(page, f"today-logged-{language}-{scheme}-phone")
    expect(page.locator(".logged-entry")).to_be_visible()
    assert results.violations_count == 0, results.generate_report()
