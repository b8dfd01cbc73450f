"""Reading an export back in: add what is not there yet, all or nothing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from journal.models import ActivityPlan, Entry, RestDay, WeeklyReflection
from journal.services.entries import lock_person
from journal.skills.services import MAX_NAMED_SKILLS
from portability.card import add_card, clean_check_in, clean_row
from portability.document import ImportRefused, unreadable
from portability.entries import clean_entry, refuse_full_days
from portability.matching import match_by_uuid
from portability.named_skills import (
    add_named_skills,
    catalogue_with,
    clean_named_skill,
)
from portability.plans import clean_plan, new_plans
from portability.practice_plans import add_practice_plans, clean_practice_plan
from portability.reflections import clean_reflection, new_reflections
from portability.rest_days import clean_rest_day, new_rest_days
from portability.safety_plans import add_safety_plan, clean_safety_plan
from portability.therapy_sessions import (
    add_sessions,
    clean_schedule,
    clean_session,
    clean_star,
    clean_talk_point,
)

# One file at a time stays quick to check and write, whoever sends it.
MAX_IMPORT_ENTRIES = 20_000
# Every week since 2000 is about 1,400 sessions: room for two weekly schedules'
# whole history and the one-offs around them. Schedules: one for each change of
# day, time or therapist over decades.
MAX_IMPORT_SESSIONS = 5_000
MAX_IMPORT_SCHEDULES = 100
# A check-in a day for fifty years.
MAX_IMPORT_CHECK_INS = 20_000
# A plan a week for fifty years.
MAX_IMPORT_PRACTICE_PLANS = 2_600
BULK_BATCH = 1000


@dataclass(frozen=True)
class ImportResult:
    entries_added: int
    entries_skipped: int
    reflections_added: int
    reflections_skipped: int
    # None: the file held no plan; False: the account's own plan was kept.
    safety_plan_added: bool | None = None


def _read_all(document: dict, key: str, clean, label: str) -> list:
    """Every record of the list ``key``, or the refusal naming the first unreadable.

    ``label`` names one record, e.g. "Entry %(number)d", counting from 1.
    """
    cleaned = []
    for number, record in enumerate(document.get(key, []), start=1):
        try:
            cleaned.append(clean(record))
        except forms.ValidationError as error:
            problem = " ".join(error.messages)
            raise unreadable(label % {"number": number}, problem) from None
    return cleaned


def _refuse_too_many(document: dict) -> None:
    """ImportRefused, before any record is read, when a list is longer than allowed."""
    limits = [
        (
            "entries",
            MAX_IMPORT_ENTRIES,
            _(
                "This file holds %(count)s entries; one import takes at most "
                "%(limit)s. Nothing was imported."
            ),
        ),
        (
            "session_schedules",
            MAX_IMPORT_SCHEDULES,
            _(
                "This file holds %(count)s session schedules; one import takes at "
                "most %(limit)s. Nothing was imported."
            ),
        ),
        (
            "named_skills",
            MAX_NAMED_SKILLS,
            _(
                "This file holds %(count)s named skills; one import takes at most "
                "%(limit)s. Nothing was imported."
            ),
        ),
        (
            "therapy_sessions",
            MAX_IMPORT_SESSIONS,
            _(
                "This file holds %(count)s therapy sessions; one import takes at "
                "most %(limit)s. Nothing was imported."
            ),
        ),
    ]
    limits.append(
        (
            "check_ins",
            MAX_IMPORT_CHECK_INS,
            _(
                "This file holds %(count)s check-ins; one import takes at most "
                "%(limit)s. Nothing was imported."
            ),
        )
    )
    limits.append(
        (
            "practice_plans",
            MAX_IMPORT_PRACTICE_PLANS,
            _(
                "This file holds %(count)s practice plans; one import takes at most "
                "%(limit)s. Nothing was imported."
            ),
        )
    )
    for key, limit, message in limits:
        count = len(document.get(key, []))
        if count > limit:
            raise ImportRefused(
                message % {"count": f"{count:,}", "limit": f"{limit:,}"}
            )


def import_document(user, document: dict, today: datetime.date, now) -> ImportResult:
    """Add what is not there yet; change and delete nothing. All or nothing."""
    _refuse_too_many(document)
    # A day of slack: an export made in a zone ahead of ours may hold "tomorrow".
    latest_day = today + datetime.timedelta(days=1)
    named_skills = _read_all(
        document,
        "named_skills",
        lambda record: clean_named_skill(record, now),
        _("Named skill %(number)d"),
    )
    catalogue = catalogue_with(user, named_skills)
    # Translators: each label below names one record inside "%(record)s could not
    # be read: …" (document.unreadable), so it can carry the article it needs there.
    entries = _read_all(
        document,
        "entries",
        lambda record: clean_entry(record, latest_day, now, catalogue),
        _("Entry %(number)d"),
    )
    reflections = _read_all(
        document,
        "reflections",
        lambda record: clean_reflection(record, now),
        _("Reflection %(number)d"),
    )
    rest_days = _read_all(
        document, "rest_days", clean_rest_day, _("Rest day %(number)d")
    )
    plans = _read_all(
        document,
        "activity_plans",
        lambda record: clean_plan(record, now),
        _("Plan %(number)d"),
    )
    session_records = (
        _read_all(
            document,
            "session_schedules",
            lambda record: clean_schedule(record, latest_day),
            _("Schedule %(number)d"),
        ),
        _read_all(
            document,
            "therapy_sessions",
            lambda record: clean_session(record, latest_day),
            _("Session %(number)d"),
        ),
        _read_all(document, "stars", clean_star, _("Star %(number)d")),
        _read_all(
            document, "talk_points", clean_talk_point, _("Talk point %(number)d")
        ),
    )
    try:
        safety_plan = clean_safety_plan(document.get("safety_plan"), now)
    except forms.ValidationError as error:
        raise unreadable(_("The safety plan"), " ".join(error.messages)) from None
    card_rows = _read_all(
        document,
        "card_rows",
        lambda record: clean_row(record, now),
        _("Card row %(number)d"),
    )
    check_ins = _read_all(
        document,
        "check_ins",
        lambda record: clean_check_in(record, latest_day, now),
        _("Check-in %(number)d"),
    )
    practice_plans = _read_all(
        document,
        "practice_plans",
        lambda record: clean_practice_plan(record, catalogue, now),
        _("Practice plan %(number)d"),
    )

    with transaction.atomic():
        lock_person(user)
        added_entries = match_by_uuid(Entry, user, entries).new
        refuse_full_days(user, added_entries)
        add_named_skills(user, named_skills, added_entries)
        added_reflections = new_reflections(user, reflections)
        RestDay.objects.bulk_create(
            new_rest_days(user, rest_days), batch_size=BULK_BATCH
        )
        Entry.objects.bulk_create(added_entries, batch_size=BULK_BATCH)
        WeeklyReflection.objects.bulk_create(added_reflections, batch_size=BULK_BATCH)
        ActivityPlan.objects.bulk_create(new_plans(user, plans), batch_size=BULK_BATCH)
        plan_added = add_safety_plan(user, safety_plan)
        try:
            add_sessions(user, *session_records)
            add_card(user, card_rows, check_ins)
            add_practice_plans(user, practice_plans, named_skills)
        except forms.ValidationError as error:
            raise ImportRefused(
                _(
                    "This export does not hold together: %(problem)s Nothing was "
                    "imported."
                )
                % {"problem": " ".join(error.messages)}
            ) from None
    return ImportResult(
        len(added_entries),
        len(entries) - len(added_entries),
        len(added_reflections),
        len(reflections) - len(added_reflections),
        None if safety_plan is None else plan_added,
    )
