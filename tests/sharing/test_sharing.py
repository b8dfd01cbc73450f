import datetime
import logging
import re
import threading
from unittest import mock

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from journal.models import WeeklyReflection
from sharing.models import ShareLink
from sharing.services import hash_token
from tests.cache_trips import cache_trips
from tests.factories import make_entry, sign_in

pytestmark = pytest.mark.django_db

CSRF_VALUE = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def create_link(client, **overrides):
    data = {"weeks": "4", "expires_in_days": "30"}
    data.update(overrides)
    response = client.post("/journal/sharing/", data)
    match = re.search(r"/share/([A-Za-z0-9_-]+)/", response.content.decode())
    return response, (match.group(0) if match else None)


def test_creating_a_link_shows_it_once_on_an_uncached_page(owner_client, owner):
    response, url = create_link(owner_client)

    assert response.status_code == 200
    assert url is not None
    assert "no-store" in response["Cache-Control"]
    assert "cannot show it again" in response.content.decode()
    assert url not in owner_client.get("/journal/sharing/").content.decode()


def test_link_span_is_fixed_when_made(owner_client, owner):
    create_link(owner_client, weeks="8", expires_in_days="7")

    link = ShareLink.objects.get(owner=owner)
    assert (link.first_day, link.last_day) == (D(2026, 9, 28), D(2026, 11, 22))
    assert link.expires_at == FIXED_NOW + datetime.timedelta(days=7)
    assert link.include_notes is False


def test_token_is_stored_only_as_a_hash(owner_client, owner):
    _, url = create_link(owner_client)
    token = url.split("/")[2]

    link = ShareLink.objects.get(owner=owner)
    assert link.token_hash == hash_token(token)
    assert len(token) >= 43
    for field in ShareLink._meta.concrete_fields:
        assert token not in str(getattr(link, field.attname))


@pytest.mark.parametrize(
    "overrides",
    [
        {"weeks": "5"},
        {"expires_in_days": "365"},
        {"weeks": ""},
        {"expires_in_days": "x"},
    ],
)
def test_bad_choices_show_an_error_and_create_nothing(owner_client, overrides):
    response, url = create_link(owner_client, **overrides)

    assert response.status_code == 200
    assert url is None
    assert response.context["form"].errors
    assert not ShareLink.objects.exists()


def test_shared_page_works_without_login_and_hides_notes_by_default(
    owner_client, owner
):
    make_entry(
        owner, practiced_on=D(2026, 11, 17), skill="communication", note="Private words"
    )
    WeeklyReflection.objects.create(
        owner=owner, week_of=D(2026, 11, 16), what_helped="Secret"
    )
    _, url = create_link(owner_client)

    response = Client().get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Private words" not in html and "Secret" not in html
    assert "Practiced on 1 of 7 days." in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize(
    "kind",
    [{}, {"weeks": "session", "understands_rolling": "on"}],
    ids=["weeks", "rolling"],
)
def test_the_reader_gets_the_links_language_switch_and_no_cookie(owner_client, kind):
    """The page speaks the link's language, or the one the reader picks with its
    own links (?lang=). The site's language form would set a cookie this page
    ignores, so it is not offered, and the reader is given no cookie at all; the
    crisis line stays in the footer."""
    _, url = create_link(owner_client, **kind)

    reader = Client()
    response = reader.get(url)

    html = response.content.decode()
    assert 'href="?lang=es"' in html
    assert "data-language-switch" not in html
    assert "csrfmiddlewaretoken" not in html
    assert 'class="crisis-link" href="/help/"' in html
    assert "Set-Cookie" not in str(response.cookies) and not reader.cookies
    # A signed-in page keeps the form.
    assert "data-language-switch" in owner_client.get("/journal/").content.decode()


def test_shared_page_shows_notes_and_reflections_when_chosen(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17), note="Shared words")
    WeeklyReflection.objects.create(
        owner=owner, week_of=D(2026, 11, 16), what_helped="Walks"
    )
    _, url = create_link(owner_client, include_notes="on")

    html = Client().get(url).content.decode()

    assert "Shared words" in html and "Walks" in html


def test_shared_page_shows_new_entries_within_the_span_but_nothing_outside(
    owner_client, owner
):
    _, url = create_link(owner_client, include_notes="on")
    make_entry(owner, practiced_on=D(2026, 11, 20), note="Written after sharing")
    make_entry(owner, practiced_on=D(2026, 10, 1), note="Before the span")

    html = Client().get(url).content.decode()

    assert "Written after sharing" in html
    assert "Before the span" not in html


