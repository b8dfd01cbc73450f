"""The crisis lines in a real Chromium: the offline page shows the lines of the
country last seen online, in the person's language; /help/ passes axe for a country
with several lines, in both languages and themes."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.models import Profile
from tests.browser.helpers import AXE_OPTIONS, PHONE, login
from tests.browser.test_installable import controlled_page, go_offline

pytestmark = pytest.mark.browser


def test_offline_a_person_in_spain_sees_024_and_112_in_spanish(
    open_context, person, live_server
):
    Profile.objects.filter(user=person).update(language="es", country="ES")
    context, _watch = open_context(**PHONE)
    page, _scope = controlled_page(context, person, live_server)
    go_offline(context)

    page.goto("/journal/entries/")

    lines = page.locator("[data-offline-crisis-lines]")
    expect(page.locator("h1")).to_have_text("No tienes conexión")
    expect(lines.get_by_role("link", name="Llamar al 024")).to_be_visible()
    expect(lines.get_by_role("link", name="Llamar al 112")).to_be_visible()
    expect(lines.get_by_role("link", name="Llamar al 988")).to_be_hidden()
    expect(page.locator(".crisis-link")).to_have_text("¿En crisis? Llama al 024")


def test_offline_with_no_country_seen_the_us_lines_and_directory_show(
    open_context, live_server
):
    context, _watch = open_context(**PHONE)
    page = context.new_page()

    page.goto("/offline/")

    lines = page.locator("[data-offline-crisis-lines]")
    expect(lines.get_by_role("link", name="Call 988")).to_be_visible()
    expect(lines.get_by_role("link", name="findahelpline.com")).to_be_visible()
    expect(lines.get_by_role("link", name="Call 024")).to_be_hidden()


def test_offline_the_lines_follow_the_last_country_seen_online(
    open_context, live_server
):
    context, _watch = open_context(**PHONE)
    page = context.new_page()
    page.goto("/help/?country=NZ")

    page.goto("/offline/")

    lines = page.locator("[data-offline-crisis-lines]")
    expect(lines.get_by_role("link", name="Text 1737")).to_be_visible()
    expect(lines.get_by_role("link", name="Call 111")).to_be_visible()
    expect(page.locator(".crisis-link")).to_have_text("In crisis? Call or text 1737")


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_help_page_of_a_person_in_the_uk_passes_axe_on_a_phone(
    open_context, person, live_server, scheme, language
):
    Profile.objects.filter(user=person).update(language=language, country="GB")
    context, watch = open_context(**PHONE, color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()

    page.goto("/help/")
    results = Axe().run(page, options=AXE_OPTIONS)

    assert results.violations_count == 0, results.generate_report()
    expect(page.get_by_role("link", name="116 123").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert watch.problems(page) == []
