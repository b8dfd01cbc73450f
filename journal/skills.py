"""The five skills, defined once.

Forms, statistics, guide links and exports all read this module, so a skill's slug,
name and description never drift apart between pages.
"""

from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Skill(models.TextChoices):
    EMOTIONAL_REGULATION = "emotional-regulation", _("Emotional regulation")
    DISTRESS_TOLERANCE = "distress-tolerance", _("Distress tolerance")
    COGNITIVE_RESTRUCTURING = "cognitive-restructuring", _("Cognitive restructuring")
    COMMUNICATION = "communication", _("Communication skills")
    BEHAVIORAL_ACTIVATION = "behavioral-activation", _("Behavioral activation")


DESCRIPTIONS = {
    Skill.EMOTIONAL_REGULATION: _(
        "Noticing and naming strong feelings, and managing them before they drive "
        "a reaction you regret."
    ),
    Skill.DISTRESS_TOLERANCE: _(
        "Staying with discomfort without running from it or making it worse."
    ),
    Skill.COGNITIVE_RESTRUCTURING: _(
        "Catching thoughts that make anxiety or shame louder, and revising them."
    ),
    Skill.COMMUNICATION: _(
        "Saying what you need clearly and setting limits, without aggression and "
        "without collapsing."
    ),
    Skill.BEHAVIORAL_ACTIVATION: _(
        "Doing small things regularly, especially on hard days, so each step makes "
        "the next one easier."
    ),
}


@dataclass(frozen=True)
class SkillInfo:
    slug: str
    name: str
    description: str

    @property
    def guide_url(self) -> str:
        # The guide's skill pages use the skill's slug as their own slug.
        return reverse("guide:article", kwargs={"slug": self.slug})


def all_skills() -> list[SkillInfo]:
    """Every skill in the order therapy usually introduces them."""
    return [SkillInfo(s.value, s.label, DESCRIPTIONS[s]) for s in Skill]


def get_skill(slug: str) -> SkillInfo | None:
    """The skill with this slug, or None for an unknown slug."""
    for skill in all_skills():
        if skill.slug == slug:
            return skill
    return None
