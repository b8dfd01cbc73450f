"""/privacy/: what is kept, who reads it, cookies; linked from every page."""

import itertools
import re

import pytest

pytestmark = pytest.mark.django_db


def test_privacy_page_is_open_to_visitors(client):
    response = client.get("/privacy/")

    assert response.status_code == 200
    assert "How we keep your journal private" in response.content.decode()


def test_privacy_page_works_for_a_signed_in_person(owner_client):
    response = owner_client.get("/privacy/")

    assert response.status_code == 200


def test_privacy_page_refuses_post(client):
    response = client.post("/privacy/")

    assert response.status_code == 405


def test_privacy_page_lists_the_only_cookies_used(client):
    html = client.get("/privacy/").content.decode()

    assert "A session cookie" in html
    assert "A security cookie (CSRF)" in html
    assert "A language cookie" in html
    assert "no advertising cookies and no analytics cookies" in html


def test_privacy_page_says_who_can_read_the_journal(client):
    html = client.get("/privacy/").content.decode()

    assert "a copy of the database alone cannot be read" in html
    assert "only while it works" in html


def test_privacy_page_links_to_export_erasure_and_help(client):
    html = client.get("/privacy/").content.decode()

    assert 'href="/accounts/import/"' in html
    assert 'href="/accounts/delete/"' in html
    assert 'href="/help/"' in html


def test_privacy_page_table_of_contents_points_at_its_headings(client):
    html = client.get("/privacy/").content.decode()

    targets = re.findall(r'<a href="#([a-z-]+)">', html)
    heading_ids = re.findall(r'<h2 id="([a-z-]+)"', html)
    assert len(targets) == 7
    assert set(targets) <= set(heading_ids)


def test_privacy_page_headings_go_down_one_level_at_a_time(client):
    html = client.get("/privacy/").content.decode()

    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


@pytest.mark.parametrize(
    "url", ["/", "/help/", "/privacy/", "/accounts/login/", "/guide/"]
)
def test_every_page_links_to_the_privacy_page_from_its_footer(client, url):
    html = client.get(url).content.decode()

    footer = html.split("<footer", 1)[1]
    assert 'href="/privacy/"' in footer


def test_a_signed_in_page_links_to_the_privacy_page_from_its_footer(owner_client):
    html = owner_client.get("/journal/").content.decode()

    footer = html.split("<footer", 1)[1]
    assert 'href="/privacy/"' in footer


def test_sign_up_form_links_to_the_privacy_page(client):
    html = client.get("/accounts/signup/").content.decode()

    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Read how we keep your journal private" in main
    assert 'href="/privacy/"' in main
