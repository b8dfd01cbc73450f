"""With the cache down, people can still sign up, log in and use their journal.

Each outage is real: the test's own Redis, stopped; an address where nothing
listens; a listener that accepts and never answers (the half-second timeouts of
config/env.py bound each trip). Pages are slower, never an error.
"""

import datetime
import logging
import time
import uuid

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from config.env import cache_from_url
from journal.models import Entry
from tests.factories import make_share_link, make_user
from tests.reliability.outages import RedisProcess, SilentListener, free_port

pytestmark = pytest.mark.django_db

# Generous for a shared two-core machine: a page makes a handful of trips to the
# cache, each at most half a second when the host never answers.
SLOWEST_PAGE_SECONDS = 8


def use_cache(settings, url: str) -> None:
    settings.CACHES = {
        **settings.CACHES,
        "default": {**cache_from_url(url), "KEY_PREFIX": uuid.uuid4().hex},
    }


@pytest.fixture(params=["stopped", "nothing-listening", "never-answers"])
def cache_down(request, settings, tmp_path):
    if request.param == "stopped":
        redis = RedisProcess(tmp_path)
        redis.start()
        use_cache(settings, redis.url)
        assert Client().get("/").status_code == 200  # it was working
        redis.stop()
        yield request.param
    elif request.param == "nothing-listening":
        use_cache(settings, f"redis://127.0.0.1:{free_port()}/0")
        yield request.param
    else:
        with SilentListener() as listener:
            use_cache(settings, listener.url)
            yield request.param


@pytest.fixture
def every_trip_tried(monkeypatch):
    """No resting after a failed trip: every trip goes to Redis, so what is logged
    (or deleted) is decided by each trip, not by the pause between them."""
    monkeypatch.setattr("core.cache.RETRY_AFTER_SECONDS", 0)


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


@pytest.fixture
def owner_signed_in(owner):
    client = Client()
    client.force_login(owner)  # the session reaches the database only
    return client


def test_signing_up_works(cache_down):
    fields = {
        "username": "sky",
        "password1": "quiet-harbour-lanterns-73",
        "password2": "quiet-harbour-lanterns-73",
        "time_zone": "UTC",
    }

    response, seconds = timed(lambda: Client().post("/accounts/signup/", fields))

    assert response.status_code == 302
    assert seconds < SLOWEST_PAGE_SECONDS


def test_logging_in_works_and_the_session_holds(cache_down):
    make_user("river", password="a-long-test-password")
    client = Client()

    response, seconds = timed(
        lambda: client.post(
            "/accounts/login/",
            {"username": "river", "password": "a-long-test-password"},
        )
    )

    assert response.status_code == 302
    assert seconds < SLOWEST_PAGE_SECONDS
    assert client.get("/journal/").status_code == 200


def test_today_works(cache_down, owner_signed_in):
    response, seconds = timed(lambda: owner_signed_in.get("/journal/"))

    assert response.status_code == 200
    assert "Log a skill you used" in response.content.decode()
    assert seconds < SLOWEST_PAGE_SECONDS


def test_logging_an_entry_works(cache_down, owner_signed_in, owner):
    fields = {
        "practiced_on": timezone.localdate().isoformat(),
        "uuid": str(uuid.uuid4()),
        "skill": "distress-tolerance",
        "note": "Cold water on my face",
    }

    response, seconds = timed(
        lambda: owner_signed_in.post("/journal/entries/new/", fields)
    )

    assert response.status_code == 302
    assert seconds < SLOWEST_PAGE_SECONDS
    assert Entry.objects.filter(owner=owner).count() == 1


def test_the_week_works(cache_down, owner_signed_in):
    response, seconds = timed(
        lambda: owner_signed_in.get("/journal/week/", follow=True)
    )

    assert response.status_code == 200
    assert seconds < SLOWEST_PAGE_SECONDS


def test_the_share_page_works(cache_down, owner):
    _link, url = make_share_link(owner, timezone.now())

    response, seconds = timed(lambda: Client().get(url))

    assert response.status_code == 200
    assert seconds < SLOWEST_PAGE_SECONDS


def outage_lines(caplog) -> list[str]:
    return [
        record.getMessage()
        for record in caplog.records
        if record.name == "core.cache" and "unreachable" in record.getMessage()
    ]


@pytest.mark.parametrize("cache_down", ["nothing-listening"], indirect=True)
def test_the_outage_is_logged_once_a_minute_not_per_request(
    every_trip_tried, cache_down, owner_signed_in, caplog
):
    caplog.set_level(logging.ERROR, logger="core.cache")
    # Well after the line the sign-in above may have logged.
    start = timezone.now() + datetime.timedelta(hours=1)

    with time_machine.travel(start, tick=False):
        for _ in range(3):
            owner_signed_in.get("/journal/")
    lines_in_the_first_minute = len(outage_lines(caplog))
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        owner_signed_in.get("/journal/")

    assert lines_in_the_first_minute == 1
    assert len(outage_lines(caplog)) == 2


def test_rate_limits_let_people_through_while_the_cache_is_down(settings, cache_down):
    settings.SIGNUP_RATE_LIMIT = 1
    client = Client()

    statuses = [
        client.post(
            "/accounts/signup/",
            {
                "username": f"sky{n}",
                "password1": "quiet-harbour-lanterns-73",
                "password2": "quiet-harbour-lanterns-73",
                "time_zone": "UTC",
            },
        ).status_code
        for n in range(3)
    ]

    assert statuses == [302, 302, 302]


def test_a_session_ended_while_redis_was_unreachable_stays_ended(
    every_trip_tried, settings, tmp_path, owner
):
    redis = RedisProcess(tmp_path)
    redis.start()
    use_cache(settings, redis.url)
    client = Client()
    client.force_login(owner)
    assert client.get("/journal/").status_code == 200  # the session is in Redis too
    redis.stop(keep_data=True)

    client.post("/accounts/logout/")
    redis.start()  # back, with the session it held
    try:
        response = Client(
            HTTP_COOKIE=f"sessionid={client.cookies['sessionid'].value}"
        ).get("/journal/")
    finally:
        redis.stop()

    assert response.status_code == 302
