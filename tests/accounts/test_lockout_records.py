"""Failed log-ins keep little, and not for long (accounts/lockout_records.py)."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone

from accounts import lockout, lockout_records
from accounts.models import LoginFailure
from core import periodic
from tests.factories import make_user

pytestmark = pytest.mark.django_db

FIREFOX = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0"
)


@pytest.fixture
def river(db):
    return make_user("river")


def fail_to_log_in(**extra):
    return Client().post(
        "/accounts/login/?q=grief&next=/journal/entries/%3Fq%3Dgrief",
        {
            "username": "river",
            "password": "wrong-password",
            "next": "/journal/entries/?q=grief",
        },
        HTTP_USER_AGENT=FIREFOX,
        **extra,
    )


def test_a_failed_log_in_keeps_no_query_string_or_form_data(river):
    fail_to_log_in()

    attempt = AccessAttempt.objects.get(username="river")
    assert "grief" not in attempt.get_data
    assert "grief" not in attempt.post_data
    assert "grief" not in attempt.path_info


def test_a_failed_log_in_keeps_the_browser_family_not_the_full_agent(river):
    fail_to_log_in()

    attempt = AccessAttempt.objects.get(username="river")
    assert attempt.user_agent == "Firefox"
    assert attempt.http_accept == ""


def test_the_log_in_page_still_keeps_where_the_person_was_going(river):
    response = fail_to_log_in()

    assert 'value="/journal/entries/?q=grief"' in response.content.decode()


def record_attempt_at(moment, address="192.0.2.1"):
    with time_machine.travel(moment):
        AccessAttempt.objects.create(
            username="river", ip_address=address, failures_since_start=5
        )


def test_lock_out_records_older_than_the_retention_are_forgotten(river):
    now = timezone.now()
    record_attempt_at(now - lockout_records.RETENTION - datetime.timedelta(1))
    record_attempt_at(
        now - lockout_records.RETENTION + datetime.timedelta(1), "192.0.2.2"
    )

    lockout_records.forget_old(now, dry_run=False)

    kept = list(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert kept == ["192.0.2.2"]


def test_our_failure_counts_are_forgotten_once_no_rule_reads_them(river):
    now = timezone.now()
    lockout.record_failure("river", "192.0.2.1", now - datetime.timedelta(hours=2))
    lockout.record_failure("river", "192.0.2.2", now - datetime.timedelta(minutes=5))

    lockout_records.forget_old(now, dry_run=False)

    kept = list(LoginFailure.objects.values_list("ip_address", flat=True))
    assert kept == ["192.0.2.2"]


def test_a_dry_run_counts_and_forgets_nothing(river):
    now = timezone.now()
    record_attempt_at(now - lockout_records.RETENTION - datetime.timedelta(1))

    report = lockout_records.forget_old(now, dry_run=True)

    assert report.startswith("1 lock-out record")
    assert AccessAttempt.objects.count() == 1


def test_the_periodic_runner_forgets_old_lock_out_records(river):
    now = timezone.now()
    record_attempt_at(now - lockout_records.RETENTION - datetime.timedelta(1))

    outcomes = periodic.run_all(now)

    assert "lock-out-records" in [outcome.name for outcome in outcomes]
    assert not AccessAttempt.objects.exists()
