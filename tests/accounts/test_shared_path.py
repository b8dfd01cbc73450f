"""What every signed-in page pays before its own work: as little as it can.

The session comes from the shared cache (cached_db sessions, the database behind
it), and the person is read with their profile in one query
(accounts/backends.py). Ending a session ends it in both places.
"""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.cache import cache
from django.test import Client

from accounts import sessions
from accounts.backends import MODEL_BACKEND
from accounts.models import SignedInSession
from tests.factories import sign_in

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def test_a_signed_in_page_reads_the_person_and_profile_in_one_query(
    owner_client, django_assert_num_queries
):
    owner_client.get("/journal/progress/")  # drawn once, then kept

    # The kept page, then "what works for me" (its figures kept, its names the
    # person's own words, read on every visit: journal/skills/reports.py, one
    # query) and the diary card's rows over 12 weeks (journal/card/progress.py, one).
    with django_assert_num_queries(3) as captured:
        response = owner_client.get("/journal/progress/")

    assert response.status_code == 200
    first, *rest = [query["sql"] for query in captured.captured_queries]
    assert "accounts_profile" in first
    assert not any("accounts_profile" in sql or "auth_user" in sql for sql in rest)


def test_signing_in_records_the_backend_that_reads_the_profile_too(client, owner):
    response = client.post(
        "/accounts/login/", {"username": owner.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == MODEL_BACKEND


def test_a_session_signed_in_before_still_reads_its_person(client, owner):
    client.force_login(owner, backend="django.contrib.auth.backends.ModelBackend")

    assert client.get("/journal/").status_code == 200


def test_a_session_signed_out_from_another_device_is_gone_from_the_cache_too(
    owner_client, owner
):
    elsewhere = sign_in(Client(), owner)
    key = elsewhere.cookies["sessionid"].value
    assert elsewhere.get("/journal/").status_code == 200  # read, so in the cache
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is not None

    sessions.sign_out(SignedInSession.objects.get(session_key=key))

    assert cache.get(f"django.contrib.sessions.cached_db{key}") is None
    response = elsewhere.get("/journal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_erasing_an_account_removes_its_sessions_from_the_cache_too(
    owner, django_capture_on_commit_callbacks
):
    from accounts.erasure import erase_account

    browser = sign_in(Client(), owner)
    key = browser.cookies["sessionid"].value
    assert browser.get("/journal/").status_code == 200  # read, so in the cache

    with django_capture_on_commit_callbacks(execute=True):
        erase_account(owner)

    assert cache.get(f"django.contrib.sessions.cached_db{key}") is None
    assert browser.get("/journal/").status_code == 302
