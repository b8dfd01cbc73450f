"""The rows a person can add to their card with one tap; none is chosen for them.

Self-harm and suicide are offered only inside a folded section that explains itself
(templates/journal/card/card.html): they are added marked as risk rows, so the
check-in answers a high rating or "acted on it" with the crisis lines.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from journal.models import CardRow


@dataclass(frozen=True)
class Suggestion:
    key: str
    kind: str
    name: Promise
    is_risk: bool = False


SUGGESTIONS = [
    Suggestion("sadness", CardRow.Kind.EMOTION, _("Sadness")),
    Suggestion("anger", CardRow.Kind.EMOTION, _("Anger")),
    Suggestion("fear", CardRow.Kind.EMOTION, _("Fear")),
    Suggestion("shame", CardRow.Kind.EMOTION, _("Shame")),
    Suggestion("joy", CardRow.Kind.EMOTION, _("Joy")),
    Suggestion("sleep", CardRow.Kind.NUMBER, _("Hours slept")),
    Suggestion("medication", CardRow.Kind.YES_NO, _("Took medication")),
    Suggestion("meals", CardRow.Kind.YES_NO, _("Ate regular meals")),
    Suggestion("movement", CardRow.Kind.YES_NO, _("Moved my body")),
    Suggestion("using", CardRow.Kind.URGE, _("Urge to drink or use")),
    Suggestion("bingeing", CardRow.Kind.URGE, _("Urge to binge")),
    Suggestion("lashing-out", CardRow.Kind.URGE, _("Urge to lash out")),
]

# Shown only when the person opens the section about them.
RISK_SUGGESTIONS = [
    Suggestion("self-harm", CardRow.Kind.URGE, _("Urge to self-harm"), is_risk=True),
    Suggestion(
        "suicidal-thoughts",
        CardRow.Kind.URGE,
        _("Suicidal thoughts"),
        is_risk=True,
    ),
]

BY_KEY = {suggestion.key: suggestion for suggestion in SUGGESTIONS + RISK_SUGGESTIONS}
