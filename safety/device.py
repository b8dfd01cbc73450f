"""The copy of a plan a device keeps when the person chooses "keep my plan on this
phone": plain data for core/js/site/kept-plan.js, which draws it at the top of the
offline page (and the help page read offline) with no connection.

It carries the steps' titles in the language the plan was read in, so the offline
page, precached once, needs no words of its own for them.
"""

from django.utils.translation import pgettext

from safety.models import Contact


def _item(item) -> dict | str:
    if isinstance(item, Contact):
        return {"name": item.name, "phone": item.phone, "dial": item.link_number}
    return item


def kept_copy(plan) -> dict:
    """The plan as the device keeps it: each step with something in it, in order."""
    return {
        "saved_at": plan.updated_at.isoformat(),
        "labels": {
            "call": pgettext("phone", "Call"),
            "text": pgettext("phone", "Text"),
        },
        "steps": [
            {
                "key": filled.step.key,
                "number": filled.step.number,
                "title": str(filled.step.title),
                "items": [_item(item) for item in filled.items],
            }
            for filled in plan.filled_steps()
            if filled.items
        ],
    }
