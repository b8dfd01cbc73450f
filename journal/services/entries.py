"""Writing journal entries."""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile
from journal.models import Entry

# One person's busiest day stays a page a phone can show and a PDF can hold.
MAX_ENTRIES_PER_DAY = 100
FULL_DAY_MESSAGE = _(
    "This day already holds 100 entries, the most one day can keep. Thank you for "
    "practicing so much. Choose another day for this one."
)


class DayIsFull(Exception):
    """The practice day already holds MAX_ENTRIES_PER_DAY entries."""


def lock_person(user) -> None:
    # Writes for one person wait for each other here, so two simultaneous saves
    # cannot both see room for one more entry.
    Profile.objects.select_for_update().filter(user=user).exists()


def _has_room(user, day: datetime.date, *, moving=None) -> bool:
    others = Entry.objects.for_user(user).filter(practiced_on=day)
    if moving is not None:
        others = others.exclude(pk=moving.pk)
    return others.count() < MAX_ENTRIES_PER_DAY


def save_new_entry(user, form) -> Entry:
    """Save the form's entry once, however many times the same form is sent.

    Raises DayIsFull when its day already holds MAX_ENTRIES_PER_DAY entries.
    """
    return save_once(user, form.cleaned_data["uuid"], form.save(commit=False))


def save_once(user, entry_uuid, entry: Entry, *, then=None) -> Entry:
    """Save an unsaved entry under its form's uuid, unless that form was saved before.

    ``then(entry)`` runs in the same transaction once the entry is saved (a plan
    closing with it). Raises DayIsFull when the day has no room.
    """
    existing = Entry.objects.filter(uuid=entry_uuid).first()
    if existing is not None and existing.owner_id == user.pk:
        return existing
    entry.owner = user
    # A uuid already used by someone else is never theirs to touch: start a new one.
    entry.uuid = (
        entry_uuid if existing is None else Entry._meta.get_field("uuid").default()
    )
    try:
        with transaction.atomic():
            lock_person(user)
            if not _has_room(user, entry.practiced_on):
                raise DayIsFull
            entry.save()
            if then is not None:
                then(entry)
    except IntegrityError:
        # The same form arrived twice at the same moment; the first one won.
        return Entry.objects.get(uuid=entry_uuid, owner=user)
    return entry


def save_entry_changes(user, form) -> Entry:
    """Save an edited entry; DayIsFull if it moves to a day with no room."""
    return save_changes(user, form.instance, "practiced_on" in form.changed_data)


def save_changes(user, entry: Entry, day_changed: bool) -> Entry:
    """Save changes to an entry; DayIsFull if it moves to a day with no room."""
    with transaction.atomic():
        lock_person(user)
        if day_changed and not _has_room(user, entry.practiced_on, moving=entry):
            raise DayIsFull
        entry.save()
    return entry
