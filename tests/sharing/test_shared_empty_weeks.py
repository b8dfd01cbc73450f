"""The share page's empty weeks: one calm line, no tables of zeros."""

import datetime

import pytest
from django.utils import timezone

from journal.models import RestDay
from tests.factories import make_entry, make_share_link

pytestmark = pytest.mark.django_db

D = datetime.date


def test_an_empty_shared_week_says_so_in_one_line(client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17))  # one of the link's four weeks
    _link, url = make_share_link(owner, timezone.now(), include_notes=True)

    page = client.get(url).content.decode()

    assert page.count("No entries this week.") == 3
    assert "0 entries." not in page
    assert "No notes this week." not in page
    assert page.count('<li class="week-day') == 7


def test_an_empty_shared_week_counts_its_rest_days(client, owner):
    RestDay.objects.create(owner=owner, day=D(2026, 10, 28))
    _link, url = make_share_link(owner, timezone.now())

    page = client.get(url).content.decode()

    assert "No entries this week (1 rest day)." in page
