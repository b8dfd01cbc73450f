"""Logging, browsing, editing and deleting journal entries."""

import datetime
import logging
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.freshness import person_key
from accounts.models import profile_for
from core import fragments
from core.http import posted_data, safe_next
from core.skills import all_skills
from journal import reads, reports, stats
from journal.card.today import todays_card
from journal.exercises import definitions
from journal.exercises.forms import ExerciseEditForm
from journal.forms import EntryFilterForm, EntryForm, NewEntryForm, PrefillForm
from journal.models import Entry
from journal.practice.queries import plan_for_today
from journal.reads import TODAY_PLANS_SHOWN, TODAY_SHOWN
from journal.services.entries import (
    FULL_DAY_MESSAGE,
    DayIsFull,
    save_entry_changes,
    save_new_entry,
)
from journal.services.exercises import save_exercise_changes
from journal.sessions import dates as session_dates
from journal.sessions import queries as therapy_sessions
from journal.skills.catalogue import catalogue_for, listed_for

logger = logging.getLogger(__name__)

ENTRIES_PER_PAGE = reads.HISTORY_PAGE
RETURN_TO_TODAY = "today"
# The entry saved a moment ago, kept in the session until Today has shown it once:
# a reload or a bookmark then shows the plain page, and no id sits in the address.
JUST_LOGGED = "journal_just_logged"


def get_entry_for_user(user, pk) -> Entry:
    """The user's entry, or 404: someone else's entry looks like a missing one."""
    return get_object_or_404(Entry.objects.for_user(user).with_technique(), pk=pk)


@login_required
@require_safe
def today(request):
    day = profile_for(request.user).today()
    kept = _read_ahead(person_key(request))
    catalogue = catalogue_for(request.user, person_key(request), kept)
    form = NewEntryForm(today=day, catalogue=catalogue)
    return render_today(
        request, form, day, logged=_just_logged(request), read_ahead=kept
    )


def _just_logged(request) -> Entry | None:
    """The entry saved a moment ago, once: Today shows it first, then forgets it."""
    pk = request.session.pop(JUST_LOGGED, None)
    if pk is None:
        return None
    return Entry.objects.for_user(request.user).for_display().filter(pk=pk).first()


def wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def render_today(request, form, day, status=200, logged=None, read_ahead=None):
    if logged is None:
        todays_entries = reads.todays_entries(request.user.pk, day)
    else:
        todays_entries = list(
            _days_entries(request.user, day, logged)
            .for_cards()
            .order_by("-created_at")[: TODAY_SHOWN + 1]
        )
    # The form already read the person's own named skills: the cards' come from there.
    form.catalogue.name_own_skills(todays_entries)
    todays_more = 0
    if len(todays_entries) > TODAY_SHOWN:
        todays_more = _days_entries(request.user, day, logged).count() - TODAY_SHOWN
        todays_entries = todays_entries[:TODAY_SHOWN]
    profile = profile_for(request.user)
    now = timezone.now()
    person = person_key(request)
    if read_ahead is None:
        read_ahead = _read_ahead(person)
    coming = therapy_sessions.coming(profile, now, person, read_ahead=read_ahead)
    starts_at = coming.starts_at
    due_plans = reads.due_plans(request.user.pk, day)
    context = {
        "due_plans": due_plans[:TODAY_PLANS_SHOWN],
        "more_plans_due": len(due_plans) > TODAY_PLANS_SHOWN,
        "form": form,
        "logged": logged,
        "logged_on_another_day": logged is not None and logged.practiced_on != day,
        "today": day,
        "skills": all_skills(),
        "todays_entries": todays_entries,
        "todays_more": todays_more,
        "practice": RecentPractice(request.user, day),
        "return_to": RETURN_TO_TODAY,
        "next_session": {"starts_at": starts_at} if starts_at else None,
        "days_until": (
            session_dates.days_until(starts_at, now, profile.time_zone)
            if starts_at
            else None
        ),
        "zone": profile.time_zone,
        "starred_ids": coming.starred_ids,
        "todays_card": todays_card(request.user, day, person, read_ahead),
        # The plan's words are the person's: drawn each visit, never kept.
        "practice_plan": plan_for_today(
            request.user, day, person, read_ahead, form.catalogue
        ),
        "read_ahead": read_ahead,
    }
    return render(request, "journal/today.html", context, status=status)


