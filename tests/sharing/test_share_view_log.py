"""The owner sees when each link was opened and in which kind of browser.

Previews, prefetches and the same browser again within the hour are not views.
"""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.erasure import erase_account
from sharing.models import ShareLink, ShareLinkView
from tests.factories import make_entry, make_exercise_entry, make_share_link

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
FIREFOX = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
)
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
THERAPIST_ADDRESS = "198.51.100.23"


@pytest.fixture
def clock():
    with time_machine.travel(FIXED_NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def shared(clock, owner):
    """The owner's live link and its address."""
    return make_share_link(owner, FIXED_NOW, include_notes=True)


def open_link(url, user_agent=FIREFOX, address=THERAPIST_ADDRESS, **headers):
    client = Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response


def counted(link) -> int:
    link.refresh_from_db()
    assert link.view_count == link.views.count()
    return link.view_count


# --- what counts ---------------------------------------------------------------------


def test_opening_a_link_logs_one_view_with_the_browser_family(shared):
    link, url = shared

    open_link(url, user_agent=SAFARI_IPHONE)

    [view] = ShareLinkView.objects.filter(link=link)
    assert (view.viewed_at, view.device) == (FIXED_NOW, "Safari on iPhone")
    assert counted(link) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Purpose": "prefetch"},
        {"Purpose": "prefetch"},
        {"X-Purpose": "preview"},
        {"X-Moz": "prefetch"},
    ],
)
def test_a_prefetch_is_not_a_view(shared, headers):
    link, url = shared

    open_link(url, **headers)

    assert counted(link) == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "WhatsApp/2.23.20.0 A",
        "facebookexternalhit/1.1",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    ],
)
def test_a_link_preview_bot_is_not_a_view(shared, user_agent):
    link, url = shared

    open_link(url, user_agent=user_agent)

    assert counted(link) == 0


def test_a_head_request_is_not_a_view(shared):
    link, url = shared

    Client().head(url)

    assert counted(link) == 0


def test_the_same_browser_again_within_the_hour_is_one_view(shared, clock):
    link, url = shared
    open_link(url)

    clock.shift(datetime.timedelta(minutes=59))
    open_link(url)

    assert counted(link) == 1


def test_the_same_browser_after_an_hour_is_a_new_view(shared, clock):
    link, url = shared
    open_link(url)

    clock.shift(datetime.timedelta(hours=1, seconds=1))
    open_link(url)

    assert counted(link) == 2
    assert link.last_viewed_at == FIXED_NOW + datetime.timedelta(hours=1, seconds=1)


def test_another_browser_within_the_hour_is_a_new_view(shared, clock):
    link, url = shared
    open_link(url)

    clock.shift(datetime.timedelta(minutes=5))
    open_link(url, user_agent=SAFARI_IPHONE)

    assert counted(link) == 2


def test_a_reload_of_one_link_does_not_hide_a_view_of_another(shared, owner):
    link, url = shared
    other_link, other_url = make_share_link(owner, FIXED_NOW)
    open_link(url)

    open_link(other_url)

    assert (counted(link), counted(other_link)) == (1, 1)


def test_a_reload_within_the_hour_is_known_without_reading_the_log(shared, clock):
    link, url = shared
    open_link(url)
    clock.shift(datetime.timedelta(minutes=30))
    with CaptureQueriesContext(connection) as new_view:
        open_link(url, user_agent=SAFARI_IPHONE)

    with CaptureQueriesContext(connection) as reload:
        open_link(url)

    assert counted(link) == 2
    assert len(reload) < len(new_view)
    assert not any("sharelinkview" in query["sql"].lower() for query in reload)


def test_a_reload_still_counts_once_when_the_cache_has_forgotten_it(shared, clock):
    link, url = shared
    open_link(url)
    cache.clear()  # a restarted cache server, say

    clock.shift(datetime.timedelta(minutes=30))
    open_link(url)

    assert counted(link) == 1
    clock.shift(datetime.timedelta(minutes=30, seconds=1))  # the hour since the view
    open_link(url)
    assert counted(link) == 2


# --- what is kept --------------------------------------------------------------------


def test_the_log_keeps_neither_the_address_nor_the_user_agent_nor_journal_text(
    shared, owner
):
    link, url = shared
    make_entry(owner, practiced_on=datetime.date(2026, 11, 17), note="Heron-lake note")

    html = open_link(url).content.decode()

    assert "Heron-lake note" in html
    kept = " ".join(
        str(value) for value in ShareLinkView.objects.values().get().values()
    )
    for secret in (THERAPIST_ADDRESS, FIREFOX, "rv:128.0", "Heron-lake note"):
        assert secret not in kept


def test_a_browser_mark_is_wiped_once_the_hour_is_over(shared, clock, owner):
    link, url = shared
    open_link(url)

    clock.shift(datetime.timedelta(hours=2))
    open_link(make_share_link(owner, FIXED_NOW)[1], user_agent=SAFARI_IPHONE)

    first, second = ShareLinkView.objects.order_by("viewed_at")
    assert first.visitor_mark == ""
    assert second.visitor_mark != ""


