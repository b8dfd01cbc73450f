"""Writing the safety plan: one service, so the page and the import agree."""

from django.db import transaction
from django.utils import timezone

from safety.models import SafetyPlan
from safety.steps import STEPS


def save_plan(user, values: dict, now=None) -> SafetyPlan | None:
    """Save the person's plan from cleaned step values; an empty plan is removed.

    Returns the saved plan, or None when every step was left empty (the person then
    has no plan, and the help page is the public one again).
    """
    now = now or timezone.now()
    if not any(values.get(step.key) for step in STEPS):
        SafetyPlan.objects.for_user(user).delete()
        return None
    with transaction.atomic():
        plan, created = SafetyPlan.objects.select_for_update().get_or_create(
            owner=user, defaults={"created_at": now, "updated_at": now}
        )
        for step in STEPS:
            setattr(plan, step.key, list(values.get(step.key) or []))
        plan.updated_at = now
        plan.save()
    return plan
