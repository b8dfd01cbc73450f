"""The five guided exercises, defined once: their questions, choices and versions.

Stored answers carry the exercise's key and version and keep choice *keys*, never
labels, so rewording a question, adding a language or publishing a version 2 never
breaks an entry written under version 1: every version stays in ``ALL_VERSIONS``.

``base`` holds the building blocks; each exercise has its own module. Everything the
rest of the code uses is importable from here.
"""

from core.skills import Skill
from journal.exercises.definitions.activity_plan import ACTIVITY_PLAN
from journal.exercises.definitions.base import (
    OTHER,
    SCALE_MAX,
    SCALE_MIN,
    STRENGTH_HELP,
    Choice,
    Exercise,
    Kind,
    Question,
    Stage,
    Step,
)
from journal.exercises.definitions.conversation_plan import CONVERSATION_PLAN
from journal.exercises.definitions.name_the_feeling import (
    FEELING_CHOICES,
    NAME_THE_FEELING,
)
from journal.exercises.definitions.ride_the_wave import COPING_CHOICES, RIDE_THE_WAVE
from journal.exercises.definitions.thought_record import THOUGHT_RECORD

__all__ = [
    "ACTIVITY_PLAN",
    "ALL_VERSIONS",
    "CONVERSATION_PLAN",
    "COPING_CHOICES",
    "EXERCISES",
    "FEELING_CHOICES",
    "KEYS",
    "NAME_THE_FEELING",
    "OTHER",
    "RIDE_THE_WAVE",
    "SCALE_MAX",
    "SCALE_MIN",
    "STRENGTH_HELP",
    "THOUGHT_RECORD",
    "Choice",
    "Exercise",
    "Kind",
    "Question",
    "Stage",
    "Step",
    "find",
    "for_skill",
]

EXERCISES: dict[Skill, Exercise] = {
    exercise.skill: exercise
    for exercise in (
        NAME_THE_FEELING,
        RIDE_THE_WAVE,
        THOUGHT_RECORD,
        CONVERSATION_PLAN,
        ACTIVITY_PLAN,
    )
}

# Every version ever published, so answers stored under an old one stay readable.
ALL_VERSIONS: dict[tuple[str, int], Exercise] = {
    (exercise.key, exercise.version): exercise for exercise in EXERCISES.values()
}

KEYS = tuple(sorted({key for key, _version in ALL_VERSIONS}))


def for_skill(slug: str) -> Exercise | None:
    """The current exercise of a skill slug, or None for anything else."""
    return EXERCISES.get(Skill(slug)) if slug in Skill.values else None


def find(key: str, version: int) -> Exercise | None:
    """The exercise a stored answer was written under, or None if unknown."""
    return ALL_VERSIONS.get((key, version))
