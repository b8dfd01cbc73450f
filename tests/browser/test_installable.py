"""The installable app in a real Chromium: worker, manifest, offline logging."""

import pytest

from journal.models import Entry
from tests.browser.helpers import login, wait_until

pytestmark = pytest.mark.browser

WORKER_READY = """
async () => {
  const registration = await navigator.serviceWorker.ready;
  return registration.scope;
}
"""


KEPT_PAGES = """
async () => {
  const cache = await caches.open("bs-pages");
  return (await cache.keys()).map((request) => request.url);
}
"""


def controlled_page(context, person, live_server, path="/journal/"):
    """A page the service worker controls (it takes over from the second load)."""
    login(context, person, live_server)
    page = context.new_page()
    page.goto(path)
    scope = page.evaluate(WORKER_READY)
    page.reload()
    wait_until(page, "() => navigator.serviceWorker.controller !== null")
    return page, scope


def go_offline(context):
    context.set_offline(True)
    # Offline mode alone does not stop the worker's own requests: refuse them too.
    context.route("**/*", lambda route: route.abort("internetdisconnected"))


def go_online(context):
    context.unroute("**/*")
    context.set_offline(False)


def test_the_worker_and_manifest_load_under_the_policy(
    open_context, person, live_server
):
    context, watch = open_context()

    page, scope = controlled_page(context, person, live_server)

    assert scope == live_server.url + "/"
    assert page.evaluate("document.querySelector('link[rel=manifest]').href").endswith(
        "/manifest.webmanifest"
    )
    assert watch.problems(page) == []


def test_chromium_finds_the_app_installable(
    chromium_browser, person, live_server, tmp_path
):
    # Chromium never offers to install from an incognito window, and every ordinary
    # Playwright context is one: this test uses a profile on disk.
    from tests.browser.conftest import CHROMIUM_ARGS, CHROMIUM_PATH

    context = chromium_browser.browser_type.launch_persistent_context(
        tmp_path,
        executable_path=CHROMIUM_PATH,
        args=CHROMIUM_ARGS,
        base_url=live_server.url,
    )
    try:
        page, _scope = controlled_page(context, person, live_server)
        session = context.new_cdp_session(page)

        errors = session.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        context.close()

    assert errors == []


def test_offline_the_app_opens_the_offline_page_with_the_form(
    open_context, person, live_server
):
    context, _watch = open_context()
    page, _scope = controlled_page(context, person, live_server)
    go_offline(context)

    page.goto("/journal/")

    assert page.locator("h1").inner_text() == "You're offline"
    assert page.locator("textarea[name=note]").is_visible()
    assert "Named the anger" not in page.content()


def test_an_entry_logged_offline_arrives_once_when_back_online(
    open_context, person, live_server
):
    context, _watch = open_context()
    page, _scope = controlled_page(context, person, live_server)
    before = Entry.objects.filter(owner=person).count()
    go_offline(context)
    page.locator("label.skill-chip").first.click()
    page.fill("textarea[name=note]", "Logged on the train with no signal.")

    page.locator("form[data-offline-form] button[type=submit]").click()
    waiting = page.locator("[data-offline-queue]")
    waiting.wait_for(state="visible")
    go_online(context)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    waiting.wait_for(state="hidden")
    page.reload()

    notes = list(Entry.objects.filter(owner=person).values_list("note", flat=True))
    assert len(notes) == before + 1
    assert notes.count("Logged on the train with no signal.") == 1


def test_logging_out_forgets_the_pages_this_device_kept(
    open_context, person, live_server, guide_pages
):
    context, _watch = open_context()
    page, _scope = controlled_page(context, person, live_server, path="/guide/")
    page.goto("/guide/how-therapy-works/")
    kept_before = page.evaluate(KEPT_PAGES)

    with page.expect_navigation(url=live_server.url + "/accounts/logged-out/"):
        page.evaluate(
            "setTimeout(() => document.querySelector('form[data-logout]')"
            ".requestSubmit(), 0)"
        )

    kept_after = page.evaluate(KEPT_PAGES)
    assert any("/guide/how-therapy-works/" in url for url in kept_before)
    assert not any("/guide/" in url for url in kept_after)


def test_a_therapist_reading_a_link_gets_no_worker_and_no_cookie(
    open_context, person, live_server
):
    """The reader is not installing the app: nothing is kept on their device."""
    from django.utils import timezone

    from tests.factories import make_share_link

    _, url = make_share_link(person, timezone.now(), include_notes=True)
    context, watch = open_context()
    page = context.new_page()

    page.goto(url)
    page.wait_for_load_state("networkidle")

    assert page.locator("h1").inner_text().startswith("Weekly summaries")
    assert (
        page.evaluate(
            "navigator.serviceWorker.getRegistrations().then((found) => found.length)"
        )
        == 0
    )
    assert context.cookies() == []
    assert watch.problems(page) == []


WAITING_ON_DEVICE = """
() => new Promise((resolve, reject) => {
  const request = indexedDB.open("between-sessions", 1);
  request.onsuccess = () => {
    const count = request.result.transaction("waiting").objectStore("waiting").count();
    count.onsuccess = () => resolve(count.result);
    count.onerror = () => reject(count.error);
  };
  request.onerror = () => reject(request.error);
})
"""


def test_logging_out_asks_before_deleting_an_entry_still_waiting(
    open_context, person, live_server
):
    context, _watch = open_context()
    page, _scope = controlled_page(context, person, live_server)
    # Kept on the device, then refused by the server (no skill): it stays waiting.
    page.evaluate(
        "document.querySelector('form[data-offline-form]')"
        ".setAttribute('data-always-queue', '')"
    )
    page.fill("textarea[name=note]", "A note with no skill chosen.")
    page.locator("form[data-offline-form] button[type=submit]").click()
    page.locator("[data-offline-queue]").wait_for(state="visible")
    questions = []

    def answer_yes(dialog):
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", answer_yes)
    with page.expect_navigation(url=live_server.url + "/accounts/logged-out/"):
        page.evaluate(
            "setTimeout(() => document.querySelector('form[data-logout]')"
            ".requestSubmit(), 0)"
        )

    assert questions == [
        "You have 1 entries on this device that have not been sent yet. "
        "Delete them from this device as you log out?"
    ]
    assert page.evaluate(WAITING_ON_DEVICE) == 0
