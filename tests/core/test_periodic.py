"""run_periodic: every app's job once a minute, one failure never stopping the rest."""

import datetime
import logging
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from core import periodic

NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_first_job(monkeypatch):
    """A job that breaks, registered ahead of the real ones for this test only."""

    def broken(now, dry_run):
        raise ConnectionError("the service this job needs is down")

    jobs = {"broken": periodic.Job("broken", broken), **periodic._jobs}
    monkeypatch.setattr(periodic, "_jobs", jobs)


def run(*args) -> str:
    output = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("run_periodic", *args, stdout=output)
    return output.getvalue()


def test_each_app_registers_its_own_job_in_the_order_of_the_apps():
    assert [job.name for job in periodic.registered()] == [
        "lock-out-records",
        "sessions-ahead",
        "share-view-marks",
        "reminders",
    ]


def test_one_run_reports_every_job():
    output = run()

    assert output.splitlines() == [
        "0 lock-out records and 0 failure counts forgotten.",
        "0 repeating sessions made ahead.",
        "0 share-link visitor marks wiped.",
        "0 reminders sent; 0 sent by another runner; 0 failed and will be retried.",
        "0 session nudges sent; 0 sent by another runner; 0 failed and will be "
        "retried.",
    ]


def test_a_dry_run_says_what_would_be_sent():
    assert "0 reminders would be sent" in run("--dry-run")


def test_a_failing_job_is_logged_and_the_others_still_run(failing_first_job, caplog):
    output = StringIO()

    with (
        caplog.at_level(logging.ERROR, logger="core.periodic"),
        pytest.raises(CommandError, match="Failed: broken"),
    ):
        call_command("run_periodic", stdout=output)

    assert output.getvalue().splitlines()[:3] == [
        "broken: failed (see the log).",
        "0 lock-out records and 0 failure counts forgotten.",
        "0 repeating sessions made ahead.",
    ]
    assert "0 reminders sent" in output.getvalue()
    assert [record.getMessage() for record in caplog.records] == [
        "Periodic job broken failed"
    ]


def test_send_reminders_still_runs_every_job_for_existing_cron_lines():
    output = StringIO()

    with time_machine.travel(NOW, tick=False):
        call_command("send_reminders", stdout=output)

    assert output.getvalue() == run()
