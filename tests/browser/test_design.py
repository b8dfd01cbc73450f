"""The design promises of issue 17, checked in a real browser at 390 px and 1280 px."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from journal.models import Entry
from tests.browser.helpers import AXE_OPTIONS, DESKTOP, PHONE, login, save_screenshot

pytestmark = pytest.mark.browser

SIZES = {"phone": PHONE, "desktop": DESKTOP}


def assert_no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", SIZES)
def test_get_help_is_in_the_header_on_every_page(open_context, size, scheme):
    context, _watch = open_context(**SIZES[size], color_scheme=scheme)
    page = context.new_page()

    page.goto("/guide/")

    header_link = page.locator(".site-header a[href='/help/']:visible")
    expect(header_link.first).to_have_text("Get help")
    box = header_link.first.bounding_box()
    assert box["y"] < 80
    assert (
        page.evaluate("document.documentElement.scrollWidth")
        <= page.viewport_size["width"]
    )
    assert_no_axe_violations(page)


def test_distress_is_rated_with_the_keyboard_without_opening_anything(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")

    before = page.get_by_role("group", name="Distress before (0–10, optional)")
    expect(before).to_be_visible()
    page.locator("label[for]", has_text="Emotional regulation").first.tap()
    page.locator("textarea[name=note]").fill("Named it, breathed, waited.")
    before.get_by_role("radio", name="not rated").focus()
    for _ in range(8):
        page.keyboard.press("ArrowRight")
    expect(before.get_by_role("radio", name="7")).to_be_checked()
    page.get_by_role("group", name="Distress after (0–10, optional)").get_by_text(
        "3", exact=True
    ).tap()
    save_screenshot(page, "rating-scale-phone")
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.locator("main form .save-button").tap()

    entry = Entry.objects.filter(owner=person).latest("created_at")
    assert (entry.distress_before, entry.distress_after) == (7, 3)


def test_a_long_paste_is_never_cut_silently(open_context, person, live_server):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/entries/new/")
    note = page.locator("textarea[name=note]")
    page.locator("label[for]", has_text="Communication skills").first.tap()

    long_note = "word " * 419 + "words"  # 2,100 characters
    note.fill(long_note)

    expect(note).to_have_value(long_note)
    expect(page.locator("#id_note_counter")).to_contain_text(
        "Please keep the note to 2,000 characters (it has 2,100 now)."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Save").click()
    expect(page.locator("#error_1_id_note")).to_contain_text(
        "Please keep the note to 2,000 characters (it has 2,100 now)."
    )
    assert page.locator("textarea[name=note]").input_value() == long_note
    assert_no_axe_violations(page)


def test_the_skill_survives_sign_up_from_a_guide_page(open_context, guide_pages):
    context, _watch = open_context(**PHONE)
    page = context.new_page()
    page.goto("/guide/distress-tolerance/")

    with page.expect_navigation():
        page.get_by_role("link", name="Log this skill").first.tap()
    expect(page.locator("main")).to_contain_text(
        "Log in or create a journal to log Distress tolerance."
    )
    with page.expect_navigation():
        page.get_by_role("link", name="Start your journal").tap()
    page.locator("input[name=username]").fill("newcomer")
    page.locator("input[name=password1]").fill("quiet-harbour-lanterns-73")
    page.locator("input[name=password2]").fill("quiet-harbour-lanterns-73")
    with page.expect_navigation():
        page.get_by_role("button", name="Create my journal").tap()

    expect(page.locator("input[name=skill][value=distress-tolerance]")).to_be_checked()
    assert_no_axe_violations(page)


def test_a_deleted_entry_can_be_taken_back_and_otherwise_goes(
    open_context, person, live_server
):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.clock.install()
    page.goto("/journal/")
    card = page.locator(".entry-card").filter(
        has_text="Asked for a pause in the meeting."
    )
    # Notes are encrypted, so the database cannot match them: look in Python.
    entry = next(
        e
        for e in Entry.objects.filter(owner=person)
        if e.note == "Asked for a pause in the meeting."
    )
    before = (entry.uuid, entry.note, entry.created_at)

    card.locator(".entry-menu summary").tap()
    card.get_by_role("link", name="Delete").tap()
    expect(card).to_be_hidden()
    undo = page.locator(".undo-toast").get_by_role("button", name="Undo")
    expect(undo).to_be_focused()
    undo.tap()

    expect(card).to_be_visible()
    page.clock.run_for(10_000)
    restored = Entry.objects.get(pk=entry.pk)
    assert (restored.uuid, restored.note, restored.created_at) == before

    card.locator(".entry-menu summary").tap()
    card.get_by_role("link", name="Delete").tap()
    with page.expect_response(lambda response: "/delete/" in response.url):
        page.clock.run_for(10_000)
    expect(card).to_have_count(0)
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_cards_lead_with_the_skill_and_the_time(open_context, person, live_server):
    context, _watch = open_context(**DESKTOP)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")

    card = page.locator(".entry-card").filter(has_text="Named the anger")
    expect(card.locator(".skill-tag")).to_have_text("Emotional regulation")
    expect(card.locator(".entry-when time")).to_have_text(re.compile(r"^\d\d:\d\d$"))
    expect(card.locator(".entry-distress")).to_contain_text("7 → 4")
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", [360, 390])
def test_the_diary_card_fits_a_phone_with_today_marked(
    open_context, person, live_server, width
):
    context, _watch = open_context(
        viewport={"width": width, "height": 800}, has_touch=True, is_mobile=True
    )
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/week/")

    card = page.locator("ol.week-days")
    box = card.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    expect(card.locator(".week-day.is-today")).to_have_count(1)
    expect(card.locator(".week-day.is-today .week-day-today")).to_be_visible()
    assert_no_axe_violations(page)


def test_password_rules_tick_off_as_the_person_types(open_context):
    context, _watch = open_context(**PHONE)
    page = context.new_page()
    page.goto("/accounts/signup/")
    rules = page.locator("[data-rules]")
    # The rules are there before the first key, none of them met yet.
    expect(rules).to_be_visible()
    expect(rules.locator("li[data-rule=length]")).not_to_have_class("is-met")

    page.locator("input[name=password1]").fill("1234")

    expect(rules.locator("li[data-rule=length]")).not_to_have_class("is-met")
    page.locator("input[name=password1]").fill("1234-quiet-harbour")
    expect(rules.locator("li[data-rule=length]")).to_have_class("is-met")
    expect(rules.locator("li[data-rule=not-numeric]")).to_have_class("is-met")
    assert_no_axe_violations(page)


def test_a_long_note_shows_three_lines_and_opens_with_show_more(
    open_context, person, live_server
):
    from django.utils import timezone

    from tests.factories import make_entry

    make_entry(
        person,
        practiced_on=timezone.now().date(),
        note="A long evening. " * 60,
        skill="communication",
    )
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")
    card = page.locator(".entry-card").filter(has_text="A long evening.")
    note = card.locator(".entry-note")
    clamped = note.bounding_box()["height"]

    card.get_by_role("button", name="Show more").tap()

    expect(card.get_by_role("button", name="Show less")).to_have_attribute(
        "aria-expanded", "true"
    )
    assert note.bounding_box()["height"] > clamped * 2
    assert_no_axe_violations(page)


SPANISH_PAGES = [
    "/journal/",
    "/journal/week/",
    "/journal/progress/",
    "/journal/sessions/next/",
    "/journal/exercises/cognitive-restructuring/",
    "/journal/entries/new/",
    "/accounts/settings/",
]


@pytest.mark.parametrize("path", SPANISH_PAGES)
def test_the_journal_in_spanish_fits_a_phone(open_context, person, live_server, path):
    from accounts.models import Profile

    Profile.objects.filter(user=person).update(language="es")
    context, watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()

    page.goto(path)

    assert page.locator("html").get_attribute("lang") == "es"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(page, "es" + path.strip("/").replace("/", "-") + "-phone")
    assert_no_axe_violations(page)
    assert watch.problems(page) == []


def test_a_spanish_speaker_logs_a_skill_on_a_phone(open_context, person, live_server):
    from accounts.models import Profile

    Profile.objects.filter(user=person).update(language="es")
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")

    page.locator("label[for]", has_text="Tolerancia al malestar").first.tap()
    page.locator("textarea[name=note]").fill("Agua fría y respiración lenta.")
    page.get_by_role("group", name="Malestar antes (0–10, opcional)").get_by_text(
        "8", exact=True
    ).tap()
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar", exact=True).tap()

    expect(page.locator(".logged-entry h2")).to_contain_text("Registrado")
    card = page.locator(".entry-card").filter(has_text="Agua fría")
    expect(card.locator(".skill-tag")).to_have_text("Tolerancia al malestar")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page)


def test_a_spanish_guide_page_on_a_phone(open_context, guide_pages):
    context, watch = open_context(**PHONE, locale="es-MX")
    page = context.new_page()

    page.goto("/guide/distress-tolerance/")

    assert page.locator("html").get_attribute("lang") == "es"
    expect(page.locator("h1")).to_have_text("Tolerancia al malestar")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(page, "es-guide-skill-phone")
    assert_no_axe_violations(page)
    assert watch.problems(page) == []