def test_shared_page_escapes_notes(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17), note="<script>alert(1)</script>")
    _, url = create_link(owner_client, include_notes="on")

    html = Client().get(url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_views_from_two_browsers_are_both_counted(owner_client, owner):
    _, url = create_link(owner_client)

    Client(HTTP_USER_AGENT="Firefox/128.0").get(url)
    Client(HTTP_USER_AGENT="Safari/605.1.15").get(url)

    link = ShareLink.objects.get(owner=owner)
    assert link.view_count == 2
    assert link.last_viewed_at == FIXED_NOW


def test_expired_link_is_a_404(owner_client, owner):
    _, url = create_link(owner_client, expires_in_days="7")

    later = FIXED_NOW + datetime.timedelta(days=7, seconds=1)
    with mock.patch.object(timezone, "now", return_value=later):
        response = Client().get(url)

    assert response.status_code == 404


def test_revoked_link_is_a_404_like_an_unknown_one(owner_client, owner):
    _, url = create_link(owner_client)
    link = ShareLink.objects.get(owner=owner)

    revoke = owner_client.post(f"/journal/sharing/{link.pk}/revoke/")
    revoked = Client().get(url)
    unknown = Client().get("/share/not-a-real-token-at-all/")

    assert revoke.status_code == 302
    assert revoked.status_code == unknown.status_code == 404
    # Byte for byte, but for the per-response mask of the CSRF token (the footer form).
    assert CSRF_VALUE.sub("", revoked.content.decode()) == CSRF_VALUE.sub(
        "", unknown.content.decode()
    )
    link.refresh_from_db()
    assert link.revoked_at == FIXED_NOW


def test_another_users_link_cannot_be_revoked(owner_client, other_user):
    theirs = ShareLink.objects.create(
        owner=other_user,
        token_hash="x" * 64,
        weeks=4,
        first_day=D(2026, 10, 26),
        last_day=D(2026, 11, 22),
        expires_at=FIXED_NOW + datetime.timedelta(days=7),
    )

    response = owner_client.post(f"/journal/sharing/{theirs.pk}/revoke/")
    missing = owner_client.post("/journal/sharing/999999/revoke/")

    assert response.status_code == missing.status_code == 404
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_sharing_page_lists_only_the_owners_links(owner_client, owner, other_user):
    ShareLink.objects.create(
        owner=other_user,
        token_hash="y" * 64,
        weeks=12,
        first_day=D(2026, 9, 1),
        last_day=D(2026, 11, 22),
        expires_at=FIXED_NOW + datetime.timedelta(days=7),
    )
    create_link(owner_client)

    response = owner_client.get("/journal/sharing/")

    assert [link.owner for link in response.context["links"]] == [owner]


def test_sharing_needs_login(client):
    assert client.get("/journal/sharing/")["Location"].startswith("/accounts/login/")
    assert client.post("/journal/sharing/1/revoke/")["Location"].startswith(
        "/accounts/login/"
    )


def test_sharing_refuses_wrong_methods(owner_client):
    assert owner_client.put("/journal/sharing/").status_code == 405
    assert owner_client.get("/journal/sharing/1/revoke/").status_code == 405


def test_share_page_refuses_post(owner_client):
    _, url = create_link(owner_client)

    assert Client().post(url).status_code == 405


def test_tokens_never_reach_the_logs(owner_client, caplog):
    _, url = create_link(owner_client)
    token = url.split("/")[2]
    ShareLink.objects.update(revoked_at=FIXED_NOW)

    with caplog.at_level(logging.INFO):
        Client().get(url)
        Client().get(f"/share/{token}x/?q=private")

    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "Not Found" in text
    assert token not in text
    assert "private" not in text


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_views_are_all_counted(live_server, owner):
    link_client = Client()
    sign_in(link_client, owner)
    _, url = create_link(link_client)
    errors = []

    def view(thread_number):
        import urllib.request

        try:
            for n in range(5):
                # Forty different browsers: each view counts (one browser's reload
                # within the hour would not).
                request = urllib.request.Request(  # noqa: S310
                    live_server.url + url,
                    headers={"User-Agent": f"Firefox/{thread_number * 10 + n}.0"},
                )
                with urllib.request.urlopen(request) as response:  # noqa: S310
                    assert response.status == 200
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=view, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    link = ShareLink.objects.get(owner=owner)
    assert link.view_count == link.views.count() == 40


def test_shared_distress_figures_speak_about_the_person_not_to_them(
    owner_client, owner
):
    make_entry(owner, practiced_on=D(2026, 11, 17), distress_before=8, distress_after=3)
    _, url = create_link(owner_client)

    html = Client().get(url).content.decode()

    assert "distress went from 8.0 before practicing to 3.0 after" in html
    assert "your distress" not in html


def test_each_week_has_its_heading_drawn_or_kept_in_the_readers_language(
    owner_client, owner
):
    make_entry(owner, practiced_on=D(2026, 11, 17), skill="communication")
    _, url = create_link(owner_client)
    reader = Client()

    section = '<section class="shared-week mb-5" aria-labelledby="week-20261116">'
    heading = '<h2 id="week-20261116" class="h3">Week of 16 Nov – 22 Nov 2026</h2>'
    for visit in ("drawn", "kept"):
        english = reader.get(url).content.decode()
        spanish = reader.get(url + "?lang=es").content.decode()
        assert english.count('<h2 id="week-') == 4, visit
        assert section in english and heading in english, visit
        assert "Semana del 16 nov al 22 nov 2026" in spanish, visit


def test_a_reload_reads_the_visit_and_the_figures_in_one_trip_to_the_cache(
    owner_client, owner
):
    make_entry(owner, practiced_on=D(2026, 11, 17), skill="communication")
    _, url = create_link(owner_client)
    reader = Client()
    first = reader.get(url).content.decode()  # counted; figures drawn and kept

    with cache_trips() as trips:
        again = reader.get(url).content.decode()

    assert trips.alone == []
    ((*weeks, seen),) = trips.together
    assert len(weeks) == 4 and all("shared-week" in key for key in weeks)
    assert "share-view-seen.v" in seen
    assert ShareLink.objects.get().view_count == 1  # the reload was recognised
    assert again.count('<h2 id="week-') == first.count('<h2 id="week-') == 4
