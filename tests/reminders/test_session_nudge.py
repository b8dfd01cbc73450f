"""The evening before a session: one kind message that the summary is ready."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from accounts.models import profile_for
from journal.models import TherapySession
from reminders import rules
from reminders.models import PushSubscription, ReminderSettings, SessionNudge
from reminders.sending import send_nudges
from tests.factories import make_entry, make_user
from tests.reminders.test_push import Browser, PushService, vapid  # noqa: F401

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
LA = "America/Los_Angeles"
# Thursday 26 November 2026, 17:00 in Los Angeles.
SESSION_AT = datetime.datetime(2026, 11, 27, 1, 0, tzinfo=UTC)
# Wednesday 25 November, 19:00 in Los Angeles: the evening before.
EVENING_BEFORE = datetime.datetime(2026, 11, 26, 3, 0, tzinfo=UTC)


def person(username="river", **reminder):
    user = make_user(username)
    user.email = f"{username}@example.org"
    user.save()
    profile = profile_for(user)
    profile.time_zone = LA
    profile.confirmed_email = user.email
    profile.save()
    ReminderSettings.objects.create(user=user, session_nudge=True, **reminder)
    TherapySession.objects.create(owner=user, starts_at=SESSION_AT, time_zone=LA)
    return user


def run(at):
    with time_machine.travel(at, tick=False):
        return send_nudges(at)


# --- pure rules -------------------------------------------------------------------------


def situation(**changes):
    facts = {
        "now": EVENING_BEFORE,
        "time_zone": LA,
        "nudge_time": datetime.time(19),
        "session_at": SESSION_AT,
        "paused_until": None,
        "already_sent": False,
        "has_channel": True,
    }
    facts.update(changes)
    return rules.NudgeSituation(**facts)


def test_the_nudge_is_due_at_the_chosen_time_the_evening_before():
    assert rules.nudge_is_due(situation())
    assert not rules.nudge_is_due(
        situation(now=EVENING_BEFORE - datetime.timedelta(minutes=1))
    )
    assert not rules.nudge_is_due(
        situation(now=EVENING_BEFORE + datetime.timedelta(hours=2))
    )


def test_the_nudge_is_never_due_twice_while_paused_or_without_a_way_to_send():
    assert not rules.nudge_is_due(situation(already_sent=True))
    assert not rules.nudge_is_due(situation(paused_until=datetime.date(2026, 11, 25)))
    assert not rules.nudge_is_due(situation(has_channel=False))


def test_a_session_early_in_the_morning_is_still_nudged_the_evening_before():
    early = datetime.datetime(2026, 11, 26, 16, 30, tzinfo=UTC)  # 08:30 in LA

    assert rules.nudge_is_due(situation(session_at=early))


def test_the_nudge_follows_the_clock_across_daylight_saving():
    # Monday 2 November, 17:00 in LA, the day after the clocks went back.
    session_at = datetime.datetime(2026, 11, 3, 1, 0, tzinfo=UTC)
    sunday_seven_pm = datetime.datetime(2026, 11, 2, 3, 0, tzinfo=UTC)  # PST

    assert rules.nudge_is_due(situation(session_at=session_at, now=sunday_seven_pm))


# --- sending -------------------------------------------------------------------------------


def test_the_nudge_is_sent_once(mailoutbox):
    person()

    first = run(EVENING_BEFORE)
    again = run(EVENING_BEFORE + datetime.timedelta(minutes=5))

    assert (first.sent, again.sent) == (1, 0)
    assert len(mailoutbox) == 1
    assert SessionNudge.objects.count() == 1


def test_the_nudge_says_only_that_the_summary_is_ready(mailoutbox):
    user = person()
    make_entry(user, practiced_on=datetime.date(2026, 11, 24), note="Panic at work")

    run(EVENING_BEFORE)

    [message] = mailoutbox
    assert message.subject == "Your summary for tomorrow is ready"
    assert "/journal/sessions/next/" in message.body
    assert "Panic" not in message.body and "Panic" not in message.subject


def test_the_nudge_reaches_a_real_smtp_server_with_one_click_unsubscribe(smtp_inbox):
    person()

    run(EVENING_BEFORE)

    [message] = smtp_inbox
    assert message["Subject"] == "Your summary for tomorrow is ready"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_nudge_without_opting_in(mailoutbox):
    user = person()
    ReminderSettings.objects.filter(user=user).update(session_nudge=False)

    run(EVENING_BEFORE)

    assert mailoutbox == []


def test_no_nudge_while_paused(mailoutbox):
    person(paused_until=datetime.date(2026, 11, 30))

    run(EVENING_BEFORE)

    assert mailoutbox == []


def test_no_nudge_for_a_skipped_session(mailoutbox):
    person()
    TherapySession.objects.update(is_skipped=True)

    run(EVENING_BEFORE)

    assert mailoutbox == []


def test_the_daily_reminder_and_the_nudge_are_separate_choices(mailoutbox):
    person(enabled=False)

    run(EVENING_BEFORE)

    assert len(mailoutbox) == 1


def test_the_nudge_arrives_as_an_encrypted_push_that_decrypts_to_kind_words(
    vapid,  # noqa: F811
):
    service, browser = PushService(), Browser()
    try:
        user = person(channel_email=False, channel_push=True)
        PushSubscription.objects.create(
            user=user,
            endpoint=f"http://127.0.0.1:{service.port}/push/abc123",
            **browser.keys,
        )

        run(EVENING_BEFORE)

        [(_headers, body)] = service.received
    finally:
        service.close()
    assert browser.decrypt(body) == {
        "title": "Your summary for tomorrow is ready",
        "body": "Before your session, you can look over what you practiced since "
        "last time.",
        "url": "/journal/sessions/next/",
    }


def test_the_command_sends_nudges_and_makes_sessions_ahead(mailoutbox):
    person()
    output = StringIO()

    with time_machine.travel(EVENING_BEFORE, tick=False):
        call_command("send_reminders", stdout=output)

    assert "1 session nudges sent" in output.getvalue()
    assert len(mailoutbox) == 1


def test_the_settings_page_offers_the_nudge(owner_client):
    html = owner_client.get("/accounts/reminders/").content.decode()

    assert 'name="session_nudge"' in html
    assert 'name="session_nudge_time"' in html


def test_the_nudge_can_be_chosen_and_timed_in_settings(owner_client, owner):
    owner.email = "owner@example.org"
    owner.save()

    response = owner_client.post(
        "/accounts/reminders/",
        {
            "time": "20:00",
            "days": ["0"],
            "channel_email": "on",
            "session_nudge": "on",
            "session_nudge_time": "18:30",
        },
    )

    reminder = ReminderSettings.objects.get(user=owner)
    assert response.status_code == 302
    assert reminder.session_nudge and not reminder.enabled
    assert reminder.session_nudge_time == datetime.time(18, 30)


def test_the_nudge_needs_a_way_to_reach_the_person(owner_client, owner):
    response = owner_client.post(
        "/accounts/reminders/",
        {"time": "20:00", "days": ["0"], "session_nudge": "on"},
    )

    assert "Choose how the reminder should reach you." in response.content.decode()
    assert not ReminderSettings.objects.filter(user=owner).exists()
