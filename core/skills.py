"""The five skills, defined once.

The journal (forms, statistics, exports) and the guide (one page per skill, whose
slug is the skill's slug) both read this module, so a skill's slug, name and
description never drift apart between pages. It lives in core because both apps
need it and neither may import the other.
"""

from dataclasses import dataclass

from django.db import models
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


def all_skills() -> list[SkillInfo]:
    """Every skill in the order therapy usually introduces them."""
    return [SkillInfo(s.value, s.label, DESCRIPTIONS[s]) for s in Skill]


def skill_in_link(url: str) -> SkillInfo | None:
    """The skill a "log this skill" link asks for (``…?skill=<slug>``), if any.

    Log-in and sign-up use it to say why they are in the way, and to keep it.
    """
    from urllib.parse import parse_qs, urlsplit

    slug = parse_qs(urlsplit(url).query).get("skill", [""])[0]
    if slug not in Skill.values:
        return None
    skill = Skill(slug)
    return SkillInfo(skill.value, skill.label, DESCRIPTIONS[skill])
