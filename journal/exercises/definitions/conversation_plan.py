"""Plan a conversation (communication): what I want, what I will say."""

from django.utils.translation import gettext_lazy as _

from core.skills import Skill
from journal.exercises.definitions.base import (
    Exercise,
    Kind,
    Question,
    Step,
)

CONVERSATION_PLAN = Exercise(
    key="conversation-plan",
    skill=Skill.COMMUNICATION,
    version=1,
    technique="i-statements",
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
    steps=(
        Step(_("What you want"), ("want",)),
        Step(_("What you'll say"), ("words",)),
        Step(_("Afterwards"), ("how_it_went",)),
    ),
)
