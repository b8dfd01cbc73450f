"""The building blocks of a guided exercise: question kinds, stages, questions.

Each exercise lives in its own module beside this one; the package's ``__init__``
gathers them into the registry the rest of the code looks up.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.skills import Skill

SCALE_MIN, SCALE_MAX = 0, 10
OTHER = "other"


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long-text"  # a few lines
    SCALE = "scale"  # a whole number from 0 to 10
    CHOICE = "choice"  # one key from a list
    CHOICES = "choices"  # any number of keys from a list
    DATE = "date"
    TIME = "time"


class Stage(StrEnum):
    """When a question is asked: all at once, or (for a plan) before and after."""

    NOW = "now"
    PLAN = "plan"
    AFTER = "after"


@dataclass(frozen=True)
class Choice:
    key: str
    label: Promise


@dataclass(frozen=True)
class Question:
    key: str
    kind: Kind
    label: Promise
    # The few words that introduce the answer in the entry's note and on cards.
    short: Promise
    help: Promise | str = ""
    is_required: bool = True
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()
    # For a CHOICE or CHOICES question with an "other" choice: the TEXT question that
    # holds what the person typed, asked only when "other" is picked.
    other_key: str | None = None
    # For the TEXT question behind "other": the question it completes.
    completes: str | None = None
    stage: Stage = Stage.NOW
    # Answered afterwards, by editing the entry: the card offers to add it.
    is_follow_up: bool = False

    @property
    def choice_keys(self) -> frozenset[str]:
        return frozenset(choice.key for choice in self.choices)

    def choice_label(self, key: str) -> str:
        for choice in self.choices:
            if choice.key == key:
                return str(choice.label)
        return key


@dataclass(frozen=True)
class Step:
    """A few questions a phone shows on one screen, under a short heading.

    Only how the form is laid out: answers never mention steps, so regrouping the
    questions needs no new version.
    """

    title: Promise
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Exercise:
    key: str
    skill: Skill
    version: int
    title: Promise
    summary: Promise
    questions: tuple[Question, ...]
    # The built-in named skill an entry of this exercise names
    # (journal/skills/builtin.py): the thought record is "thought-record".
    technique: str = ""
    # The 0–10 scales that fill the entry's distress_before / distress_after, so an
    # exercise counts in the distress figures like any entry.
    before: str | None = None
    after: str | None = None
    # The answer that fills the entry's situation field.
    situation: str | None = None
    # Two scales shown side by side, before and after (or expected and actual).
    compare: tuple[str, str] | None = None
    # The questions in short steps, in order; every question is in exactly one.
    steps: tuple[Step, ...] = ()
    questions_by_key: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "questions_by_key", {q.key: q for q in self.questions})

    def question(self, key: str) -> Question:
        return self.questions_by_key[key]

    def questions_for(self, *stages: Stage) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.stage in stages)

    @property
    def is_plan(self) -> bool:
        """A plan is saved first and becomes an entry once the person has done it."""
        return any(q.stage == Stage.PLAN for q in self.questions)


def scale(key, label, short, *, help_text, is_required=True, stage=Stage.NOW):
    return Question(
        key,
        Kind.SCALE,
        label,
        short,
        help=help_text,
        is_required=is_required,
        stage=stage,
    )


# Shared by the exercises that rate how strong a feeling or urge is.
STRENGTH_HELP = _("0 is not at all, 10 is the strongest you can imagine.")
