"""On a 390 px phone: the plan agreed in a session, written in a few taps; Today's
count moves when the skill is logged; a day without practice gets its reason in one
tap. (Guided exercises are test_practice_on_a_phone.py.)"""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from accounts.timezones import local_today
from journal.models import PracticeMiss, PracticePlan
from tests.browser.helpers import AXE_OPTIONS, PHONE, login, save_screenshot
from tests.factories import make_entry

pytestmark = pytest.mark.browser


def assert_no_axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_two_item_plan_on_a_phone(open_context, person, live_server, scheme):
    # Robin's last session was four days ago, the next is in three: a week's plan.
    yesterday = local_today(timezone.now(), "UTC") - datetime.timedelta(days=1)
    make_entry(
        person,
        practiced_on=yesterday,
        skill="distress-tolerance",
        technique="paced-breathing",
        note="Slow breaths on the bus.",
    )
    context, watch = open_context(**PHONE, color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/practice-plan/")
    assert_no_axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Write my plan").tap()

    first = page.locator("fieldset.practice-item-fields").nth(0)
    first.get_by_label("What to practice").select_option(label="Distress tolerance")
    first.get_by_label("Which named skill (optional)").select_option(
        label="Paced breathing"
    )
    first.get_by_label("How many times a week").fill("4")
    second = page.locator("fieldset.practice-item-fields").nth(1)
    second.get_by_label("In your own words").fill("Evening walk")
    second.get_by_text("Each day", exact=True).tap()
    assert_no_axe_violations(page)
    assert fits_the_phone(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Save my plan").tap()

    plan = PracticePlan.objects.get(owner=person)
    assert plan.items.count() == 2
    expect(page.locator(".practice-items")).to_contain_text(
        "Paced breathing: 1 of 4 times this week"
    )
    expect(page.locator(".practice-items")).to_contain_text(
        "Evening walk: 0 of 7 days this week"
    )

    # Today counts the log: no new form.
    page.goto("/journal/")
    lines = page.locator(".today-practice")
    expect(lines).to_contain_text("Paced breathing: 1 of 4 times this week")
    quick_log = page.locator("form[data-offline-form]")
    quick_log.locator("label.skill-chip", has_text="Distress tolerance").tap()
    quick_log.locator("[data-technique-field]").get_by_text(
        "Paced breathing", exact=True
    ).tap()
    quick_log.get_by_label("What happened?").fill("Four in, six out, at my desk.")
    with page.expect_navigation():
        quick_log.get_by_role("button", name="Save").tap()
    expect(lines).to_contain_text("Paced breathing: 2 of 4 times this week")
    with page.expect_navigation():
        lines.get_by_role("button", name="I did it (Evening walk)").tap()
    expect(lines).to_contain_text("Evening walk: 1 of 7 days this week")
    save_screenshot(page, f"practice-plan-today-phone-{scheme}")
    assert_no_axe_violations(page)
    assert fits_the_phone(page)

    # A day without practice: one tap, never asked.
    page.goto("/journal/practice-plan/")
    day = page.locator(".missed-day").first
    with page.expect_navigation():
        day.get_by_role("button", name="Forgot").tap()
    assert PracticeMiss.objects.get(plan=plan).reason == "forgot"
    expect(
        page.locator(".missed-day").first.get_by_role("button", name="Forgot")
    ).to_have_attribute("aria-pressed", "true")
    save_screenshot(page, f"practice-plan-missed-phone-{scheme}")
    assert_no_axe_violations(page)
    assert fits_the_phone(page)
    assert watch.problems(page) == []


def test_the_next_plan_starts_from_this_one_in_one_tap(
    open_context, person, live_server
):
    from journal.practice import services
    from journal.practice.goals import PlanSpan

    today = local_today(timezone.now(), "UTC")
    services.create_plan(
        person,
        PlanSpan(
            today - datetime.timedelta(days=11), today - datetime.timedelta(days=5)
        ),
        [{"family": "communication", "times": 2, "why": "To ask for what I need"}],
    )
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/practice-plan/")

    with page.expect_navigation():
        page.get_by_role("button", name="Start from my last plan").tap()

    expect(page.locator(".practice-items")).to_contain_text(
        "Communication skills: 1 of 2 times this week"
    )
    expect(page.locator(".practice-items")).to_contain_text("To ask for what I need")
    assert PracticePlan.objects.filter(owner=person).count() == 2
    assert_no_axe_violations(page)


def test_a_spanish_reader_writes_a_plan(open_context, person, live_server):
    person.profile.language = "es"
    person.profile.save()
    context, _watch = open_context(**PHONE, locale="es-ES")
    login(context, person, live_server)
    page = context.new_page()
    page.goto("/journal/practice-plan/new/")

    first = page.locator("fieldset.practice-item-fields").nth(0)
    first.get_by_label("Con tus palabras").fill("Paseo por la tarde")
    first.get_by_label("Cuántas veces por semana").fill("3")
    with page.expect_navigation():
        page.get_by_role("button", name="Guardar mi plan").tap()

    expect(page.locator(".practice-items")).to_contain_text(
        "Paseo por la tarde: 0 de 3 veces esta semana"
    )
    assert_no_axe_violations(page)
