"""Hypothesis profiles for the fuzz tests, and the clock every security test shares."""

import datetime
import os
from unittest import mock

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, settings

# A Saturday; the week holding it starts on Monday 2026-11-16.
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)

_SHARED = {
    "deadline": None,
    # One test drives many requests through function-scoped fixtures (client, db):
    # rows are counted per example instead of relying on a reset between examples.
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
    # No example database: a run writes nothing outside the test run itself.
    "database": None,
}
settings.register_profile("ci", max_examples=200, derandomize=True, **_SHARED)
settings.register_profile("dev", max_examples=30, **_SHARED)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield FIXED_NOW
