"""Saving guided exercises as entries, and activity plans until they are done."""

import uuid

from django.db import IntegrityError, transaction
from django.utils import timezone

from journal.exercises.answers import build_note, is_generated_note
from journal.exercises.definitions import ACTIVITY_PLAN, Exercise
from journal.models import ActivityPlan, Entry
from journal.services.entries import save_changes, save_once


def fill_entry(entry: Entry, exercise: Exercise, answers: dict) -> Entry:
    """Put an exercise's answers on an entry, with the fields they fill."""
    entry.skill = exercise.skill.value
    entry.exercise = exercise.key
    entry.exercise_version = exercise.version
    entry.technique = exercise.technique
    entry.named_skill = None
    entry.answers = answers
    entry.distress_before = answers.get(exercise.before) if exercise.before else None
    entry.distress_after = answers.get(exercise.after) if exercise.after else None
    if exercise.situation:
        entry.situation = answers.get(exercise.situation, "")
    return entry


def save_exercise(user, form) -> Entry:
    """A new entry from a whole exercise, once however often the form is sent."""
    answers = form.answers()
    entry = fill_entry(Entry(), form.exercise, answers)
    entry.practiced_on = form.cleaned_data["practiced_on"]
    entry.note = build_note(form.exercise, answers)
    return save_once(user, form.cleaned_data["uuid"], entry)


def save_exercise_changes(user, entry: Entry, form) -> Entry:
    """Save edited answers. The note follows them unless the person rewrote it."""
    exercise = form.exercise
    old_answers = entry.answers or {}
    note = form.cleaned_data["note"]
    answers = form.answers()
    if note == entry.note and is_generated_note(exercise, old_answers, entry.note):
        note = build_note(exercise, answers)
    day_changed = form.cleaned_data["practiced_on"] != entry.practiced_on
    fill_entry(entry, exercise, answers)
    entry.note = note
    entry.practiced_on = form.cleaned_data["practiced_on"]
    return save_changes(user, entry, day_changed)


def save_plan(user, form) -> ActivityPlan:
    """A new activity plan, once however often the form is sent."""
    data = form.cleaned_data
    existing = ActivityPlan.objects.filter(uuid=data["uuid"]).first()
    if existing is not None and existing.owner_id == user.pk:
        return existing
    plan = ActivityPlan(
        owner=user,
        # A uuid already used by someone else is never theirs: start a new one.
        uuid=data["uuid"] if existing is None else uuid.uuid4(),
        exercise_version=ACTIVITY_PLAN.version,
        activity=data["activity"],
        planned_on=data["planned_on"],
        planned_at=data.get("planned_at"),
        expected=data["expected"],
    )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:
        return ActivityPlan.objects.get(uuid=data["uuid"], owner=user)
    return plan


def complete_plan(user, plan: ActivityPlan, form) -> Entry:
    """ "I did it": the plan becomes an entry with expected and actual side by side.

    A second "I did it" (a re-sent form, two tabs) returns the first entry.
    """
    answers = {**plan.plan_answers(), **form.answers()}
    entry = fill_entry(Entry(), ACTIVITY_PLAN, answers)
    entry.practiced_on = form.cleaned_data["practiced_on"]
    entry.note = build_note(ACTIVITY_PLAN, answers)

    def close(saved: Entry):
        closed = ActivityPlan.objects.filter(
            pk=plan.pk, status=ActivityPlan.Status.OPEN
        ).update(status=ActivityPlan.Status.DONE, entry=saved, closed_at=timezone.now())
        if not closed:
            raise AlreadyClosed

    try:
        return save_once(user, plan.uuid, entry, then=close)
    except AlreadyClosed:
        plan.refresh_from_db()
        return plan.entry


class AlreadyClosed(Exception):
    """The plan was completed or let go in the meantime."""


def let_go(plan: ActivityPlan) -> bool:
    """ "Not this time": the plan closes without an entry; False if already closed."""
    return bool(
        ActivityPlan.objects.filter(pk=plan.pk, status=ActivityPlan.Status.OPEN).update(
            status=ActivityPlan.Status.NOT_THIS_TIME, closed_at=timezone.now()
        )
    )
