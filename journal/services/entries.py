"""Writing journal entries."""

from django.db import IntegrityError, transaction

from journal.models import Entry


def save_new_entry(user, form) -> Entry:
    """Save the form's entry once, however many times the same form is sent."""
    entry_uuid = form.cleaned_data["uuid"]
    existing = Entry.objects.filter(uuid=entry_uuid).first()
    if existing is not None and existing.owner_id == user.pk:
        return existing
    entry = form.save(commit=False)
    entry.owner = user
    # A uuid already used by someone else is never theirs to touch: start a new one.
    entry.uuid = (
        entry_uuid if existing is None else Entry._meta.get_field("uuid").default()
    )
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        # The same form arrived twice at the same moment; the first one won.
        return Entry.objects.get(uuid=entry_uuid, owner=user)
    return entry
