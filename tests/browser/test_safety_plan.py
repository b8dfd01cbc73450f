"""The safety plan in a real Chromium: kept on the device only by choice, opened
offline at the top of /offline/, and gone after log-out or when another account
signs in on the same browser profile. Axe on its pages, in both languages and
both colour schemes."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.browser.helpers import AXE_OPTIONS, login, save_screenshot, wait_until
from tests.browser.test_installable import controlled_page, go_offline, go_online
from tests.browser.test_offline_privacy import end_session_elsewhere
from tests.factories import make_user
from tests.safety.plans import make_safety_plan

pytestmark = pytest.mark.browser

KEPT = "() => localStorage.getItem('bs-safety-plan')"


def keep_plan_on_this_phone(context, person, live_server):
    """The person opens their plan and ticks "Keep my plan on this phone"."""
    page, _scope = controlled_page(
        context, person, live_server, path="/journal/safety-plan/"
    )
    page.get_by_label("Keep my plan on this phone").check()
    page.get_by_role("status").filter(has_text="Kept on this phone.").wait_for()
    return page


def log_out(page, live_server):
    with page.expect_navigation(url=live_server.url + "/accounts/logged-out/"):
        page.evaluate(
            "setTimeout(() => document.querySelector('form[data-logout]')"
            ".requestSubmit(), 0)"
        )


@pytest.fixture
def alex(transactional_db):
    person = make_user("alex")
    make_safety_plan(person)
    return person


def test_the_plan_is_never_kept_without_the_choice(open_context, alex, live_server):
    context, _watch = open_context()
    page, _scope = controlled_page(
        context, alex, live_server, path="/journal/safety-plan/"
    )
    go_offline(context)

    page.goto("/offline/")

    assert page.evaluate(KEPT) is None
    assert page.locator("[data-kept-plan]").is_hidden()


def test_a_kept_plan_opens_offline_and_is_gone_after_log_out(
    open_context, alex, live_server
):
    context, _watch = open_context()
    page = keep_plan_on_this_phone(context, alex, live_server)
    go_offline(context)

    page.goto("/offline/")

    kept = page.locator("[data-kept-plan]")
    kept.wait_for(state="visible")
    assert "Ana Quillfeather" in kept.inner_text()
    assert "My cat Pistachio" in kept.inner_text()
    assert kept.locator("a[href='tel:+34600123456']").count() == 1
    save_screenshot(page, "safety-plan-offline")

    go_online(context)
    page.goto("/journal/")
    log_out(page, live_server)
    go_offline(context)
    page.goto("/offline/")

    assert page.evaluate(KEPT) is None
    assert page.locator("[data-kept-plan]").is_hidden()
    assert "Quillfeather" not in page.content()


def test_another_account_signing_in_removes_the_kept_plan(
    open_context, alex, live_server
):
    context, _watch = open_context()
    page = keep_plan_on_this_phone(context, alex, live_server)
    context.clear_cookies()  # as if Alex's session ended without the log-out button
    login(context, make_user("blair"), live_server)

    page.goto("/journal/")
    go_offline(context)
    page.goto("/offline/")

    assert page.evaluate(KEPT) is None
    assert "Quillfeather" not in page.content()


def test_a_kept_page_opened_online_after_signing_out_elsewhere_removes_it(
    open_context, alex, live_server, guide_pages
):
    context, _watch = open_context()
    page = keep_plan_on_this_phone(context, alex, live_server)
    end_session_elsewhere(context)

    # The guide page is one a device may keep: it names no account, so the script
    # asks the server, which now names none.
    page.goto("/guide/")
    wait_until(page, "() => localStorage.getItem('bs-safety-plan') === null")

    assert page.evaluate(KEPT) is None


def test_unticking_removes_the_plan_from_this_phone(open_context, alex, live_server):
    context, _watch = open_context()
    page = keep_plan_on_this_phone(context, alex, live_server)

    page.get_by_label("Keep my plan on this phone").uncheck()

    assert page.evaluate(KEPT) is None
    page.reload()
    assert not page.get_by_label("Keep my plan on this phone").is_checked()


def test_an_example_tapped_goes_into_its_step(open_context, alex, live_server):
    context, _watch = open_context()
    login(context, alex, live_server)
    page = context.new_page()
    page.goto("/journal/safety-plan/edit/")

    page.get_by_role("button", name="Go for a walk").click()

    box = page.locator("textarea[name=coping_strategies]")
    assert box.input_value().splitlines()[-1] == "Go for a walk"
    assert page.url.endswith("/journal/safety-plan/edit/")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printing_the_plan_fills_one_sheet(open_context, alex, live_server, paper):
    context, _watch = open_context()
    login(context, alex, live_server)
    page = context.new_page()
    page.goto("/journal/safety-plan/")

    printed = PdfReader(io.BytesIO(page.pdf(format=paper)))

    assert len(printed.pages) == 1
    text = printed.pages[0].extract_text()
    assert "Quillfeather" in text and "My cat Pistachio" in text
    assert "Edit my plan" not in text and "Keep my plan on this phone" not in text


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    ["/journal/safety-plan/", "/journal/safety-plan/edit/", "/help/"],
)
def test_the_plan_pages_pass_axe(
    open_context, live_server, axe, transactional_db, language, scheme, path
):
    person = make_user("robin", language=language)
    make_safety_plan(person)
    context, watch = open_context(color_scheme=scheme)
    login(context, person, live_server)
    page = context.new_page()

    page.goto(path)
    results = axe.run(page, options=AXE_OPTIONS)

    name = path.strip("/").replace("/", "-")
    save_screenshot(page, f"{name}-{language}-{scheme}")
    assert results.violations_count == 0, results.generate_report()
    assert watch.problems(page) == []
