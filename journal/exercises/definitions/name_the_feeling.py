"""Name the feeling (emotional regulation): name it, rate it, act, rate again."""

from django.utils.translation import gettext_lazy as _

from core.skills import Skill
from journal.exercises.definitions.base import (
    OTHER,
    STRENGTH_HELP,
    Choice,
    Exercise,
    Kind,
    Question,
    Step,
    scale,
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
    technique="name-the-feeling",
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
        scale(
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
        scale(
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
    steps=(
        Step(_("The feeling"), ("feeling", "feeling_other")),
        Step(_("In your body"), ("body", "strength_before")),
        Step(_("What you did"), ("action", "strength_after")),
    ),
)
