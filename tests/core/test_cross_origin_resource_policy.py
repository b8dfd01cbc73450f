"""Cross-Origin-Resource-Policy: no other site may embed or load anything of ours
(a journal page, a PDF, a script, a picture) from its own pages."""

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import make_share_link, make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "is_signed_in", "status"),
    [
        ("/", False, 200),
        ("/privacy/", False, 200),
        ("/journal/", True, 200),
        ("/accounts/export/json/", True, 200),
        ("/no-such-page/", False, 404),
        ("/healthz", False, 200),
        ("/manifest.webmanifest", False, 200),
        ("/sw.js", False, 200),
        ("/static/css/print.css", False, 200),
    ],
)
def test_every_response_is_for_our_own_origin_only(settings, url, is_signed_in, status):
    # Static files answered by WhiteNoise, as in production, without collectstatic.
    settings.WHITENOISE_USE_FINDERS = True
    client = Client()
    if is_signed_in:
        sign_in(client, make_user())

    response = client.get(url)

    assert response.status_code == status
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_shared_page_is_for_our_own_origin_only():
    _link, url = make_share_link(make_user(), timezone.now())

    response = Client().get(url)

    assert response.status_code == 200
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_a_refused_form_is_for_our_own_origin_only():
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {})

    assert response.status_code == 403
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
