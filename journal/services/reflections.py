"""Writing the week's reflection."""

import datetime

from django.db import IntegrityError, transaction

from journal.models import WeeklyReflection


def save_reflection(
    user, first_day: datetime.date, last_day: datetime.date, values: dict
) -> WeeklyReflection:
    """Create or update the week's one reflection, even when two saves race."""
    for _attempt in range(2):
        try:
            with transaction.atomic():
                existing = (
                    WeeklyReflection.objects.select_for_update()
                    .for_user(user)
                    .within(first_day, last_day)
                    .order_by("week_of")
                    .first()
                )
                if existing is None:
                    return WeeklyReflection.objects.create(
                        owner=user, week_of=first_day, **values
                    )
                for name, value in values.items():
                    setattr(existing, name, value)
                existing.save()
                return existing
        except IntegrityError:
            # Another save created the row between our read and our insert: update it.
            continue
    raise IntegrityError("The reflection could not be saved.")
