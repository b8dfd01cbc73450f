"""Make a demo account with a few weeks of practice (for screenshots and try-outs)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import profile_for
from journal.exercises.answers import build_note
from journal.exercises.definitions import THOUGHT_RECORD
from journal.models import (
    ActivityPlan,
    Entry,
    SessionStar,
    TalkPoint,
    TherapySession,
)
from journal.services.exercises import fill_entry

PRACTICE = [
    # (days ago, skill, note, distress before, distress after)
    (0, "emotional-regulation", "Named the anger before I answered my brother.", 7, 4),
    (
        0,
        "communication",
        "Asked my manager for one quiet afternoon a week.",
        None,
        None,
    ),
    (1, "distress-tolerance", "Cold water and slow breathing in the car park.", 8, 5),
    (2, "behavioral-activation", "Walked to the bakery although I felt flat.", 6, 3),
    (3, "emotional-regulation", "Noticed the tight chest and gave it a name.", 6, 4),
    (5, "communication", "Said no to the extra shift, kindly and clearly.", 5, 3),
    (6, "distress-tolerance", "Rode out the urge to send that text.", 9, 6),
]


# A development-only account (the command refuses with DEBUG off): not a secret.
DEMO_PASSWORD = "demo-practice-journal"  # noqa: S105


class Command(BaseCommand):
    help = (
        "Create the account 'demo' (password 'demo-practice-journal') with two weeks "
        "of entries, a thought record, a plan, sessions and a talk list. Refuses if "
        "the account exists, and never runs with DEBUG off."
    )

    def handle(self, *args, **options):
        from django.conf import settings

        if not settings.DEBUG:
            raise CommandError("seed_demo is for development only (DJANGO_DEBUG=1).")
        users = get_user_model()
        if users.objects.filter(username="demo").exists():
            raise CommandError(
                "The account 'demo' exists already; nothing was changed."
            )
        user = users.objects.create_user("demo", password=DEMO_PASSWORD)
        profile = profile_for(user)
        profile.display_name = "Sam"
        profile.save()
        today = profile.today()
        now = timezone.now()
        entries = []
        for days_ago, skill, note, before, after in PRACTICE:
            entries.append(
                Entry.objects.create(
                    owner=user,
                    practiced_on=today - datetime.timedelta(days=days_ago),
                    skill=skill,
                    note=note,
                    distress_before=before,
                    distress_after=after,
                )
            )
        answers = {
            "situation": "Team meeting",
            "thought": "They think I am useless",
            "feeling": "Ashamed",
            "feeling_before": 8,
            "evidence_against": "I was thanked for the report last week",
            "balanced_thought": "One frown is not a verdict on me",
            "feeling_after": 4,
        }
        record = fill_entry(Entry(owner=user), THOUGHT_RECORD, answers)
        record.practiced_on = today - datetime.timedelta(days=1)
        record.note = build_note(THOUGHT_RECORD, answers)
        record.save()
        ActivityPlan.objects.create(
            owner=user,
            exercise_version=1,
            activity="Ten minutes in the park after lunch",
            planned_on=today,
            expected=3,
        )
        TherapySession.objects.create(
            owner=user,
            starts_at=now - datetime.timedelta(days=6),
            time_zone=profile.time_zone,
            label="Dr. R.",
        )
        coming = TherapySession.objects.create(
            owner=user,
            starts_at=now + datetime.timedelta(days=1),
            time_zone=profile.time_zone,
            label="Dr. R.",
        )
        TalkPoint.objects.create(owner=user, session=coming, text="How I slept")
        TalkPoint.objects.create(
            owner=user, session=coming, text="Saying no at work", position=1
        )
        SessionStar.objects.create(entry=entries[5], session=coming)
        self.stdout.write("Created 'demo' with 8 entries, a plan and two sessions.")
