"""The benchmark's made-up people can still be made with today's models and
services (the benchmark is not run in CI, so a move of the code would otherwise
only show when someone next runs `make bench`)."""

import pytest

from benchmarks.people import make_person
from journal.models import (
    CardRow,
    CheckIn,
    CheckInDigest,
    Entry,
    PracticeMiss,
    PracticePlan,
    PracticeTick,
    SessionStar,
    TalkPoint,
)
from journal.practice.queries import plan_for_day
from safety.models import SafetyPlan
from sharing.models import ShareLink

pytestmark = pytest.mark.django_db


def test_a_benchmark_person_has_entries_sessions_and_a_share_link():
    make_person("bench-test-person", days=21, seed=3)

    assert Entry.objects.filter(owner__username="bench-test-person").exists()
    named = Entry.objects.filter(owner__username="bench-test-person")
    assert named.exclude(technique="").exists()
    assert ShareLink.objects.filter(owner__username="bench-test-person").count() == 1
    assert SessionStar.objects.exists() or TalkPoint.objects.exists()
    assert SafetyPlan.objects.filter(owner__username="bench-test-person").exists()
    assert CardRow.objects.filter(owner__username="bench-test-person").count() == 9
    assert CheckIn.objects.filter(owner__username="bench-test-person").exists()
    assert CheckInDigest.objects.filter(owner__username="bench-test-person").exists()
    plan = PracticePlan.objects.get(owner__username="bench-test-person")
    assert plan.items.count() == 2
    assert PracticeTick.objects.filter(item__plan=plan).exists()
    assert PracticeMiss.objects.filter(plan=plan).exists()
    assert plan_for_day(plan.owner, plan.owner.profile.today()) is not None
    assert ShareLink.objects.get(owner=plan.owner).include_plan
