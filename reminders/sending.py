"""Finding who is due a reminder, claiming it, and sending it.

Run every minute by `run_periodic` through reminders/jobs.py.
"""

import datetime
import logging
from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import translation

from journal.models import CheckIn, Entry, PracticePlan, RestDay, TherapySession
from reminders import channels
from reminders.models import Delivery, PushSubscription, ReminderSettings, SessionNudge
from reminders.rules import NudgeSituation, Situation, is_due, local_now, nudge_is_due

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RunReport:
    sent: int
    claimed_elsewhere: int
    failed: int


def _candidates(now):
    """Enabled settings whose person's clock is in the sending window, with dates."""
    rows = ReminderSettings.objects.filter(enabled=True).select_related("user__profile")
    for reminder in rows:
        profile = reminder.user.profile
        yield reminder, profile, local_now(now, profile.time_zone).date()


def due_now(now) -> list[tuple[ReminderSettings, object, list[str]]]:
    """(settings, local date, channels) of everyone due; a fixed number of queries."""
    candidates = list(_candidates(now))
    if not candidates:
        return []
    users = [reminder.user_id for reminder, _profile, _day in candidates]
    days = {day for _reminder, _profile, day in candidates}
    logged = set(
        Entry.objects.filter(owner_id__in=users, practiced_on__in=days).values_list(
            "owner_id", "practiced_on"
        )
    )
    # A day's diary-card check-in is practice too: its day only, never what it says.
    logged |= set(
        CheckIn.objects.filter(owner_id__in=users, day__in=days).values_list(
            "owner_id", "day"
        )
    )
    sent = set(
        Delivery.objects.filter(user_id__in=users, local_date__in=days).values_list(
            "user_id", "local_date"
        )
    )
    resting = set(
        RestDay.objects.filter(owner_id__in=users, day__in=days).values_list(
            "owner_id", "day"
        )
    )
    subscribed = set(
        PushSubscription.objects.filter(user_id__in=users).values_list(
            "user_id", flat=True
        )
    )
    due = []
    for reminder, profile, day in candidates:
        reachable = channels.reachable(
            reminder, profile, has_subscription=reminder.user_id in subscribed
        )
        situation = Situation(
            now=now,
            time_zone=profile.time_zone,
            reminder_time=reminder.time,
            weekdays=reminder.weekdays,
            paused_until=reminder.paused_until,
            logged_today=(reminder.user_id, day) in logged,
            already_sent_today=(reminder.user_id, day) in sent,
            is_rest_day=(reminder.user_id, day) in resting,
            has_channel=bool(reachable),
        )
        if is_due(situation):
            due.append((reminder, day, reachable))
    return due


def with_a_plan(due) -> set:
    """(person, day) of the due reminders whose person has a practice plan that
    day: one query. Only that a plan exists; the reminder never names it."""
    if not due:
        return set()
    days = [day for _reminder, day, _reachable in due]
    plans = PracticePlan.objects.filter(
        owner_id__in=[reminder.user_id for reminder, _day, _reachable in due],
        starts_on__lte=max(days),
        ends_on__gte=min(days),
    ).values_list("owner_id", "starts_on", "ends_on")
    return {
        (reminder.user_id, day)
        for reminder, day, _reachable in due
        for owner_id, first, last in plans
        if owner_id == reminder.user_id and first <= day <= last
    }


def send_due(now, *, dry_run: bool = False) -> RunReport:
    """Send every due reminder once, even with two runners at the same moment."""
    found = due_now(now)
    planned = with_a_plan(found)
    due = [
        (
            reminder,
            reachable,
            partial(
                Delivery.objects.create,
                user_id=reminder.user_id,
                local_date=day,
                sent_at=now,
                channels=",".join(reachable),
            ),
            (reminder.user_id, day) in planned,
        )
        for reminder, day, reachable in found
    ]
    return _send_each(due, nudge=False, dry_run=dry_run)


def _send_each(due, *, nudge: bool, dry_run: bool) -> RunReport:
    """Claim each message, send it, and give the claim back if sending fails.

    A claim is a row under a unique constraint (one reminder per person and day, one
    nudge per session), so a second runner's claim fails and nothing goes out twice;
    a claim given back lets a later run within the window try again.
    """
    kind = "Session nudge" if nudge else "Reminder"
    sent = claimed_elsewhere = failed = 0
    for reminder, reachable, claim, has_plan in due:
        if dry_run:
            sent += 1
            continue
        try:
            with transaction.atomic():
                claimed = claim()
        except IntegrityError:
            claimed_elsewhere += 1  # another runner has it
            continue
        try:
            with translation.override(reminder.user.profile.language):
                channels.deliver(reminder, reachable, nudge=nudge, has_plan=has_plan)
        except Exception:
            logger.exception("%s for user %s not delivered", kind, reminder.user_id)
            claimed.delete()
            failed += 1
            continue
        logger.info("%s sent to user %s", kind, reminder.user_id)
        sent += 1
    return RunReport(sent=sent, claimed_elsewhere=claimed_elsewhere, failed=failed)


# The nudge goes out the evening before: only sessions this close are looked at.
NUDGE_LOOKAHEAD = datetime.timedelta(days=2)


def nudges_due(now) -> list[tuple[ReminderSettings, TherapySession, list[str]]]:
    """(settings, session, channels) of every nudge due now; a fixed query count."""
    rows = list(
        ReminderSettings.objects.filter(session_nudge=True).select_related(
            "user__profile"
        )
    )
    if not rows:
        return []
    users = [reminder.user_id for reminder in rows]
    upcoming = {}
    for session in (
        TherapySession.objects.filter(
            owner_id__in=users,
            is_skipped=False,
            starts_at__gt=now,
            starts_at__lte=now + NUDGE_LOOKAHEAD,
        )
        .order_by("starts_at")
        .only("pk", "owner_id", "starts_at")
    ):
        upcoming.setdefault(session.owner_id, session)
    sent = set(
        SessionNudge.objects.filter(
            session_id__in=[s.pk for s in upcoming.values()]
        ).values_list("session_id", flat=True)
    )
    subscribed = set(
        PushSubscription.objects.filter(user_id__in=users).values_list(
            "user_id", flat=True
        )
    )
    due = []
    for reminder in rows:
        session = upcoming.get(reminder.user_id)
        if session is None:
            continue
        profile = reminder.user.profile
        reachable = channels.reachable(
            reminder, profile, has_subscription=reminder.user_id in subscribed
        )
        situation = NudgeSituation(
            now=now,
            time_zone=profile.time_zone,
            nudge_time=reminder.session_nudge_time,
            session_at=session.starts_at,
            paused_until=reminder.paused_until,
            already_sent=session.pk in sent,
            has_channel=bool(reachable),
        )
        if nudge_is_due(situation):
            due.append((reminder, session, reachable))
    return due


def send_nudges(now, *, dry_run: bool = False) -> RunReport:
    """Send each due session nudge once, even with two runners at the same moment."""
    due = [
        (
            reminder,
            reachable,
            partial(
                SessionNudge.objects.create,
                session=session,
                sent_at=now,
                channels=",".join(reachable),
            ),
            False,
        )
        for reminder, session, reachable in nudges_due(now)
    ]
    return _send_each(due, nudge=True, dry_run=dry_run)
