"""A full safety plan for tests, as the form would save it."""

from safety.services import save_plan

PLAN_VALUES = {
    "warning_signs": ["I stop answering messages", "Lavender-worry spiral"],
    "coping_strategies": ["Walk to the river", "Warm shower"],
    "people_and_places": ["The library on Elm Street"],
    "contacts": [
        {"name": "Ana Quillfeather", "phone": "+34 600 123 456"},
        {"name": "Uncle Bo", "phone": ""},
    ],
    "professionals": [{"name": "Dr. Rivera-Stone", "phone": "(555) 010-2030"}],
    "safer_surroundings": ["Ask Ana to keep things for me for a while"],
    "reasons_for_living": ["My cat Pistachio"],
}
SECRETS = (
    "Lavender-worry",
    "Walk to the river",
    "Elm Street",
    "Quillfeather",
    "600 123 456",
    "Rivera-Stone",
    "keep things for me",
    "Pistachio",
)


def make_safety_plan(user, **overrides):
    return save_plan(user, {**PLAN_VALUES, **overrides})


def form_data(**overrides) -> dict:
    """The edit form's POST for PLAN_VALUES."""
    data = {
        key: "\n".join(PLAN_VALUES[key])
        for key in (
            "warning_signs",
            "coping_strategies",
            "people_and_places",
            "safer_surroundings",
            "reasons_for_living",
        )
    }
    for prefix, key in (("contact", "contacts"), ("professional", "professionals")):
        for row, contact in enumerate(PLAN_VALUES[key], start=1):
            data[f"{prefix}_{row}_name"] = contact["name"]
            data[f"{prefix}_{row}_phone"] = contact["phone"]
    data.update(overrides)
    return data
