"""send_reminders: once a day per person, in their zone, kind words, no journal text."""

import datetime
import threading
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

from accounts.models import profile_for
from reminders.models import Delivery, ReminderSettings
from reminders.sending import send_due
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db

NOTE = "Walked round the block when the panic came; it passed."


def utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


# Wednesday 2026-11-18, 20:00 in Los Angeles.
AT_EIGHT_LA = utc(2026, 11, 19, 4, 0)


def person(username="river", time_zone="America/Los_Angeles", **reminder):
    user = make_user(username)
    user.email = f"{username}@example.org"
    user.save()
    profile = profile_for(user)
    profile.time_zone = time_zone
    profile.confirmed_email = user.email
    profile.save()
    ReminderSettings.objects.create(user=user, enabled=True, **reminder)
    return user


def run(at):
    with time_machine.travel(at, tick=False):
        return send_due(at)


def test_a_due_reminder_is_sent_once(mailoutbox):
    person()

    first = run(AT_EIGHT_LA)
    again = run(AT_EIGHT_LA + datetime.timedelta(minutes=1))

    assert (first.sent, again.sent) == (1, 0)
    assert len(mailoutbox) == 1
    assert Delivery.objects.get().local_date == datetime.date(2026, 11, 18)


def test_nothing_is_sent_before_the_time(mailoutbox):
    person()

    run(AT_EIGHT_LA - datetime.timedelta(minutes=1))

    assert mailoutbox == []


def test_nothing_is_sent_after_logging_today(mailoutbox):
    user = person()
    make_entry(user, practiced_on=datetime.date(2026, 11, 18))

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_an_entry_from_yesterday_does_not_count_as_today(mailoutbox):
    user = person()
    make_entry(user, practiced_on=datetime.date(2026, 11, 17))

    run(AT_EIGHT_LA)

    assert len(mailoutbox) == 1


def test_nothing_is_sent_while_paused(mailoutbox):
    person(paused_until=datetime.date(2026, 11, 20))

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_nothing_is_sent_on_a_day_not_chosen(mailoutbox):
    person(days="0134")  # no Wednesday

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_nothing_is_sent_to_an_unconfirmed_address(mailoutbox):
    user = person()
    profile = profile_for(user)
    profile.confirmed_email = ""
    profile.save()

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_nothing_is_sent_when_reminders_are_off(mailoutbox):
    user = person()
    ReminderSettings.objects.filter(user=user).update(enabled=False)

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_a_run_more_than_two_hours_late_skips_the_day(mailoutbox):
    person()

    run(AT_EIGHT_LA + datetime.timedelta(hours=2, minutes=1))

    assert mailoutbox == []


def test_each_person_is_reminded_at_their_own_evening(mailoutbox):
    person("la")
    person("madrid", time_zone="Europe/Madrid")

    run(utc(2026, 11, 18, 19, 0))  # 20:00 in Madrid, 11:00 in Los Angeles

    assert [message.to for message in mailoutbox] == [["madrid@example.org"]]


@pytest.mark.parametrize(
    ("time_zone", "local_eight_pm_utc"),
    [
        ("America/New_York", utc(2026, 11, 2, 1, 0)),  # the day clocks fell back
        ("Europe/Berlin", utc(2026, 3, 29, 18, 0)),  # the day clocks sprang forward
    ],
)
def test_daylight_saving_changes_keep_the_local_time(
    mailoutbox, time_zone, local_eight_pm_utc
):
    person(time_zone=time_zone)

    early = run(local_eight_pm_utc - datetime.timedelta(minutes=1))
    on_time = run(local_eight_pm_utc)

    assert (early.sent, on_time.sent) == (0, 1)


def test_a_zone_change_moves_the_reminder(mailoutbox):
    user = person()
    profile = profile_for(user)
    profile.time_zone = "Europe/Madrid"
    profile.save()

    old_evening = run(AT_EIGHT_LA)
    new_evening = run(utc(2026, 11, 19, 19, 0))

    assert (old_evening.sent, new_evening.sent) == (0, 1)


def test_the_words_hold_no_journal_text_skill_or_count(mailoutbox):
    user = person()
    make_entry(user, practiced_on=datetime.date(2026, 11, 17), note=NOTE)

    run(AT_EIGHT_LA)

    [message] = mailoutbox
    text = f"{message.subject}\n{message.body}"
    assert "panic" not in text and "Emotional" not in text
    assert message.subject == "A moment for your practice?"
    assert "Two sentences is plenty" in message.body


def test_the_email_offers_one_click_unsubscribe(mailoutbox):
    person()

    run(AT_EIGHT_LA)

    headers = mailoutbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["List-Unsubscribe"].startswith("<http")
    assert "/accounts/reminders/unsubscribe/" in headers["List-Unsubscribe"]


def test_the_reminder_reaches_a_real_smtp_server(smtp_inbox):
    person()

    run(AT_EIGHT_LA)

    [message] = smtp_inbox
    assert message.recipients == ["river@example.org"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_failed_send_is_retried_by_the_next_run(mailoutbox, settings):
    person()
    settings.EMAIL_BACKEND = "tests.reminders.failing_mail.Backend"

    failed = run(AT_EIGHT_LA)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retried = run(AT_EIGHT_LA + datetime.timedelta(minutes=1))

    assert (failed.failed, retried.sent) == (1, 1)


def test_the_command_reports_what_it_did(mailoutbox):
    person()
    output = StringIO()

    with time_machine.travel(AT_EIGHT_LA, tick=False):
        call_command("send_reminders", stdout=output)

    assert "1 reminders sent" in output.getvalue().splitlines()[3]


def test_a_dry_run_sends_nothing(mailoutbox):
    person()
    output = StringIO()

    with time_machine.travel(AT_EIGHT_LA, tick=False):
        call_command("send_reminders", "--dry-run", stdout=output)

    assert mailoutbox == []
    assert not Delivery.objects.exists()
    assert "1 reminders would be sent" in output.getvalue()


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_runners_at_once_send_one_message(mailoutbox):
    person()
    results = []
    barrier = threading.Barrier(2)

    def runner():
        barrier.wait()
        try:
            results.append(send_due(AT_EIGHT_LA))
        finally:
            connection.close()

    threads = [threading.Thread(target=runner) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sum(result.sent for result in results) == 1
    assert Delivery.objects.count() == 1
    assert len(mailoutbox) == 1


def test_no_reminder_on_a_rest_day(mailoutbox):
    from journal.models import RestDay

    user = person()
    RestDay.objects.create(owner=user, day=datetime.date(2026, 11, 18))

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_a_diary_card_check_in_counts_as_practice_for_the_day(mailoutbox):
    from tests.journal.card.helpers import check_in, make_row

    user = person()
    row = make_row(user, "Sadness", kind="emotion")
    check_in(user, datetime.date(2026, 11, 18), {row: 2})

    run(AT_EIGHT_LA)

    assert mailoutbox == []


def test_a_reminder_never_speaks_of_the_card(mailoutbox):
    from tests.journal.card.helpers import check_in, make_row

    user = person()
    row = make_row(user, "Urge to self-harm", risk=True)
    check_in(user, datetime.date(2026, 11, 17), {row: (5, True)})

    run(AT_EIGHT_LA)

    (message,) = mailoutbox
    words = f"{message.subject} {message.body}".lower()
    assert "self-harm" not in words and "urge" not in words and "card" not in words
