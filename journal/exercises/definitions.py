"""The five guided exercises, defined once: their questions, choices and versions.

Stored answers carry the exercise's key and version and keep choice *keys*, never
labels, so rewording a question, adding a language or publishing a version 2 never
breaks an entry written under version 1: every version stays in ``ALL_VERSIONS``.
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
class Exercise:
    key: str
    skill: Skill
    version: int
    title: Promise
    summary: Promise
    questions: tuple[Question, ...]
    # The 0–10 scales that fill the entry's distress_before / distress_after, so an
    # exercise counts in the distress figures like any entry.
    before: str | None = None
    after: str | None = None
    # The answer that fills the entry's situation field.
    situation: str | None = None
    # Two scales shown side by side, before and after (or expected and actual).
    compare: tuple[str, str] | None = None
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


def _scale(key, label, short, *, help_text, is_required=True, stage=Stage.NOW):
    return Question(
        key,
        Kind.SCALE,
        label,
        short,
        help=help_text,
        is_required=is_required,
        stage=stage,
    )


STRENGTH_HELP = _("0 is not at all, 10 is the strongest you can imagine.")

THOUGHT_RECORD = Exercise(
    key="thought-record",
    skill=Skill.COGNITIVE_RESTRUCTURING,
    version=1,
    title=_("Thought record"),
    summary=_(
        "Write down a thought that upset you, look at what supports it and what "
        "does not, and find a more balanced way to see it."
    ),
    questions=(
        Question(
            "situation",
            Kind.TEXT,
            _("What was the situation?"),
            _("Situation"),
            help=_("Where you were, who was there, what happened."),
            max_length=200,
        ),
        Question(
            "thought",
            Kind.LONG_TEXT,
            _("What thought showed up?"),
            _("Thought"),
            help=_("Write it the way it sounded in your head."),
            max_length=200,
        ),
        Question(
            "feeling",
            Kind.TEXT,
            _("What did you feel?"),
            _("Feeling"),
            help=_("One or two words, like anxious, ashamed or angry."),
            max_length=60,
        ),
        _scale(
            "feeling_before",
            _("How strong was the feeling? (0–10)"),
            _("How strong"),
            help_text=STRENGTH_HELP,
        ),
        Question(
            "evidence_for",
            Kind.LONG_TEXT,
            _("What supports the thought?"),
            _("What supports it"),
            is_required=False,
            max_length=300,
        ),
        Question(
            "evidence_against",
            Kind.LONG_TEXT,
            _("What does not support it?"),
            _("What does not"),
            help=_("What would you say to a friend who had this thought?"),
            is_required=False,
            max_length=300,
        ),
        Question(
            "balanced_thought",
            Kind.LONG_TEXT,
            _("A more balanced thought"),
            _("A more balanced thought"),
            help=_("Something true that takes both sides into account."),
            max_length=300,
        ),
        _scale(
            "feeling_after",
            _("How strong is the feeling now? (0–10)"),
            _("How strong now"),
            help_text=STRENGTH_HELP,
            is_required=False,
        ),
    ),
    before="feeling_before",
    after="feeling_after",
    situation="situation",
    compare=("feeling_before", "feeling_after"),
)

ACTIVITY_PLAN = Exercise(
    key="activity-plan",
    skill=Skill.BEHAVIORAL_ACTIVATION,
    version=1,
    title=_("Activity plan"),
    summary=_(
        "Plan one small activity, guess how good it will feel, then notice how it "
        "actually felt. Doing often feels better than we expect."
    ),
    questions=(
        Question(
            "activity",
            Kind.TEXT,
            _("What small activity will you do?"),
            _("Activity"),
            help=_("Something doable, like a ten-minute walk or calling a friend."),
            max_length=200,
            stage=Stage.PLAN,
        ),
        Question(
            "planned_on",
            Kind.DATE,
            _("On which day?"),
            _("Day"),
            stage=Stage.PLAN,
        ),
        Question(
            "planned_at",
            Kind.TIME,
            _("At what time? (optional)"),
            _("Time"),
            help=_("Leave it empty for any time that day."),
            is_required=False,
            stage=Stage.PLAN,
        ),
        _scale(
            "expected",
            _("How good do you expect it to feel? (0–10)"),
            _("Expected to feel"),
            help_text=_("0 is not good at all, 10 is as good as it gets."),
            stage=Stage.PLAN,
        ),
        _scale(
            "actual",
            _("How good did it actually feel? (0–10)"),
            _("Actually felt"),
            help_text=_("0 is not good at all, 10 is as good as it gets."),
            stage=Stage.AFTER,
        ),
        _scale(
            "achievement",
            _("How much of a sense of achievement did it give you? (0–10)"),
            _("Sense of achievement"),
            help_text=_("0 is none, 10 is a lot. Small steps count."),
            stage=Stage.AFTER,
        ),
    ),
    compare=("expected", "actual"),
)

FEELING_CHOICES = (
    Choice("angry", _("Angry")),
    Choice("sad", _("Sad")),
    Choice("anxious", _("Anxious or afraid")),
    Choice("ashamed", _("Ashamed")),
    Choice("guilty", _("Guilty")),
    Choice("lonely", _("Lonely")),
    Choice("overwhelmed", _("Overwhelmed")),
    Choice("hurt", _("Hurt")),
    Choice(OTHER, _("Something else")),
)

NAME_THE_FEELING = Exercise(
    key="name-the-feeling",
    skill=Skill.EMOTIONAL_REGULATION,
    version=1,
    title=_("Name the feeling"),
    summary=_(
        "Name what you feel, notice it in your body and rate it, then see how it "
        "changes after you do something with it."
    ),
    questions=(
        Question(
            "feeling",
            Kind.CHOICE,
            _("What are you feeling?"),
            _("Feeling"),
            choices=FEELING_CHOICES,
            other_key="feeling_other",
        ),
        Question(
            "feeling_other",
            Kind.TEXT,
            _("If something else: which feeling?"),
            _("Feeling"),
            is_required=False,
            max_length=60,
            completes="feeling",
        ),
        Question(
            "body",
            Kind.TEXT,
            _("Where do you notice it in your body?"),
            _("In the body"),
            help=_("For example: a tight chest, hot face, heavy shoulders."),
            is_required=False,
            max_length=200,
        ),
        _scale(
            "strength_before",
            _("How strong is it? (0–10)"),
            _("How strong"),
            help_text=STRENGTH_HELP,
        ),
        Question(
            "action",
            Kind.LONG_TEXT,
            _("What did you do with the feeling?"),
            _("What I did"),
            help=_("For example: slowed my breathing, named it out loud, took a walk."),
            max_length=400,
        ),
        _scale(
            "strength_after",
            _("How strong is it now? (0–10)"),
            _("How strong now"),
            help_text=STRENGTH_HELP,
            is_required=False,
        ),
    ),
    before="strength_before",
    after="strength_after",
    compare=("strength_before", "strength_after"),
)

COPING_CHOICES = (
    Choice("noticed-urge", _("Noticed the urge and waited")),
    Choice("breathing", _("Slow breathing, out longer than in")),
    Choice("cold", _("Cold water or something cold")),
    Choice("grounding", _("Grounding: five things I see, three I hear")),
    Choice("distraction", _("Something absorbing to take my mind off it")),
    Choice("soothing", _("Soothing: music, a warm drink, a blanket")),
    Choice("reached-out", _("Reached out to someone")),
    Choice(OTHER, _("Something else")),
)

RIDE_THE_WAVE = Exercise(
    key="ride-the-wave",
    skill=Skill.DISTRESS_TOLERANCE,
    version=1,
    title=_("Ride the wave"),
    summary=_(
        "Describe the urge or wave of distress, what you did to get through it, and "
        "how strong it was before and after."
    ),
    questions=(
        Question(
            "urge",
            Kind.TEXT,
            _("What was the urge or wave?"),
            _("The wave"),
            help=_("For example: wanting to send an angry text, or to leave."),
            max_length=280,
        ),
        _scale(
            "strength_before",
            _("How strong was it? (0–10)"),
            _("How strong"),
            help_text=STRENGTH_HELP,
        ),
        Question(
            "coping",
            Kind.CHOICES,
            _("What did you do to get through it?"),
            _("What I did"),
            help=_("Choose all that apply."),
            choices=COPING_CHOICES,
            other_key="coping_other",
        ),
        Question(
            "coping_other",
            Kind.TEXT,
            _("If something else: what did you do?"),
            _("Also"),
            is_required=False,
            max_length=200,
            completes="coping",
        ),
        _scale(
            "strength_after",
            _("How strong is it now? (0–10)"),
            _("How strong now"),
            help_text=STRENGTH_HELP,
            is_required=False,
        ),
    ),
    before="strength_before",
    after="strength_after",
    compare=("strength_before", "strength_after"),
)

CONVERSATION_PLAN = Exercise(
    key="conversation-plan",
    skill=Skill.COMMUNICATION,
    version=1,
    title=_("Plan a conversation"),
    summary=_(
        "Before a hard conversation, write what you want and what you will say. "
        "Afterwards, come back and note how it went."
    ),
    questions=(
        Question(
            "want",
            Kind.LONG_TEXT,
            _("What do you want from this conversation?"),
            _("What I want"),
            help=_("One specific thing is easiest to ask for."),
            max_length=300,
        ),
        Question(
            "words",
            Kind.LONG_TEXT,
            _("What will you say?"),
            _("What I will say"),
            help=_("Try an “I” statement: “I feel … when … I would like …”"),
            max_length=500,
        ),
        Question(
            "how_it_went",
            Kind.LONG_TEXT,
            _("How did it go? (optional, you can add it later)"),
            _("How it went"),
            help=_("Edit this entry after the conversation to add it."),
            is_required=False,
            max_length=500,
            is_follow_up=True,
        ),
    ),
)

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
