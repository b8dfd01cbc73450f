"""Thought record (cognitive restructuring): a thought, its evidence, a balance."""

from django.utils.translation import gettext_lazy as _

from core.skills import Skill
from journal.exercises.definitions.base import (
    STRENGTH_HELP,
    Exercise,
    Kind,
    Question,
    Step,
    scale,
)

THOUGHT_RECORD = Exercise(
    key="thought-record",
    skill=Skill.COGNITIVE_RESTRUCTURING,
    version=1,
    technique="thought-record",
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
        scale(
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
            _("What does not support it"),
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
        scale(
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
    steps=(
        Step(_("The moment"), ("situation", "thought")),
        Step(_("The feeling"), ("feeling", "feeling_before")),
        Step(_("Weighing it up"), ("evidence_for", "evidence_against")),
        Step(_("A balanced view"), ("balanced_thought", "feeling_after")),
    ),
)
