"""Issue 31: controls and focus rings in our colours, and the pages whose words changed.

Bootstrap compiles its blue (#0d6efd) into checked boxes, radios, switches and the
focus glow; these tests read the colours Chromium actually draws, in light and dark.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from accounts.models import Profile
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, save_screenshot

pytestmark = pytest.mark.browser

SCHEMES = ["light", "dark"]
# #0d6efd, its glow, its light border (#86b7fe) and .btn-primary's glow (49,132,253).
BOOTSTRAP_BLUE = re.compile(
    r"13,\s*110,\s*253|#0d6efd|134,\s*183,\s*254|49,\s*132,\s*253", re.I
)

# Every colour that draws a control: its fill, border, outline and glow.
DRAWN_COLOURS = """
(element) => {
  const style = getComputedStyle(element);
  return [style.backgroundColor, style.borderColor, style.outlineColor,
          style.boxShadow, style.backgroundImage, style.accentColor].join(" | ");
}
"""

# A switch as Bootstrap writes one: no page has one yet, the stylesheet must still
# draw it in our colours when one comes.
ADD_SWITCH = """
() => {
  const holder = document.createElement("div");
  holder.className = "form-check form-switch";
  holder.innerHTML = '<input class="form-check-input" type="checkbox" role="switch" ' +
    'id="test-switch" checked><label class="form-check-label" for="test-switch">On</label>';
  document.querySelector("main").prepend(holder);
}
"""


def assert_not_bootstrap_blue(locator):
    drawn = locator.evaluate(DRAWN_COLOURS)
    assert not BOOTSTRAP_BLUE.search(drawn), drawn


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_checked_checkbox_is_drawn_in_our_colours(open_context, scheme):
    context, _watch = open_context(color_scheme=scheme)
    page = context.new_page()
    page.goto("/accounts/login/")

    box = page.locator("input[name=remember]")
    box.check()
    page.mouse.click(1, 1)

    assert_not_bootstrap_blue(box)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_checked_radio_is_drawn_in_our_colours(
    open_context, person, live_server, scheme
):
    context, _watch = open_context(color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/sessions/")
    # The form to add a session is folded away once a session exists.
    fold = page.locator("details:has(input[type=radio])").first
    if fold.count() and not fold.evaluate("details => details.open"):
        fold.locator("summary").first.click()

    radio = page.locator("input.form-check-input[type=radio]").last
    radio.check()
    page.mouse.click(1, 1)

    assert_not_bootstrap_blue(radio)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_switch_on_and_focused_is_drawn_in_our_colours(open_context, scheme):
    context, _watch = open_context(color_scheme=scheme)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.evaluate(ADD_SWITCH)

    switch = page.locator("#test-switch")
    switch.focus()

    assert_not_bootstrap_blue(switch)
    switch.uncheck()
    assert_not_bootstrap_blue(switch)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("/accounts/login/", "input[name=username]"),
        ("/accounts/signup/", "input[name=password1]"),
        ("/accounts/login/", "button[type=submit]"),
        ("/", ".btn-outline-primary"),
        ("/guide/search/?q=calm", "input[name=q]"),
    ],
)
def test_the_focus_ring_is_drawn_in_our_colours(open_context, scheme, path, selector):
    context, _watch = open_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(path)

    control = page.locator(selector).first
    control.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")

    expect(control).to_be_focused()
    assert_not_bootstrap_blue(control)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_focused_select_on_history_is_drawn_in_our_colours(
    open_context, person, live_server, scheme
):
    context, _watch = open_context(color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/?skill=communication")

    select = page.locator("select[name=skill]")
    select.focus()

    assert_not_bootstrap_blue(select)


def test_history_filters_fold_behind_filter_on_a_phone(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/")

    expect(page.locator("select[name=skill]")).to_be_hidden()
    page.get_by_text("Filter", exact=True).tap()
    expect(page.locator("select[name=skill]")).to_be_visible()


def test_history_filters_are_out_on_a_desktop_without_a_tap(
    open_context, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()

    page.goto("/journal/entries/")

    expect(page.locator("select[name=skill]")).to_be_visible()
    expect(page.locator(".filters-fold > summary")).to_be_hidden()


def test_the_entry_menu_opens_as_a_menu_inside_the_phone_screen(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/")

    page.locator(".entry-menu > summary").first.tap()

    items = page.locator(".entry-menu[open] .entry-menu-items").first
    look = items.evaluate(
        "e => [getComputedStyle(e).position, getComputedStyle(e).boxShadow]"
    )
    triangle = page.locator(".entry-menu[open] > summary").first.evaluate(
        "e => getComputedStyle(e, '::before').content"
    )
    assert triangle == "none"
    assert look[0] == "absolute"
    assert look[1] != "none"
    box = items.bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390
    for item in items.locator("a").all():
        assert item.bounding_box()["height"] >= 44
    save_screenshot(page, "entry-menu-phone")


def test_the_star_and_its_words_do_not_touch(open_context, person, live_server):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/")

    gap = page.locator(".star-button").first.evaluate("e => getComputedStyle(e).gap")

    assert gap not in ("normal", "0px")


def test_an_over_long_note_shows_one_message_in_the_servers_numbers(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/new/")
    page.locator("label", has_text="Communication skills").first.tap()
    page.locator("textarea[name=note]").fill("a" * 2345)
    with page.expect_navigation():
        page.locator("form[action='/journal/entries/new/'] button[type=submit]").click()

    note = page.locator("#div_id_note")
    shown = [
        text
        for text in note.locator(".invalid-feedback, .length-counter").all()
        if text.is_visible()
    ]

    assert len(shown) == 1
    expect(shown[0]).to_contain_text(
        "Please keep the note to 2,000 characters (it has 2,345 now)."
    )
    page.locator("textarea[name=note]").press("End")
    page.keyboard.press("Backspace")
    expect(note.locator(".length-counter")).to_have_text(
        "Please keep the note to 2,000 characters (it has 2,344 now)."
    )
    expect(note.locator(".invalid-feedback")).to_be_hidden()


CHANGED_PAGES = {
    "landing": "/",
    "signup": "/accounts/signup/",
    "login": "/accounts/login/",
    "history-days-out-of-order": "/journal/entries/?from=2026-12-05&to=2026-12-01",
}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("name", CHANGED_PAGES)
def test_changed_pages_pass_axe_in_both_themes_and_languages(
    open_context, person, live_server, scheme, language, name
):
    context, _watch = open_context(**PHONE, color_scheme=scheme, locale=language)
    page = context.new_page()
    if name.startswith("history"):
        Profile.objects.filter(user=person).update(language=language)
        login(context, person, live_server)
    page.goto(CHANGED_PAGES[name])

    results = Axe().run(page, options=AXE_OPTIONS)

    save_screenshot(page, f"voice-{name}-{scheme}-{language}")
    assert results.violations_count == 0, results.generate_report()
