"""seed_demo: a demo account for screenshots and try-outs, never in production."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from journal.models import ActivityPlan, Entry, TalkPoint, TherapySession

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings):
    # The test runner switches DEBUG off; the command is for development only.
    settings.DEBUG = True


DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_the_demo_account_has_weeks_of_practice_and_sessions(development):
    call_command("seed_demo", stdout=StringIO())

    assert Entry.objects.filter(owner__username="demo").count() == 8
    assert Entry.objects.filter(exercise="thought-record").count() == 1
    assert ActivityPlan.objects.count() == 1
    assert TherapySession.objects.count() == 2
    assert TalkPoint.objects.count() == 2


def test_a_second_run_changes_nothing(development):
    call_command("seed_demo", stdout=StringIO())

    with pytest.raises(CommandError, match="exists already"):
        call_command("seed_demo", stdout=StringIO())
    assert Entry.objects.count() == 8


def test_it_refuses_outside_development(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="development only"):
        call_command("seed_demo", stdout=StringIO())


def test_the_design_document_shows_every_component_in_both_themes():
    text = (DOCS / "design.md").read_text()

    pictures = re.findall(r"\(img/([a-z-]+)-(light|dark)\.png\)", text)
    names = {name for name, _theme in pictures}
    assert len(names) >= 12
    for name in names:
        for theme in ("light", "dark"):
            assert (name, theme) in pictures
            assert (DOCS / "img" / f"{name}-{theme}.png").exists()