def test_the_log_goes_with_the_link(shared):
    link, url = shared
    open_link(url)

    link.delete()

    assert not ShareLinkView.objects.exists()


def test_the_log_goes_with_the_account(shared, owner):
    _, url = shared
    open_link(url)

    erase_account(owner)

    assert not ShareLinkView.objects.exists()


def test_the_shared_page_runs_the_same_queries_however_many_views(shared, clock, owner):
    link, url = shared
    make_entry(owner, practiced_on=datetime.date(2026, 11, 17))
    with CaptureQueriesContext(connection) as first:
        open_link(url, address="192.0.2.1")
    for number in range(2, 22):
        open_link(url, address=f"192.0.2.{number}")

    with CaptureQueriesContext(connection) as later:
        open_link(url, address="192.0.2.99")

    assert counted(link) == 22
    assert len(later) == len(first)


# --- what the owner sees -------------------------------------------------------------


def test_owner_sees_each_view_with_its_browser_in_their_own_time_zone(
    shared, owner, client
):
    _, url = shared
    owner.profile.time_zone = "America/Los_Angeles"
    owner.profile.save()
    open_link(url, user_agent=SAFARI_IPHONE)
    client.force_login(owner)

    html = client.get("/journal/sharing/").content.decode()

    # 12:00 UTC is 04:00 in Los Angeles in November.
    assert "21 Nov 2026, 04:00</time> · Safari on iPhone" in html
    assert "1 time" in html


def test_owner_sees_a_view_from_an_unknown_browser_without_a_name(
    shared, client, owner
):
    _, url = shared
    open_link(url, user_agent="curl/8.5.0")
    client.force_login(owner)

    html = client.get("/journal/sharing/").content.decode()

    assert "a browser we could not name" in html


def test_another_user_never_sees_the_owners_log(shared, other_client):
    _, url = shared
    open_link(url, user_agent=SAFARI_IPHONE)

    html = other_client.get("/journal/sharing/").content.decode()

    assert "Safari on iPhone" not in html


def test_the_sharing_page_runs_the_same_queries_however_many_links_and_views(
    shared, client, owner
):
    _, url = shared
    client.force_login(owner)
    client.get("/journal/sharing/")  # the session is renewed on the first visit
    with CaptureQueriesContext(connection) as few:
        client.get("/journal/sharing/")
    more_urls = [make_share_link(owner, FIXED_NOW)[1] for _ in range(2)]
    for number, link_url in enumerate([url, *more_urls] * 5, start=1):
        open_link(link_url, address=f"192.0.2.{number}")

    with CaptureQueriesContext(connection) as many:
        response = client.get("/journal/sharing/")

    assert response.content.decode().count("<time ") == 15
    assert len(many) == len(few)


def test_the_sharing_page_asks_a_visitor_to_log_in(client):
    response = client.get("/journal/sharing/")

    assert response["Location"] == "/accounts/login/?next=/journal/sharing/"


def test_a_revoked_link_logs_no_view(shared):
    link, url = shared
    ShareLink.objects.filter(pk=link.pk).update(revoked_at=FIXED_NOW)

    response = Client(HTTP_USER_AGENT=FIREFOX).get(url)

    assert response.status_code == 404
    assert not ShareLinkView.objects.exists()


def test_the_periodic_job_wipes_marks_even_when_no_link_is_opened(shared, clock):
    from io import StringIO

    from django.core.management import call_command

    link, url = shared
    open_link(url)
    clock.shift(datetime.timedelta(minutes=59))
    call_command("run_periodic", stdout=StringIO())
    assert ShareLinkView.objects.get().visitor_mark != ""

    clock.shift(datetime.timedelta(minutes=1, seconds=1))
    output = StringIO()
    call_command("run_periodic", stdout=output)

    assert ShareLinkView.objects.get().visitor_mark == ""
    assert "1 share-link visitor marks wiped." in output.getvalue()


@pytest.mark.parametrize(
    "kind",
    [{}, {"weeks": None, "is_since_last_session": True}],
    ids=["weeks", "since-last-session"],
)
def test_a_reload_reads_the_link_and_the_notes_and_never_the_owners_secrets(
    clock, owner, kind
):
    """A reload of a page with notes: the link with its owner's settings in one
    query, then the notes; nothing read one entry at a time (the cards read only
    what they show), and never the owner's password hash or e-mail address."""
    _, url = make_share_link(owner, FIXED_NOW, include_notes=True, **kind)
    for day in (17, 18, 19, 20):
        make_entry(owner, practiced_on=datetime.date(2026, 11, day))
        make_entry(owner, practiced_on=datetime.date(2026, 11, day), situation="Bus")
    make_exercise_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    first = open_link(url)

    with CaptureQueriesContext(connection) as reload:
        again = open_link(url)

    assert again.content == first.content
    assert again.content.decode().count('class="entry-card ') == 9
    queries = [query["sql"] for query in reload.captured_queries]
    assert "journal_sharelink" in queries[0] and "accounts_profile" in queries[0]
    assert len(queries) == (3 if not kind else 6), queries
    assert not any('"password"' in sql or '"email"' in sql for sql in queries)
