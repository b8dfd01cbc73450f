"""The benchmark's people: 200 with three years of practice, 20 who began a week ago.

Made once in the benchmark's own database (``build_people``), then reused while
``DATA_VERSION`` and the counts are the same; signed in for each run (``sign_in``).
"""

import datetime
import hashlib
import random
import time
from dataclasses import dataclass

from benchmarks.serving import say

DATA_VERSION = "6"  # bump when the generated history or its storage changes shape
THREE_YEARS = 3 * 365 + 1
SHARE_TOKEN_SALT = "between-sessions-benchmark"  # noqa: S105 - a local test database


NOTES = [
    "Named the feeling before I answered and my voice stayed calm.",
    "Cold water on my face and slow breathing in the car park until it passed.",
    "Wrote the thought down and looked for what else could be true.",
    "Asked for what I needed at work, clearly and kindly, and it went all right.",
    "Went for a short walk although I felt flat; a little lighter afterwards.",
    "Noticed the urge to check my phone and rode it out for ten minutes.",
    "Told my sister I could not come on Sunday without apologising five times.",
    "Made the bed and opened the window, then called a friend.",
    "Counted five things I could see when the panic started on the bus.",
    "Caught myself mind-reading in the meeting and checked the evidence.",
]


def share_token(username: str) -> str:
    return hashlib.sha256(f"{SHARE_TOKEN_SALT}:{username}".encode()).hexdigest()


# --- the data -------------------------------------------------------------------


