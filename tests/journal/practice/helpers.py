"""Practice plans for tests."""

import datetime

from journal.practice import services
from journal.practice.goals import PlanSpan

# Monday 23 November 2026: a week from Monday to Sunday.
MONDAY = datetime.date(2026, 11, 23)
NOW = datetime.datetime(2026, 11, 25, 15, 0, tzinfo=datetime.UTC)  # Wednesday
WEEK = PlanSpan(MONDAY, MONDAY + datetime.timedelta(days=6))


def item(**fields) -> dict:
    data = {"family": "distress-tolerance", "technique": "paced-breathing", "times": 4}
    data.update(fields)
    return data


def make_practice_plan(owner, *items, span=WEEK, session=None):
    """A plan for ``span`` (Monday to Sunday of NOW's week unless said)."""
    return services.create_plan(owner, span, list(items) or [item()], session)


def posted_items(*items) -> dict:
    """The form's data for up to five items (the rest left blank)."""
    data = {
        "items-TOTAL_FORMS": "5",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "5",
    }
    for index, fields in enumerate(items):
        for name, value in fields.items():
            data[f"items-{index}-{name}"] = value
    return data
