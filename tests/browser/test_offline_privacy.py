"""What a device keeps offline, in a real Chromium: only what the server marks public,
and a note written offline goes to the person signed in, never to the one before."""

from importlib import import_module
from types import SimpleNamespace

import pytest
from django.conf import settings

from core.context_processors import app as page_context
from journal.models import Entry
from tests.browser.helpers import login
from tests.browser.test_installable import (
    WAITING_ON_DEVICE,
    controlled_page,
    go_offline,
    go_online,
)
from tests.factories import make_user

pytestmark = pytest.mark.browser

NOTE = "Breathed out slowly on the night bus."

ACCOUNTS_WAITING = """
() => new Promise((resolve, reject) => {
  const request = indexedDB.open("between-sessions", 1);
  request.onsuccess = () => {
    const all = request.result.transaction("waiting").objectStore("waiting").getAll();
    all.onsuccess = () => resolve(all.result.map((item) => item.account));
    all.onerror = () => reject(all.error);
  };
  request.onerror = () => reject(request.error);
})
"""


def mark_of(user):
    """The one-way account mark the server gives a signed-in page of this user."""
    return page_context(SimpleNamespace(user=user))["account_mark"]


def end_session_elsewhere(context):
    """As when signed out from another device: the session ends on the server and
    this browser is never told (its log-out button did not run)."""
    key = next(
        cookie["value"]
        for cookie in context.cookies()
        if cookie["name"] == settings.SESSION_COOKIE_NAME
    )
    import_module(settings.SESSION_ENGINE).SessionStore(session_key=key).delete()


def wait_until_nothing_waits(page, timeout_ms=15_000):
    """Until the page's queue has sent everything it holds (a busy CI machine
    can take seconds to load the page that sends it)."""
    for _ in range(timeout_ms // 100):
        if page.evaluate(WAITING_ON_DEVICE) == 0:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"entries still waiting on the device after {timeout_ms} ms")


def log_offline(page):
    page.goto("/offline/")
    page.locator("label.skill-chip").first.click()
    page.fill("textarea[name=note]", NOTE)
    page.locator("form[data-offline-form] button[type=submit]").click()
    page.locator("[data-offline-queue]").wait_for(state="visible")


@pytest.fixture
def shared_device(open_context, live_server, guide_pages):
    """Alex reads the guide, is signed out elsewhere; Blair signs in on the same
    browser profile, then the connection goes. Returns (context, page, alex, blair)."""
    alex, blair = make_user("alex"), make_user("blair")
    context, _watch = open_context()
    page, _scope = controlled_page(context, alex, live_server)
    # The guide page asks the server who is signed in; an answer still on its way
    # when the session ends would end Blair's new one too (Django drops the cookie
    # of a session that is gone).
    page.goto("/guide/", wait_until="networkidle")
    end_session_elsewhere(context)
    login(context, blair, live_server)
    page.goto("/journal/")
    go_offline(context)
    page.goto("/guide/")
    return context, page, alex, blair


def test_a_guide_page_kept_offline_names_no_account(shared_device):
    _context, page, _alex, _blair = shared_device

    has_mark = page.evaluate("document.body.hasAttribute('data-account')")

    assert page.locator("h1").inner_text() != "You're offline"
    assert has_mark is False


def test_a_note_logged_offline_waits_under_the_person_signed_in(shared_device):
    _context, page, _alex, blair = shared_device

    log_offline(page)

    assert page.evaluate(ACCOUNTS_WAITING) == [mark_of(blair)]


def test_a_note_logged_offline_reaches_the_person_signed_in_never_the_one_before(
    shared_device, live_server
):
    context, page, alex, blair = shared_device
    log_offline(page)

    go_online(context)
    page.goto("/journal/")
    wait_until_nothing_waits(page)
    context.clear_cookies()
    login(context, alex, live_server)
    page.goto("/journal/")

    # Notes are stored encrypted: read them back through the model, per owner.
    assert [entry.note for entry in Entry.objects.filter(owner=blair)] == [NOTE]
    assert not Entry.objects.filter(owner=alex).exists()


def test_after_a_page_says_nobody_is_signed_in_a_note_offline_is_not_kept(
    open_context, live_server, guide_pages
):
    alex = make_user("alex")
    context, _watch = open_context()
    page, _scope = controlled_page(context, alex, live_server)
    end_session_elsewhere(context)
    page.goto("/journal/")  # the log-in page: nobody is signed in here now
    go_offline(context)

    page.goto("/offline/")
    page.locator("label.skill-chip").first.click()
    page.fill("textarea[name=note]", NOTE)
    page.locator("form[data-offline-form] button[type=submit]").click()

    assert page.locator("[data-offline-nobody]").is_visible()
    assert page.input_value("textarea[name=note]") == NOTE
    assert page.evaluate(WAITING_ON_DEVICE) == 0


def test_a_signed_in_persons_guide_page_still_reads_offline(
    open_context, person, live_server, guide_pages
):
    context, _watch = open_context()
    page, _scope = controlled_page(context, person, live_server, path="/guide/")
    page.goto("/guide/how-therapy-works/")
    title = page.locator("h1").inner_text()
    go_offline(context)

    page.goto("/guide/how-therapy-works/")

    assert page.locator("h1").inner_text() == title != "You're offline"


def test_a_private_page_at_an_encoded_address_is_not_readable_offline(
    open_context, person, live_server
):
    context, _watch = open_context()
    page, _scope = controlled_page(context, person, live_server)
    page.goto("/%6Aournal/entries/")
    assert "Named the anger" in page.content()
    context.clear_cookies()
    go_offline(context)

    page.goto("/%6Aournal/entries/")

    assert page.locator("h1").inner_text() == "You're offline"
    assert "Named the anger" not in page.content()
