"""Ride the wave (distress tolerance): get through an urge and rate it."""

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
    technique="ride-the-wave",
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
        scale(
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
        Step(_("The wave"), ("urge", "strength_before")),
        Step(_("Getting through it"), ("coping", "coping_other")),
        Step(_("Now"), ("strength_after",)),
    ),
)
