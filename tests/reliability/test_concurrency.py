"""Many requests at once lose nothing and duplicate nothing (PostgreSQL only)."""

import datetime
import threading
import uuid

import pytest
from django.db import connection

from journal.models import Entry, WeeklyReflection
from tests.reliability.live_http import LiveSession

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

THREADS = 8


def run_in_threads(work, count=THREADS):
    """Run work(number) in ``count`` threads started together; return their errors."""
    errors = []
    barrier = threading.Barrier(count)

    def run(number):
        try:
            barrier.wait()
            work(number)
        except Exception as error:  # noqa: BLE001 - collected and asserted by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_eight_threads_posting_twenty_five_entries_each_store_exactly_two_hundred(
    live_server, owner
):
    sessions = [LiveSession(live_server.url, owner) for _ in range(THREADS)]
    statuses = []

    def post_entries(number):
        for index in range(25):
            status, headers, _ = sessions[number].request(
                "POST",
                "/journal/entries/new/",
                {
                    "uuid": str(uuid.uuid4()),
                    "return_to": "today",
                    "skill": "communication",
                    "note": f"thread {number} entry {index}",
                    # A day per thread: one day holds at most 100 entries.
                    "practiced_on": f"2026-01-{number + 10:02d}",
                },
            )
            statuses.append(status)
            assert status == 302, status

    errors = run_in_threads(post_entries)

    assert errors == []
    assert statuses.count(302) == 200
    assert Entry.objects.filter(owner=owner).count() == 200


def test_the_same_form_sent_from_eight_threads_at_once_is_one_entry(live_server, owner):
    sessions = [LiveSession(live_server.url, owner) for _ in range(THREADS)]
    form = {
        "uuid": str(uuid.uuid4()),
        "skill": "communication",
        "note": "sent many times",
        "practiced_on": "2026-01-15",
    }

    def post_same(number):
        status, _, _ = sessions[number].request("POST", "/journal/entries/new/", form)
        assert status == 302, status

    errors = run_in_threads(post_same)

    assert errors == []
    assert Entry.objects.filter(owner=owner).count() == 1


def test_concurrent_reflection_saves_for_one_week_leave_one_row(live_server, owner):
    sessions = [LiveSession(live_server.url, owner) for _ in range(THREADS)]
    monday = datetime.date(2026, 1, 12)

    def save(number):
        status, _, _ = sessions[number].request(
            "POST",
            f"/journal/week/{monday.isoformat()}/reflection/",
            {
                "what_helped": f"version {number}",
                "what_was_hard": "",
                "for_next_session": "",
            },
        )
        assert status == 302, status

    errors = run_in_threads(save)

    assert errors == []
    assert WeeklyReflection.objects.filter(owner=owner).count() == 1
