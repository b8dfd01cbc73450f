"""The journal's models, one module per concern; import them from here."""

from journal.models.base import OwnedQuerySet
from journal.models.card import CardRow, CheckIn, CheckInDigest
from journal.models.entries import Entry, WeeklyReflection
from journal.models.practice import ActivityPlan, RestDay
from journal.models.practice_plans import (
    PracticeItem,
    PracticeMiss,
    PracticePlan,
    PracticeTick,
)
from journal.models.sessions import (
    SessionSchedule,
    SessionStar,
    TalkPoint,
    TherapySession,
)
from journal.models.skills import NamedSkill

__all__ = [
    "ActivityPlan",
    "CardRow",
    "CheckIn",
    "CheckInDigest",
    "Entry",
    "NamedSkill",
    "OwnedQuerySet",
    "PracticeItem",
    "PracticeMiss",
    "PracticePlan",
    "PracticeTick",
    "RestDay",
    "SessionSchedule",
    "SessionStar",
    "TalkPoint",
    "TherapySession",
    "WeeklyReflection",
]
