"""Writing a person's own named skills."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from journal.models import NamedSkill
from journal.services.entries import lock_person

# A page of chips a phone can show, and a list the named-skills page can hold.
MAX_NAMED_SKILLS = 100
TOO_MANY_MESSAGE = _(
    "You have 100 named skills of your own, the most we keep. Remove one you no "
    "longer use to add another."
)


class TooMany(Exception):
    """The person already has MAX_NAMED_SKILLS named skills of their own."""


def add(user, form) -> NamedSkill:
    """Save the form's new named skill for ``user``; TooMany when at the limit."""
    with transaction.atomic():
        lock_person(user)
        if NamedSkill.objects.for_user(user).count() >= MAX_NAMED_SKILLS:
            raise TooMany
        skill = form.save(commit=False)
        skill.owner = user
        skill.save()
    return skill


def rename(form) -> NamedSkill:
    return form.save()


def set_hidden(skill: NamedSkill, is_hidden: bool) -> None:
    """Hidden skills are not offered when logging; entries keep naming them."""
    skill.is_hidden = is_hidden
    skill.save(update_fields=["is_hidden"])


def remove(skill: NamedSkill) -> int:
    """Delete the named skill; entries that named it keep their skill family.

    Returns how many entries named it.
    """
    with transaction.atomic():
        count = skill.entries.count()
        skill.delete()  # entries' named_skill is set to none (on_delete=SET_NULL)
    return count
