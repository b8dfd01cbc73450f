"""The database restarts under load: the requests meanwhile get the calm 503 page,
the next ones succeed in the same server, and no acknowledged write is lost.

The web server reaches PostgreSQL through a proxy the test cuts and restores: every
connection is dropped and new ones are refused, as while the database restarts.
"""

import http.client
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.utils import timezone

from journal.models import Entry
from tests.reliability.live_http import LiveSession
from tests.reliability.outages import CuttableProxy

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

BURST = 8


@pytest.fixture
def database_behind_a_proxy():
    """Every new connection (the live server's threads, and this one) goes through
    the proxy; the settings are shared by all threads."""
    database = connection.settings_dict
    original = database["HOST"], database["PORT"]
    target = (database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432))
    with CuttableProxy(target) as proxy:
        connection.close()
        database["HOST"], database["PORT"] = "127.0.0.1", str(proxy.port)
        try:
            yield proxy
        finally:
            connection.close()
            database["HOST"], database["PORT"] = original


def burst(session: LiveSession, acknowledged: list) -> list[tuple[int, str]]:
    """BURST entries posted at once; the uuid of each one answered 302 is kept."""

    def post(_):
        entry_uuid = str(uuid.uuid4())
        status, _headers, body = session.request(
            "POST",
            "/journal/entries/new/",
            {
                "uuid": entry_uuid,
                "practiced_on": timezone.localdate().isoformat(),
                "skill": "distress-tolerance",
                "note": "Paced breathing before the call",
            },
        )
        if status == 302:
            acknowledged.append(entry_uuid)
        return status, body

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(post, range(BURST)))


def test_a_database_restart_under_load_is_survived(
    database_behind_a_proxy, live_server, owner
):
    proxy = database_behind_a_proxy
    session = LiveSession(live_server.url, owner)
    acknowledged = []

    before = burst(session, acknowledged)
    proxy.cut()
    during = burst(session, acknowledged)
    today_during = session.request("GET", "/journal/")
    proxy.restore()
    after = burst(session, acknowledged)
    today_after = session.request("GET", "/journal/")
    connection.close()  # this thread's own connection was cut too

    assert [status for status, _ in before] == [302] * BURST
    assert [status for status, _ in during] == [503] * BURST
    assert all("reach your journal right now" in body for _, body in during)
    assert not any("Traceback" in body for _, body in during)
    assert today_during[0] == 503
    assert [status for status, _ in after] == [302] * BURST
    assert today_after[0] == 200
    stored = Entry.objects.filter(uuid__in=acknowledged).count()
    assert stored == len(acknowledged) == 2 * BURST


def probe(live_server_url: str) -> tuple[int, str]:
    """GET /readyz as a load balancer does: no cookies, nothing followed."""
    parsed = urllib.parse.urlparse(live_server_url)
    connection_ = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        connection_.request("GET", "/readyz")
        response = connection_.getresponse()
        return response.status, response.read().decode()
    finally:
        connection_.close()


def test_readiness_names_the_database_while_it_restarts(
    database_behind_a_proxy, live_server
):
    database_behind_a_proxy.cut()
    during = probe(live_server.url)
    database_behind_a_proxy.restore()
    after = probe(live_server.url)

    assert during == (503, "database: unavailable\ncache: ok\nmigrations: unknown\n")
    assert after[0] == 200
