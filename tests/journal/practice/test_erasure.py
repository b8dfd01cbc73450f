"""Erasing an account removes its plans, their items, ticks and missed days."""

import datetime

import pytest

from accounts.erasure import erase_account
from journal.models import PracticeItem, PracticeMiss, PracticePlan, PracticeTick
from journal.practice import services
from tests.journal.practice.helpers import item, make_practice_plan

pytestmark = pytest.mark.django_db


def test_erasing_an_account_removes_every_row_of_its_plans(owner, other_user):
    for person in (owner, other_user):
        plan = make_practice_plan(person, item(family="", technique="", text="Walk"))
        services.tick(plan.items.get(), datetime.date(2026, 11, 24))
        services.set_missed_reason(plan, datetime.date(2026, 11, 23), "forgot")

    erase_account(owner, remember=False)

    for model in (PracticePlan, PracticeItem, PracticeTick, PracticeMiss):
        assert model.objects.count() == 1, model.__name__
    assert PracticePlan.objects.get().owner == other_user
