"""With a practice plan, the reminder says there is one: never what is in it."""

import datetime

import pytest

from journal.practice.goals import PlanSpan
from tests.journal.practice.helpers import item, make_practice_plan
from tests.reminders.test_sending import AT_EIGHT_LA, person, run

pytestmark = pytest.mark.django_db

WEEK = PlanSpan(datetime.date(2026, 11, 16), datetime.date(2026, 11, 22))


def test_the_reminder_says_a_plan_is_waiting(mailoutbox):
    make_practice_plan(person(), item(why="Calms my chest"), span=WEEK)

    run(AT_EIGHT_LA)

    (message,) = mailoutbox
    assert "Your plan for this week is waiting." in message.body
    for secret in ("Paced breathing", "Calms my chest", "4"):
        assert secret not in message.body.split("http")[0]
        assert secret not in message.subject


def test_without_a_plan_the_reminder_says_nothing_of_one(mailoutbox):
    person()

    run(AT_EIGHT_LA)

    assert "plan" not in mailoutbox[0].body.lower()


def test_a_plan_that_ended_is_not_mentioned(mailoutbox):
    last_week = PlanSpan(datetime.date(2026, 11, 9), datetime.date(2026, 11, 15))
    make_practice_plan(person(), item(), span=last_week)

    run(AT_EIGHT_LA)

    assert "Your plan for this week" not in mailoutbox[0].body


def test_the_line_is_in_the_persons_language(mailoutbox):
    user = person()
    user.profile.language = "es"
    user.profile.save()
    make_practice_plan(user, item(), span=WEEK)

    run(AT_EIGHT_LA)

    assert "Tu plan de esta semana te espera." in mailoutbox[0].body
