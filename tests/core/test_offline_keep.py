"""Which answers a device may keep for offline reading (the X-Offline-Keep header),
and that those pages never name who is signed in."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from core.context_processors import account_mark
from core.middleware import NoStoreForPrivatePagesMiddleware
from core.pwa import KEEP_HEADER, KEEP_VALUE
from guide.models import Article
from tests.factories import make_entry
from tests.security.routes import our_routes

pytestmark = pytest.mark.django_db

# The public pages a device may keep: the same for everyone who reads them.
KEPT_ROUTES = {
    "core:home",
    "safety:help",
    "core:privacy",
    "core:offline",
    "guide:index",
    "guide:article",
}
NEVER_KEPT_ROUTES = sorted(
    route.name
    for route in our_routes()
    if not route.has_parameters and route.name not in KEPT_ROUTES
)
PUBLIC_PAGES = ["/help/", "/privacy/", "/offline/", "/guide/", "/guide/calm/"]


@pytest.fixture
def guide_page():
    return Article.objects.create(
        slug="calm", language="en", title="Calm", summary="S.", body="Breathe."
    )


@pytest.mark.parametrize("path", ["/", *PUBLIC_PAGES])
def test_a_public_page_may_be_kept_offline(client, guide_page, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response[KEEP_HEADER] == KEEP_VALUE


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_read_signed_in_may_still_be_kept_offline(
    owner_client, guide_page, path
):
    response = owner_client.get(path)

    assert response[KEEP_HEADER] == KEEP_VALUE
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_page_that_may_be_kept_names_no_account_even_signed_in(
    owner_client, owner, guide_page, path
):
    page = owner_client.get(path).content.decode()

    assert "data-account" not in page
    assert account_mark(owner) not in page


@pytest.mark.parametrize("name", NEVER_KEPT_ROUTES)
def test_no_other_page_may_be_kept_offline(owner_client, name):
    response = owner_client.get(reverse(name))

    assert KEEP_HEADER not in response


def test_the_home_page_signed_in_is_a_redirect_never_kept(owner_client):
    response = owner_client.get("/")

    assert response.status_code == 302
    assert KEEP_HEADER not in response


def test_a_missing_guide_page_is_never_kept(client):
    response = client.get("/guide/no-such-page/")

    assert response.status_code == 404
    assert KEEP_HEADER not in response


def test_a_private_page_at_an_encoded_address_is_never_kept(owner_client, owner):
    make_entry(owner, note="Percent-encoded but still mine")

    response = owner_client.get("/%6Aournal/entries/")

    assert "Percent-encoded but still mine" in response.content.decode()
    assert KEEP_HEADER not in response
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/journal/x/", "/%6Aournal/x/", "/accounts/x/"])
def test_a_private_address_loses_the_keep_header_whatever_the_view_said(path):
    def kept_view(request):
        response = HttpResponse("text")
        response[KEEP_HEADER] = KEEP_VALUE
        return response

    request = RequestFactory().get(path)

    response = NoStoreForPrivatePagesMiddleware(kept_view)(request)

    assert KEEP_HEADER not in response


def test_the_worker_keeps_only_what_carries_the_servers_header(client):
    worker = client.get("/sw.js").content.decode()

    assert f'const KEEP_HEADER = "{KEEP_HEADER}";' in worker
    assert f'const KEEP_VALUE = "{KEEP_VALUE}";' in worker


def test_the_token_endpoint_names_the_live_sessions_account(owner_client, owner):
    answer = owner_client.get("/accounts/csrf-token/").json()

    assert answer["account"] == account_mark(owner)


def test_the_token_endpoint_names_no_account_for_a_visitor(client):
    answer = client.get("/accounts/csrf-token/").json()

    assert answer["account"] == ""
