"""Whole journeys through the app, in a real browser, the way a person would go."""

import csv
import datetime
import io
import re
import zoneinfo
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import create_share_link, login, submit_and_wait

pytestmark = pytest.mark.browser

ZONE = "Europe/Berlin"

# The week page's diary card as {skill name: [count per day, as heard]}: each day's
# full date and, per skill mark, the words a screen reader hears ("Skill: 2 entries").
READ_DIARY_CARD = """
list => {
  const rows = [...list.querySelectorAll(":scope > li")];
  const days = rows.map(row => row.querySelector(".week-day-name .visually-hidden")
    .textContent.trim());
  const counts = {};
  rows.forEach((row, column) => {
    row.querySelectorAll(".skill-mark .visually-hidden").forEach(words => {
      const [, skill, count] = words.textContent.trim().match(/^(.+): (\\d+) entr/);
      counts[skill] = counts[skill] || days.map(() => "");
      counts[skill][column] = count;
    });
  });
  return { days: days, counts: counts };
}
"""

# The element that has focus, and the text of whatever describes it.
READ_FOCUS = """
() => {
  const active = document.activeElement;
  const ids = (active.getAttribute("aria-describedby") || "").split(/\\s+/);
  const described = ids.filter(Boolean).map(id => document.getElementById(id))
    .filter(Boolean).map(element => element.textContent).join(" ");
  return { name: active.name || "", text: active.textContent, described: described };
}
"""


def choose_skill(page, name):
    # The radio buttons are drawn as chips: a person taps the chip, not the radio.
    page.locator("label", has_text=re.compile(f"^{name}$")).click()


def save_entry(page):
    submit_and_wait(page, page.locator("main form").get_by_role("button", name="Save"))


