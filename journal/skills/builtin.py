"""The built-in named skills, a short list under each of the five families.

Widely taught in DBT and CBT; each is described in one plain, factual sentence
(never a promise of effect). Their slugs are interface: they are an entry's
``technique`` in forms, history links, the CSV and the JSON.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.skills import Skill


@dataclass(frozen=True)
class BuiltInSkill:
    slug: str
    family: Skill
    name: Promise
    description: Promise
    # Said wherever the description is: what to check before trying it.
    caution: Promise | str = ""


TIPP_CAUTION = _(
    "Cold water on the face slows the heart sharply and intense exercise strains "
    "it: if you have a heart condition, a low heart rate, take heart medication or "
    "have an eating disorder, ask a doctor first."
)

BUILT_IN = (
    BuiltInSkill(
        "check-the-facts",
        Skill.EMOTIONAL_REGULATION,
        _("Check the facts"),
        _(
            "Ask whether the feeling, and how strong it is, fits what actually "
            "happened."
        ),
    ),
    BuiltInSkill(
        "opposite-action",
        Skill.EMOTIONAL_REGULATION,
        _("Opposite action"),
        _(
            "When a feeling does not fit the facts, act opposite to its urge: "
            "approach when fear says avoid."
        ),
    ),
    BuiltInSkill(
        "please",
        Skill.EMOTIONAL_REGULATION,
        _("PLEASE"),
        _(
            "Look after your body to be less vulnerable: treat illness, eat in a "
            "balanced way, avoid mood-altering substances, sleep enough, exercise."
        ),
    ),
    BuiltInSkill(
        "name-the-feeling",
        Skill.EMOTIONAL_REGULATION,
        _("Name the feeling"),
        _("Put a word to what you feel."),
    ),
    BuiltInSkill(
        "tipp",
        Skill.DISTRESS_TOLERANCE,
        _("TIPP"),
        _(
            "Bring very high arousal down fast: Temperature (cold water on the "
            "face), Intense exercise (briefly), Paced breathing, Paired muscle "
            "relaxation."
        ),
        TIPP_CAUTION,
    ),
    BuiltInSkill(
        "stop",
        Skill.DISTRESS_TOLERANCE,
        _("STOP"),
        _("Stop, Take a step back, Observe, then Proceed mindfully."),
    ),
    BuiltInSkill(
        "self-soothe",
        Skill.DISTRESS_TOLERANCE,
        _("Self-soothe"),
        _("Comfort yourself through the five senses."),
    ),
    BuiltInSkill(
        "paced-breathing",
        Skill.DISTRESS_TOLERANCE,
        _("Paced breathing"),
        _("Breathe out for longer than you breathe in."),
    ),
    BuiltInSkill(
        "radical-acceptance",
        Skill.DISTRESS_TOLERANCE,
        _("Radical acceptance"),
        _("Accept what is, which is not the same as approving of it."),
    ),
    BuiltInSkill(
        "ride-the-wave",
        Skill.DISTRESS_TOLERANCE,
        _("Ride the wave"),
        _("Notice an urge rise and fall without acting on it."),
    ),
    BuiltInSkill(
        "thought-record",
        Skill.COGNITIVE_RESTRUCTURING,
        _("Thought record"),
        _(
            "Write down the situation, the feeling, the thought, the evidence for "
            "and against it and a balanced thought, then rate the feeling again."
        ),
    ),
    BuiltInSkill(
        "catch-the-thought",
        Skill.COGNITIVE_RESTRUCTURING,
        _("Catch the thought"),
        _("Notice the automatic thought that came with a feeling."),
    ),
    BuiltInSkill(
        "decatastrophising",
        Skill.COGNITIVE_RESTRUCTURING,
        _("Decatastrophising"),
        _("Think through the worst, the best and the most likely outcome."),
    ),
    BuiltInSkill(
        "dear-man",
        Skill.COMMUNICATION,
        _("DEAR MAN"),
        _(
            "For asking for something or saying no: Describe, Express, Assert, "
            "Reinforce; stay Mindful, Appear confident, Negotiate."
        ),
    ),
    BuiltInSkill(
        "give",
        Skill.COMMUNICATION,
        _("GIVE"),
        _(
            "For keeping the relationship: be Gentle, act Interested, Validate, "
            "use an Easy manner."
        ),
    ),
    BuiltInSkill(
        "fast",
        Skill.COMMUNICATION,
        _("FAST"),
        _(
            "For keeping your self-respect: be Fair, no needless Apologies, Stick "
            "to your values, be Truthful."
        ),
    ),
    BuiltInSkill(
        "i-statements",
        Skill.COMMUNICATION,
        _("“I” statements"),
        _(
            "Say how it is for you (“I feel…”, “I need…”) instead of what the other "
            "person is."
        ),
    ),
    BuiltInSkill(
        "activity-scheduling",
        Skill.BEHAVIORAL_ACTIVATION,
        _("Activity scheduling"),
        _("Plan one specific activity for a specific time."),
    ),
    BuiltInSkill(
        "one-small-step",
        Skill.BEHAVIORAL_ACTIVATION,
        _("One small step"),
        _("Do just the first small, doable part of something."),
    ),
    BuiltInSkill(
        "pleasant-events",
        Skill.BEHAVIORAL_ACTIVATION,
        _("Pleasant events"),
        _("Do something you usually enjoy, on purpose."),
    ),
    BuiltInSkill(
        "mastery-and-pleasure",
        Skill.BEHAVIORAL_ACTIVATION,
        _("Mastery and pleasure"),
        _(
            "After an activity, rate how much it gave you a sense of achievement "
            "and of enjoyment."
        ),
    ),
)

BY_SLUG = {skill.slug: skill for skill in BUILT_IN}
SLUGS = tuple(BY_SLUG)


def of_family(family: str) -> tuple[BuiltInSkill, ...]:
    """The family's built-in named skills, in the order they are listed above."""
    return tuple(skill for skill in BUILT_IN if skill.family == family)
