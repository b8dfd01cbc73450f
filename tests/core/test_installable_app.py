"""The manifest, the root-scoped service worker and the offline page."""

import json

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_manifest_makes_an_installable_app(client):
    response = client.get("/manifest.webmanifest")

    manifest = json.loads(response.content)
    assert response["Content-Type"] == "application/manifest+json"
    assert manifest["start_url"] == "/journal/"
    assert manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    assert manifest["theme_color"] and manifest["background_color"]


@pytest.mark.parametrize("index", [0, 1, 2])
def test_every_icon_in_the_manifest_is_a_png_of_its_size(client, index):
    icon = json.loads(client.get("/manifest.webmanifest").content)["icons"][index]

    found = finders.find(icon["src"].removeprefix("/static/"))

    with open(found, "rb") as file:
        content = file.read()
    width = int.from_bytes(content[16:20], "big")
    assert content.startswith(b"\x89PNG")
    assert f"{width}x{width}" == icon["sizes"]


def test_every_page_links_the_manifest_and_a_touch_icon(client):
    page = client.get("/help/").content.decode()

    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon"' in page


def test_the_service_worker_is_served_from_the_root_and_never_cached(client):
    response = client.get("/sw.js")

    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert '"/offline/"' in response.content.decode()


def test_the_service_worker_never_caches_private_pages(client):
    worker = client.get("/sw.js").content.decode()

    assert (
        'const PRIVATE = ["/journal/", "/accounts/", "/share/", "/admin/"];' in worker
    )


def test_the_policy_allows_our_own_worker_and_manifest_only(client):
    policy = client.get("/help/")["Content-Security-Policy"]

    assert "worker-src 'self'" in policy
    assert "manifest-src 'self'" in policy


def test_the_offline_page_offers_the_quick_log_and_crisis_help(client):
    page = client.get("/offline/").content.decode()

    assert 'name="skill"' in page and 'name="note"' in page
    assert 'href="/help/"' in page


def test_the_offline_page_carries_no_account_mark_even_when_signed_in(owner_client):
    page = owner_client.get("/offline/").content.decode()

    assert "data-account" not in page


def test_signed_in_pages_carry_a_one_way_account_mark(owner_client, owner):
    page = owner_client.get("/journal/").content.decode()

    assert '<body data-account="' in page
    assert f'data-account="{owner.pk}"' not in page
    assert '<body data-account="">' not in page