def tab_until(page, condition, limit=40):
    """Press Tab until the focused element meets a JavaScript condition."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(element => {condition})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def log_with_keyboard_only(page, note):
    tab_until(page, "element.name === 'skill'")
    page.keyboard.press("Space")
    tab_until(page, "element.name === 'note'")
    page.keyboard.type(note)
    tab_until(page, "element.type === 'submit' && element.closest('main') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def entry_card(page, note):
    return page.locator(".entry-card").filter(has_text=note)


def test_new_person_signs_up_logs_entries_and_edits_and_deletes_one(open_context):
    context, _watch = open_context()
    page = context.new_page()
    page.goto("/accounts/signup/")
    page.locator("input[name=username]").fill("sam")
    page.locator("input[name=password1]").fill("quiet-harbour-lights-42")
    page.locator("input[name=password2]").fill("quiet-harbour-lights-42")
    page.locator("select[name=time_zone]").select_option(ZONE)
    submit_and_wait(page, page.get_by_role("button", name="Create my journal"))
    expect(page).to_have_url(re.compile(r"/journal/welcome/$"))
    submit_and_wait(page, page.get_by_role("button", name="Skip these questions"))
    expect(page).to_have_url(re.compile(r"/journal/$"))

    log_with_keyboard_only(page, "Noticed the tight chest and breathed out slowly.")
    choose_skill(page, "Distress tolerance")
    page.locator("textarea[name=note]").fill("Held an ice cube until the urge passed.")
    save_entry(page)
    choose_skill(page, "Communication skills")
    page.locator("textarea[name=note]").fill("Told my sister I needed a minute.")
    save_entry(page)

    for note, skill in [
        ("Noticed the tight chest and breathed out slowly.", "Emotional regulation"),
        ("Held an ice cube until the urge passed.", "Distress tolerance"),
        ("Told my sister I needed a minute.", "Communication skills"),
    ]:
        expect(entry_card(page, note).get_by_role("heading")).to_have_text(skill)

    page.goto("/journal/week/")
    expect(page).to_have_url(re.compile(r"/journal/week/\d{4}-\d{2}-\d{2}/$"))
    card = page.locator("ol.week-days").evaluate(READ_DIARY_CARD)
    today = datetime.datetime.now(zoneinfo.ZoneInfo(ZONE)).date()
    column = card["days"].index(f"{today:%A} {today.day} {today:%B}")
    logged = {"Emotional regulation", "Distress tolerance", "Communication skills"}
    # Only the skills practised this week are marked, each on its day.
    assert sorted(card["counts"]) == sorted(logged)
    for skill, counts in card["counts"].items():
        expected = [""] * len(card["days"])
        expected[column] = "1"
        assert counts == expected, skill

    page.goto("/journal/")
    card = entry_card(page, "Told my sister")
    card.locator(".entry-menu summary").click()
    card.get_by_role("link", name="Edit").click()
    expect(page).to_have_url(re.compile(r"/journal/entries/\d+/edit/"))
    page.locator("textarea[name=note]").fill(
        "Told my sister, kindly, that I needed a minute."
    )
    submit_and_wait(page, page.get_by_role("button", name="Save changes"))
    expect(
        entry_card(page, "Told my sister, kindly, that I needed a minute.")
    ).to_have_count(1)
    expect(entry_card(page, "Told my sister I needed a minute.")).to_have_count(0)

    # The confirm page, as without JavaScript (the Undo flow is in test_design).
    delete_link = entry_card(page, "Held an ice cube").locator("[data-delete-entry]")
    page.goto(delete_link.get_attribute("href"))
    expect(page).to_have_url(re.compile(r"/journal/entries/\d+/delete/"))
    submit_and_wait(page, page.get_by_role("button", name="Delete entry"))
    expect(entry_card(page, "Held an ice cube")).to_have_count(0)
    page.goto("/journal/entries/")
    expect(page.locator(".entry-card")).to_have_count(2)


def test_reader_logs_a_skill_straight_from_its_guide_page(
    open_context, guide_pages, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/guide/distress-tolerance/")

    page.get_by_role("link", name="Log this skill").click()
    expect(page).to_have_url(
        re.compile(r"/journal/entries/new/\?skill=distress-tolerance$")
    )
    expect(page.locator("input[name=skill][value=distress-tolerance]")).to_be_checked()
    page.locator("textarea[name=note]").fill(
        "Splashed cold water, then counted breaths."
    )
    save_entry(page)

    expect(page).to_have_url(re.compile(r"/journal/$"))
    card = entry_card(page, "Splashed cold water, then counted breaths.")
    expect(card.get_by_role("heading")).to_have_text("Distress tolerance")


def test_weekly_reflection_is_kept_and_prints_without_navigation(
    open_context, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/week/")
    reflection = {
        "what_helped": "Walking after work, even a short one.",
        "what_was_hard": "Sunday evenings, as always.",
        "for_next_session": "Ask about the Sunday dread.",
    }

    for name, text in reflection.items():
        page.locator(f"textarea[name={name}]").fill(text)
    submit_and_wait(page, page.get_by_role("button", name="Save reflection"))
    page.reload()

    for name, text in reflection.items():
        expect(page.locator(f"textarea[name={name}]")).to_have_value(text)
    expect(page.locator(".site-header")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("dd", has_text="Ask about the Sunday dread.")).to_be_visible()


def test_owner_exports_entries_and_shares_then_revokes_a_link(
    open_context, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/accounts/import/")

    with page.expect_download() as download_info:
        page.locator("a[href='/accounts/export/csv/']").click()
    exported = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    notes = {row["note"] for row in csv.DictReader(io.StringIO(exported))}
    assert "Cold water on my face, then a walk." in notes

    share_path = create_share_link(page, weeks="4", include_notes=True)
    therapist_context, _therapist_watch = open_context()
    therapist = therapist_context.new_page()
    response = therapist.goto(share_path)
    assert response.status == 200
    expect(therapist.locator("ol.week-days").first).to_be_visible()
    expect(therapist.get_by_text("Cold water on my face, then a walk.")).to_be_visible()

    page.goto("/journal/sharing/")
    revoke = page.locator("form").get_by_role(
        "button", name=re.compile(r"revoke|turn off", re.IGNORECASE)
    )
    submit_and_wait(page, revoke)
    response = therapist.goto(share_path)

    assert response.status == 404
    expect(therapist.get_by_role("heading", level=1)).to_have_text(
        "We couldn't find that page"
    )


def test_wrong_password_shows_the_error_and_moves_focus_to_it(open_context, person):
    context, _watch = open_context()
    page = context.new_page()
    page.goto("/accounts/login/")

    page.locator("input[name=username]").fill("robin")
    page.locator("input[name=password]").fill("not-my-password")
    submit_and_wait(
        page, page.locator("main form").get_by_role("button", name="Log in")
    )

    error = page.get_by_role("alert")
    expect(error).to_contain_text("That username and password don't match.")
    message = error.inner_text().strip()
    focus = page.evaluate(READ_FOCUS)
    assert message in focus["text"] or message in focus["described"], focus


def test_empty_note_on_today_is_announced_at_the_field_and_focused(
    open_context, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")

    choose_skill(page, "Communication skills")
    save_entry(page)

    note = page.locator("textarea[name=note]")
    expect(note).to_have_attribute("aria-invalid", "true")
    expect(note).to_be_focused()
    focus = page.evaluate(READ_FOCUS)
    assert "Write a few words about what happened." in focus["described"], focus


def test_empty_form_on_today_focuses_the_first_invalid_control(
    open_context, person, live_server
):
    context, _watch = open_context()
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/")

    save_entry(page)

    first_skill = page.locator("input[name=skill]").first
    expect(first_skill).to_be_focused()
    skill_field = page.locator("fieldset:has(input[name=skill])")
    described_by = skill_field.get_attribute("aria-describedby")
    expect(page.locator(f"#{described_by}")).to_contain_text("Choose the skill")
    expect(page.locator("textarea[name=note]")).to_have_attribute(
        "aria-invalid", "true"
    )
