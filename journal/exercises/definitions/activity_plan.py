"""Activity plan (behavioral activation): plan it, then say how it felt."""

from django.utils.translation import gettext_lazy as _

from core.skills import Skill
from journal.exercises.definitions.base import (
    Exercise,
    Kind,
    Question,
    Stage,
    Step,
    scale,
)

ACTIVITY_PLAN = Exercise(
    key="activity-plan",
    skill=Skill.BEHAVIORAL_ACTIVATION,
    version=1,
    technique="activity-scheduling",
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
        scale(
            "expected",
            _("How good do you expect it to feel? (0–10)"),
            _("Expected to feel"),
            help_text=_("0 is not good at all, 10 is as good as it gets."),
            stage=Stage.PLAN,
        ),
        scale(
            "actual",
            _("How good did it actually feel? (0–10)"),
            _("Actually felt"),
            help_text=_("0 is not good at all, 10 is as good as it gets."),
            stage=Stage.AFTER,
        ),
        scale(
            "achievement",
            _("How much of a sense of achievement did it give you? (0–10)"),
            _("Sense of achievement"),
            help_text=_("0 is none, 10 is a lot. Small steps count."),
            stage=Stage.AFTER,
        ),
    ),
    compare=("expected", "actual"),
    steps=(
        Step(_("The activity"), ("activity",)),
        Step(_("When"), ("planned_on", "planned_at")),
        Step(_("How it may feel"), ("expected",)),
        Step(_("How it felt"), ("actual", "achievement")),
    ),
)
