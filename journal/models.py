import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from core.encryption import EncryptedJSONField, EncryptedTextField
from core.skills import Skill
from core.user_agents import describe
from journal.exercises.answers import ShownAnswers, shown_answers


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person through their ``owner``."""

    def for_user(self, user):
        return self.filter(owner=user)


class EntryQuerySet(OwnedQuerySet):
    def for_display(self):
        """Entries as cards, notes and summaries draw them: none of these shows an
        entry's uuid, owner or last change, so those are left unread (converting
        them costs on every row of a long list)."""
        return self.defer("uuid", "owner", "updated_at")

    def for_sharing(self):
        """Entries as the therapist's page shows them (journal/cards.py,
        render_shared_note), and its figures count them: what a card shows, less
        the times and the "helped" rating."""
        return self.for_display().defer("created_at", "helpfulness")


class Entry(models.Model):
    """One moment a person used a skill from therapy."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries"
    )
    practiced_on = models.DateField(_("date"))
    skill = models.CharField(_("skill"), max_length=32, choices=Skill.choices)
    # Encrypted at rest (core/encryption.py): the lengths limit the text people type.
    note = EncryptedTextField(_("what happened"), max_length=2000)
    situation = EncryptedTextField(_("situation"), max_length=280, blank=True)
    distress_before = models.PositiveSmallIntegerField(
        _("distress before"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    distress_after = models.PositiveSmallIntegerField(
        _("distress after"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    helpfulness = models.PositiveSmallIntegerField(
        _("how much it helped"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    # A guided exercise's answers (journal/exercises/): which one, under which
    # version of its questions, and the answers by question key, encrypted like the
    # note. Empty for an ordinary entry.
    exercise = models.CharField(_("exercise"), max_length=32, blank=True)
    exercise_version = models.PositiveSmallIntegerField(null=True, blank=True)
    answers = EncryptedJSONField(null=True, blank=True)
    # Not auto_now_add: an import keeps the time the entry was first written.
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-practiced_on", "-created_at"]
        verbose_name_plural = "entries"
        indexes = [
            # Today, history, the week and progress all ask "this person's entries
            # between two days, newest first".
            models.Index(
                fields=["owner", "-practiced_on", "-created_at"],
                name="entry_owner_day_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(distress_before__gte=0, distress_before__lte=10)
                | models.Q(distress_before__isnull=True),
                name="entry_distress_before_range",
            ),
            models.CheckConstraint(
                condition=models.Q(distress_after__gte=0, distress_after__lte=10)
                | models.Q(distress_after__isnull=True),
                name="entry_distress_after_range",
            ),
            models.CheckConstraint(
                condition=models.Q(helpfulness__gte=1, helpfulness__lte=5)
                | models.Q(helpfulness__isnull=True),
                name="entry_helpfulness_range",
            ),
        ]

    def __str__(self):
        # Never the note: entries appear in logs and admin lists by id only.
        return f"Entry {self.pk} ({self.skill}, {self.practiced_on})"

    def get_absolute_url(self):
        return reverse("journal:entry-edit", kwargs={"pk": self.pk})

    @property
    def skill_label(self) -> str:
        return Skill(self.skill).label

    @property
    def distress_drop(self) -> int | None:
        if self.distress_before is None or self.distress_after is None:
            return None
        return self.distress_before - self.distress_after

    @cached_property
    def exercise_answers(self) -> "ShownAnswers | None":
        """The exercise's answers, ready to show; None for an ordinary entry."""
        return shown_answers(self)


class ReflectionQuerySet(OwnedQuerySet):
    def within(self, first_day, last_day):
        return self.filter(week_of__range=(first_day, last_day))


class WeeklyReflection(models.Model):
    """What a person wants to bring to their next session, one per week."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    # The first day of the week it was written for. A week shows the reflection whose
    # date falls inside it, so changing the week-start setting never hides one.
    week_of = models.DateField(_("week of"))
    what_helped = EncryptedTextField(
        _("What helped this week?"), max_length=2000, blank=True
    )
    what_was_hard = EncryptedTextField(_("What was hard?"), max_length=2000, blank=True)
    for_next_session = EncryptedTextField(
        _("What do you want to bring to your next session?"),
        max_length=2000,
        blank=True,
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReflectionQuerySet.as_manager()

    class Meta:
        ordering = ["-week_of"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "week_of"], name="reflection_one_per_owner_week"
            ),
        ]

    def __str__(self):
        return f"Reflection {self.pk} (week of {self.week_of})"

    @property
    def is_empty(self) -> bool:
        return not (self.what_helped or self.what_was_hard or self.for_next_session)


class ShareLinkQuerySet(OwnedQuerySet):
    def active(self, now):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class ShareLink(models.Model):
    """A read-only link to a person's weekly summaries, for their therapist.

    Only a hash of the token is stored: the full link is shown once, when it is made,
    so a copy of the database never holds a working link.
    """

    class Weeks(models.IntegerChoices):
        FOUR = 4, _("The last 4 weeks")
        EIGHT = 8, _("The last 8 weeks")
        TWELVE = 12, _("The last 12 weeks")

    class ExpiresIn(models.IntegerChoices):
        WEEK = 7, _("7 days")
        MONTH = 30, _("30 days")
        QUARTER = 90, _("90 days")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="share_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # None for a link "since the last session", which rolls on as sessions pass.
    weeks = models.PositiveSmallIntegerField(choices=Weeks.choices, null=True)
    is_since_last_session = models.BooleanField(default=False)
    include_notes = models.BooleanField(default=False)
    # What the shared page calls the person. Chosen per link, never the username: a
    # username can be a nickname or an e-mail-like handle they would not show a
    # therapist.
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    # The span is fixed when the link is made: later weeks never appear.
    first_day = models.DateField()
    last_day = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weeks__in=[4, 8, 12], is_since_last_session=False)
                | models.Q(weeks__isnull=True, is_since_last_session=True),
                name="share_link_span_valid",
            ),
        ]

    def __str__(self):
        return f"Share link {self.pk}"


class ShareLinkView(models.Model):
    """One time a share link was opened by a person: previews and reloads left out.

    Never the network address, the full user agent or anything of the journal: only
    when, and the browser's family and system.
    """

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="views")
    viewed_at = models.DateTimeField()
    browser = models.CharField(max_length=40, blank=True)
    system = models.CharField(max_length=40, blank=True)
    # A keyed hash of the link, the address and the user agent, so a reload within
    # the hour is recognised without keeping the address. Wiped once the hour is over
    # (services/share_links.py), so it never becomes a lasting trace of the reader.
    visitor_mark = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-viewed_at"]
        indexes = [
            # The owner's log and "was this browser here in the last hour?" both read
            # one link's views by time.
            models.Index(
                fields=["link", "-viewed_at"], name="share_view_link_time_idx"
            ),
            # Finding marks old enough to wipe touches only rows that still have one.
            models.Index(
                fields=["viewed_at"],
                condition=~models.Q(visitor_mark=""),
                name="share_view_marked_idx",
            ),
        ]

    def __str__(self):
        return f"View {self.pk} of share link {self.link_id}"

    @property
    def device(self) -> str:
        """ "Safari on iPhone", in the reader's language; "" when unknown."""
        return describe(self.browser, self.system)


class RestDay(models.Model):
    """A day off from practice, chosen ahead or after: it never breaks a streak."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="rest_days"
    )
    day = models.DateField(_("day"))
    # Private, like the journal: encrypted at rest.
    reason = EncryptedTextField(
        _("reason (private, optional)"), max_length=280, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "day"], name="rest_day_one_per_day"
            )
        ]

    def __str__(self):
        return f"Rest day {self.pk} ({self.day})"


class ActivityPlanQuerySet(OwnedQuerySet):
    def open(self):
        return self.filter(status=ActivityPlan.Status.OPEN)

    def due(self, today):
        """Open plans for today or a day already past, soonest first."""
        return (
            self.open()
            .filter(planned_on__lte=today)
            .order_by("planned_on", "planned_at", "pk")
        )


class ActivityPlan(models.Model):
    """A small activity planned ahead (behavioral activation's exercise).

    It is not practice yet: it shows on Today when due, and saying how it went makes
    the journal entry, with the expected and the actual feeling side by side.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("planned")
        DONE = "done", _("done")
        NOT_THIS_TIME = "not-this-time", _("not this time")

    # A re-sent plan form is one plan, as for entries.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_plans",
    )
    exercise_version = models.PositiveSmallIntegerField()
    activity = EncryptedTextField(_("activity"), max_length=200)
    planned_on = models.DateField(_("day"))
    planned_at = models.TimeField(_("time"), null=True, blank=True)
    expected = models.PositiveSmallIntegerField(
        _("expected to feel"),
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.OPEN
    )
    # The entry saying how it went, once done. Deleting that entry keeps the plan.
    entry = models.OneToOneField(
        Entry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activity_plan",
    )
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ActivityPlanQuerySet.as_manager()

    class Meta:
        ordering = ["planned_on", "planned_at", "pk"]
        indexes = [
            # Today asks for one person's open plans up to today.
            models.Index(
                fields=["owner", "status", "planned_on"], name="plan_owner_due_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expected__gte=0, expected__lte=10),
                name="plan_expected_range",
            ),
        ]

    def __str__(self):
        # Never the activity: it is the person's own words.
        return f"Activity plan {self.pk} ({self.planned_on}, {self.status})"

    def get_absolute_url(self):
        return reverse("journal:plan", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def plan_answers(self) -> dict:
        """The plan's answers, keyed like the exercise's questions."""
        answers = {
            "activity": self.activity,
            "planned_on": self.planned_on.isoformat(),
            "expected": self.expected,
        }
        if self.planned_at is not None:
            answers["planned_at"] = self.planned_at.strftime("%H:%M")
        return answers


class SessionSchedule(models.Model):
    """A repeating appointment: every one or two weeks, on a weekday, at a time.

    Its sessions are made ahead of time as rows of their own (TherapySession), each
    with the zone it was made in, so skipping or moving one never touches the rest.
    """

    class Every(models.IntegerChoices):
        WEEK = 1, _("Every week")
        TWO_WEEKS = 2, _("Every two weeks")

    # Stable across export and import, so a file imported twice adds nothing.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_schedules",
    )
    every_weeks = models.PositiveSmallIntegerField(
        _("how often"), choices=Every.choices, default=Every.WEEK
    )
    starts_on = models.DateField(_("first session"))
    at = models.TimeField(_("time"))
    time_zone = models.CharField(max_length=64)
    label = EncryptedTextField(_("label (optional)"), max_length=60, blank=True)
    # Sessions exist up to this day; the daily job and each visit extend it.
    made_until = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(every_weeks__in=[1, 2]),
                name="schedule_every_one_or_two_weeks",
            ),
        ]

    def __str__(self):
        return f"Session schedule {self.pk} (every {self.every_weeks} weeks)"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class TherapySessionQuerySet(OwnedQuerySet):
    def held(self):
        """Sessions that take place: not skipped."""
        return self.filter(is_skipped=False)


class TherapySession(models.Model):
    """One appointment with a therapist: a one-off, or one date of a schedule."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="therapy_sessions",
    )
    schedule = models.ForeignKey(
        SessionSchedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
    )
    # The date the schedule gave it, kept when the session is moved, so the schedule
    # never makes that date again.
    scheduled_on = models.DateField(null=True, blank=True)
    starts_at = models.DateTimeField(_("date and time"))
    time_zone = models.CharField(max_length=64)
    label = EncryptedTextField(_("label (optional)"), max_length=60, blank=True)
    is_skipped = models.BooleanField(default=False)
    is_moved = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = TherapySessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["owner", "starts_at"], name="session_owner_time_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "scheduled_on"],
                condition=models.Q(schedule__isnull=False),
                name="session_once_per_schedule_date",
            ),
        ]

    def __str__(self):
        return f"Therapy session {self.pk}"

    def get_absolute_url(self):
        return reverse("journal:session", kwargs={"pk": self.pk})


class SessionStar(models.Model):
    """ "Bring this up": an entry starred for a session (None: no session set yet)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="stars")
    session = models.ForeignKey(
        TherapySession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stars",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "session"], name="star_once_per_entry_session"
            ),
            models.UniqueConstraint(
                fields=["entry"],
                condition=models.Q(session__isnull=True),
                name="star_once_per_entry_unscheduled",
            ),
        ]

    def __str__(self):
        return f"Star {self.pk} on entry {self.entry_id}"


class TalkPoint(models.Model):
    """One thing a person wants to talk about at a session."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="talk_points"
    )
    # None until a session is set: the list then waits for the next one.
    session = models.ForeignKey(
        TherapySession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="talk_points",
    )
    text = EncryptedTextField(_("what you want to talk about"), max_length=200)
    position = models.PositiveIntegerField(default=0)
    is_done = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return f"Talk point {self.pk}"