def _days_entries(user, day: datetime.date, logged: Entry | None):
    """The day's entries, but the one just logged: Today shows that once, at the
    top, with its undo. Built only when asked: most visits read the day's
    entries with the prepared read (journal/reads.py) and never need it."""
    entries = Entry.objects.for_user(user).filter(practiced_on=day)
    return entries if logged is None else entries.exclude(pk=logged.pk)


def _read_ahead(person: str | None) -> dict | None:
    """Today's kept pieces in one trip to the cache: the coming session's facts,
    the last seven days (today.html's ``today-days``), the named skills' uses, the
    day's card and practice plan counted (figures only)."""
    if not person:
        return None
    return fragments.read_ahead(
        *(
            (name, person)
            for name in (
                "coming-session",
                "today-days",
                "skill-uses",
                "todays-card",
                "practice-counts",
            )
        )
    )


class RecentPractice:
    """The last 7 days, the streak and today's rest, read only when they are drawn.

    They hold no journal text, so Today keeps them in the cache until the next
    write or midnight (accounts/freshness.py); on most visits these three queries
    never run.
    """

    def __init__(self, user, day: datetime.date):
        self.user, self.day = user, day

    @cached_property
    def entries(self):
        return Entry.objects.for_user(self.user).order_by()

    @cached_property
    def resting(self) -> set:
        return reports.rest_days_of(self.user)

    @cached_property
    def is_rest_day(self) -> bool:
        return self.day in self.resting

    @cached_property
    def recent_days(self) -> list:
        counts = dict(
            self.entries.filter(
                practiced_on__gt=self.day - datetime.timedelta(days=7),
                practiced_on__lte=self.day,
            )
            .values_list("practiced_on")
            .annotate(count=Count("id"))
        )
        return stats.recent_days(counts, self.day, rest_days=self.resting)

    @cached_property
    def streak(self) -> int:
        days = self.entries.values_list("practiced_on", flat=True).distinct()
        return stats.current_streak(days, self.day, self.resting)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_new(request):
    day = profile_for(request.user).today()
    if request.method != "POST":
        catalogue = catalogue_for(request.user, person_key(request))
        initial = PrefillForm(request.GET).initial_values(day, catalogue)
        form = NewEntryForm(today=day, initial=initial, catalogue=catalogue)
        return render_entry_form(request, form, is_new=True)

    form = NewEntryForm(
        request.POST,
        today=day,
        catalogue=catalogue_for(request.user, person_key(request)),
    )
    entry = None
    if form.is_valid():
        try:
            entry = save_new_entry(request.user, form)
        except DayIsFull:
            form.add_error("practiced_on", FULL_DAY_MESSAGE)
    if wants_json(request):
        # The offline queue and other scripts: the same rules, answered as data.
        if entry is None:
            errors = {name: list(messages) for name, messages in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
        return JsonResponse({"uuid": str(entry.uuid), "status": "saved"}, status=201)
    if entry is None:
        if request.POST.get("return_to") == RETURN_TO_TODAY:
            return render_today(request, form, day)
        return render_entry_form(request, form, is_new=True)
    logger.info("Entry %s saved for user %s", entry.pk, request.user.pk)
    # Today opens on the entry itself ("Logged", with an undo) instead of a message.
    request.session[JUST_LOGGED] = entry.pk
    return redirect("journal:today")


@login_required
@require_safe
def entry_list(request):
    person = person_key(request)
    # The count and the coming session's stars in one trip to the cache.
    kept = _history_read_ahead(person)
    # The filter lists the named skills in their listed order: no use counts needed.
    filters = EntryFilterForm(request.GET, catalogue=listed_for(request.user))
    # The named skills come from the filter's catalogue, already read: no join.
    entries = (
        Entry.objects.for_user(request.user)
        .for_cards()
        .order_by("-practiced_on", "-created_at")
    )
    if filters.is_valid():
        entries = filters.filter(entries)
        page_number = filters.cleaned_data.get("page") or 1
        is_filtered = filters.is_filtered
    else:
        # A filter we cannot use (a NUL byte, a huge search) gives a calm empty result.
        entries = entries.none()
        page_number = 1
        is_filtered = True
    if filters.is_valid() and filters.words:
        page = _page_of_matches(entries, filters.matching_ids(entries), page_number)
    else:
        paginator = Paginator(entries, ENTRIES_PER_PAGE)
        if not is_filtered:
            paginator.count = _count_of_all(person, entries, kept)
        page = paginator.get_page(page_number)
        if not is_filtered and page.number == 1:
            # The page most visits open: its read prepared (journal/reads.py).
            page.object_list = reads.latest_entries(request.user.pk)
    page.object_list = list(page.object_list)
    filters.catalogue.name_own_skills(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    # "Clear" beside the named skill keeps the other filters.
    other_filters = query.copy()
    other_filters.pop("technique", None)
    context = {
        "filters": filters,
        "chosen_technique": filters.chosen_technique,
        "other_filters": other_filters.urlencode(),
        "page": page,
        "is_filtered": is_filtered,
        "filters_are_invalid": not filters.is_valid(),
        "query_string": query.urlencode(),
        "starred_ids": therapy_sessions.coming(
            profile_for(request.user), timezone.now(), person, read_ahead=kept
        ).starred_ids,
    }
    return render(request, "journal/entry_list.html", context)


def _history_read_ahead(person: str | None) -> dict | None:
    """The history's kept pieces in one trip: the count, the coming session."""
    if not person:
        return None
    return fragments.read_ahead(("entry-count", person), ("coming-session", person))


def _count_of_all(person: str | None, entries, read_ahead=None) -> int:
    """How many entries the person has: counted once per write, not per visit.

    A number, no journal text, kept under the person's fragment key (any write
    makes a new one: accounts/freshness.py), so a long history costs no more to
    page through than a short one.
    """
    return fragments.kept_for_person("entry-count", person, entries.count, read_ahead)


def _page_of_matches(entries, ids: list[int], page_number):
    """A page of search results: paged over ids, then only that page's entries read."""
    page = Paginator(ids, ENTRIES_PER_PAGE).get_page(page_number)
    by_id = entries.in_bulk(list(page.object_list))
    page.object_list = [by_id[pk] for pk in page.object_list]
    return page


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_edit(request, pk):
    entry = get_entry_for_user(request.user, pk)
    day = profile_for(request.user).today()
    exercise = definitions.find(entry.exercise, entry.exercise_version)
    if exercise is not None:
        # An exercise keeps its structure: its questions, answered again.
        form = ExerciseEditForm(
            posted_data(request), exercise=exercise, entry=entry, today=day
        )
        save = partial(save_exercise_changes, request.user, entry)
    else:
        form = EntryForm(
            posted_data(request),
            instance=entry,
            today=day,
            catalogue=catalogue_for(request.user, person_key(request)),
        )
        save = partial(save_entry_changes, request.user)
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except DayIsFull:
            form.add_error("practiced_on", FULL_DAY_MESSAGE)
        else:
            logger.info("Entry %s updated by user %s", entry.pk, request.user.pk)
            messages.success(request, _("Your changes are saved."))
            return redirect(safe_next(request, fallback="journal:entry-list"))
    return render_entry_form(
        request, form, is_new=False, entry=entry, next=safe_next(request, "")
    )


def render_entry_form(request, form, **context):
    context = {
        "form": form,
        "skills": all_skills(),
        "exercises": definitions.EXERCISES.values(),
        **context,
    }
    template = (
        "journal/exercises/entry_edit.html"
        if isinstance(form, ExerciseEditForm)
        else "journal/entry_form.html"
    )
    return render(request, template, context)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def entry_delete(request, pk):
    entry = get_entry_for_user(request.user, pk)
    if request.method == "POST":
        entry_id = entry.pk
        entry.delete()
        logger.info("Entry %s deleted by user %s", entry_id, request.user.pk)
        messages.success(request, _("The entry is deleted."))
        return redirect(safe_next(request, fallback="journal:entry-list"))
    context = {"entry": entry, "next": safe_next(request, "")}
    return render(request, "journal/entry_confirm_delete.html", context)