def build_people(args) -> None:
    """Make the people and their history unless this version of it is there."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_guide", verbosity=0)
    marker = f"bench-data-v{DATA_VERSION}-{args.users}-{args.new_users}"
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_marker (name text)")
        cursor.execute("SELECT name FROM bench_marker")
        row = cursor.fetchone()
    if row and row[0] == marker and not args.rebuild:
        say(f"Reusing the people in the database ({marker}).")
        refresh_share_links()
        return
    started = time.monotonic()
    get_user_model().objects.filter(username__startswith="bench-").delete()
    for number in range(args.users):
        make_person(f"bench-{number:03d}", days=THREE_YEARS, seed=number)
        if number % 20 == 19:
            say(f"  {number + 1} of {args.users} people with three years made")
    for number in range(args.new_users):
        make_person(f"bench-new-{number:03d}", days=7, seed=10_000 + number)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM bench_marker")
        cursor.execute("INSERT INTO bench_marker VALUES (%s)", [marker])
        # What autovacuum does to a live database within minutes: the visibility
        # map, so a count reads the index only, and the planner's statistics.
        cursor.execute("VACUUM ANALYZE")
    cache.clear()
    say(f"Made the people in {time.monotonic() - started:.0f} s.")


def _made_up_answer(row, rng) -> dict:
    """A plausible value for one diary-card row."""
    if row.kind == "yes-no":
        return {"value": rng.random() < 0.8}
    if row.kind == "number":
        return {"value": rng.randint(4, 9)}
    answer = {"value": rng.randint(0, 5)}
    if row.is_urge:
        answer["acted"] = rng.random() < 0.1
    return answer


def make_person(username: str, *, days: int, seed: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import profile_for
    from core.skills import Skill
    from journal.card import digest as card_digest
    from journal.card import services as card_services
    from journal.exercises.answers import build_note
    from journal.exercises.definitions import THOUGHT_RECORD
    from journal.models import (
        ActivityPlan,
        CheckIn,
        Entry,
        NamedSkill,
        PracticeMiss,
        RestDay,
        SessionStar,
        TalkPoint,
        TherapySession,
        WeeklyReflection,
    )
    from journal.practice import goals as practice_goals
    from journal.practice import services as practice_services
    from journal.services.exercises import fill_entry
    from journal.sessions import queries as session_queries
    from journal.sessions import services as session_services
    from journal.skills.builtin import of_family
    from safety.services import save_plan
    from sharing.models import ShareLink
    from sharing.services import hash_token

    rng = random.Random(seed)  # noqa: S311 - made-up data
    now = timezone.now()
    with transaction.atomic():
        user = get_user_model().objects.create_user(username)
        profile = profile_for(user)
        profile.time_zone = "America/New_York"
        profile.language = "es" if seed % 4 == 3 else "en"
        profile.save()
        today = profile.today()
        first = today - datetime.timedelta(days=days - 1)
        # Three named skills of their own, as a therapist might teach them.
        own = [
            NamedSkill.objects.create(owner=user, family=family, name=name)
            for family, name in (
                (Skill.DISTRESS_TOLERANCE, "Ice cube in hand"),
                (Skill.EMOTIONAL_REGULATION, "Wise mind"),
                (Skill.BEHAVIORAL_ACTIVATION, "Call a friend"),
            )
        ]
        entries, rest_days = [], []
        for offset in range(days):
            day = first + datetime.timedelta(days=offset)
            if offset < days - 7 and rng.random() < 0.03:
                rest_days.append(
                    RestDay(owner=user, day=day, reason=rng.choice(["", "Ill"]))
                )
                continue
            if rng.random() < 0.15:
                continue
            for _ in range(rng.randint(1, 3)):
                moment = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(rng.randint(7, 21)))
                )
                entry = Entry(owner=user, practiced_on=day, created_at=min(moment, now))
                if rng.random() < 0.08:
                    answers = {
                        "situation": "Team meeting",
                        "thought": "They think I am useless",
                        "feeling": "Ashamed",
                        "feeling_before": rng.randint(5, 9),
                        "evidence_against": "I was thanked for the report",
                        "balanced_thought": "One frown is not a verdict on me",
                        "feeling_after": rng.randint(1, 5),
                    }
                    fill_entry(entry, THOUGHT_RECORD, answers)
                    entry.note = build_note(THOUGHT_RECORD, answers)
                else:
                    entry.skill = rng.choice(Skill.values)
                    entry.note = rng.choice(NOTES)
                    if rng.random() < 0.6:
                        entry.distress_before = rng.randint(3, 10)
                        entry.distress_after = rng.randint(0, entry.distress_before)
                    if rng.random() < 0.5:
                        entry.helpfulness = rng.randint(1, 5)
                    named = rng.random()
                    if named < 0.15:
                        entry.named_skill = rng.choice(
                            [s for s in own if s.family == entry.skill] or [None]
                        )
                    elif named < 0.6:
                        entry.technique = rng.choice(of_family(entry.skill)).slug
                entries.append(entry)
        Entry.objects.bulk_create(entries, batch_size=1000)
        RestDay.objects.bulk_create(rest_days)
        WeeklyReflection.objects.bulk_create(
            WeeklyReflection(
                owner=user,
                week_of=first + datetime.timedelta(weeks=week),
                what_helped="Walking after work, and saying no once.",
                what_was_hard="Sunday evenings.",
                for_next_session="Why Sundays are hard.",
            )
            for week in range(days // 7)
            if rng.random() < 0.7
        )
        session_services.add_schedule(
            user,
            every_weeks=1,
            starts_on=first + datetime.timedelta(days=rng.randint(0, 6)),
            at=datetime.time(17),
            zone=profile.time_zone,
            label="Dr. R.",
            today=today,
            now=now,
        )
        coming = session_queries.upcoming(user, now)
        recent = Entry.objects.for_user(user).order_by("-practiced_on")[:40]
        SessionStar.objects.bulk_create(
            SessionStar(entry=entry, session=coming) for entry in recent[::13]
        )
        TalkPoint.objects.bulk_create(
            TalkPoint(owner=user, session=coming, text=text, position=n)
            for n, text in enumerate(["How I slept", "Saying no at work"])
        )
        ActivityPlan.objects.create(
            owner=user,
            exercise_version=1,
            activity="Ten minutes in the park after lunch",
            planned_on=today,
            expected=3,
        )
        # A practice plan until the next session: Today counts it, the summary and
        # the shared page show it against what happened.
        held = (
            TherapySession.objects.for_user(user)
            .held()
            .values_list("starts_at", flat=True)
        )
        plan = practice_services.create_plan(
            user,
            practice_goals.plan_span(today, {moment.date(): None for moment in held}),
            [
                {
                    "family": Skill.DISTRESS_TOLERANCE,
                    "technique": "paced-breathing",
                    "times": 4,
                    "why": "It slows me down before I answer.",
                    "obstacle": "Forgetting when I am rushed.",
                    "then": "Do it on the bus home.",
                },
                {"text": "Evening walk", "each_day": True},
            ],
            session=coming,
        )
        practice_services.tick(plan.items.order_by("position")[1], today)
        practice_services.set_missed_reason(
            plan, plan.starts_on, PracticeMiss.Reason.NO_TIME
        )
        # A full safety plan: its page and the help page that shows it first.
        save_plan(
            user,
            {
                "warning_signs": ["I stop answering messages", "I can't sleep"],
                "coping_strategies": ["Go for a walk", "Take a warm shower"],
                "people_and_places": ["The library", "Calling Sam just to chat"],
                "contacts": [
                    {"name": "Sam", "phone": "+1 555 010 2030"},
                    {"name": "Jo", "phone": "555 010 4050"},
                ],
                "professionals": [{"name": "Dr. R.", "phone": "555 010 6070"}],
                "safer_surroundings": ["Go somewhere I feel safe"],
                "reasons_for_living": ["The people who love me", "My dog"],
            },
            now,
        )
        # A full paper DBT card, checked in on most days: the week and the share
        # page draw it, the check-in asks about every row.
        rows = card_services.add_rows(
            user,
            [
                ("urge", "Urge to self-harm", True),
                ("urge", "Urge to drink", False),
                ("urge", "Urge to quit therapy", False),
                ("emotion", "Sadness", False),
                ("emotion", "Anger", False),
                ("emotion", "Fear", False),
                ("emotion", "Shame", False),
                ("number", "Hours slept", False),
                ("yes-no", "Took medication", False),
            ],
        )
        CheckIn.objects.bulk_create(
            CheckIn(
                owner=user,
                day=first + datetime.timedelta(days=offset),
                values={
                    "rows": {str(row.uuid): _made_up_answer(row, rng) for row in rows},
                    "skills": rng.randint(0, 7),
                },
                sentence=rng.choice(["", "A steadier day."]),
            )
            for offset in range(days)
            if rng.random() < 0.8
        )
        # As every writer of check-ins does: progress reads the digest.
        card_digest.refresh(user)
        ShareLink.objects.create(
            owner=user,
            token_hash=hash_token(share_token(username)),
            weeks=4,
            include_notes=True,
            include_card=True,
            include_urges=True,
            include_plan=True,
            display_name="Alex",
            first_day=today - datetime.timedelta(weeks=3, days=today.weekday()),
            last_day=today + datetime.timedelta(days=6 - today.weekday()),
            created_at=now,
            expires_at=now + datetime.timedelta(days=30),
        )


def refresh_share_links() -> None:
    """Links made on an earlier day: move their weeks and expiry to today's."""
    from django.utils import timezone

    from accounts.models import Profile
    from sharing.models import ShareLink

    today = Profile(time_zone="America/New_York").today()
    now = timezone.now()
    ShareLink.objects.filter(owner__username__startswith="bench-").update(
        first_day=today - datetime.timedelta(weeks=3, days=today.weekday()),
        last_day=today + datetime.timedelta(days=6 - today.weekday()),
        expires_at=now + datetime.timedelta(days=30),
        revoked_at=None,
    )


@dataclass
class Person:
    username: str
    session_key: str
    token: str
    # Their last complete week's address (the week starts on their own day): seven
    # days of notes and a full card whatever the weekday of the run; this week's
    # page on its first day shows one day and measured a third lighter.
    week: str

    def path(self, template: str) -> str:
        return template.format(token=self.token, week=self.week)


def sign_in(prefix: str) -> list[Person]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    people = []
    for user in (
        get_user_model()
        .objects.filter(username__startswith=prefix)
        .order_by("username")
    ):
        client = Client()
        client.force_login(user)
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        this_week = client.get("/journal/week/")["Location"]
        first_day = datetime.date.fromisoformat(this_week.rstrip("/").rsplit("/")[-1])
        week = reverse("journal:week", args=[first_day - datetime.timedelta(days=7)])
        people.append(Person(user.username, key, share_token(user.username), week))
    return people
