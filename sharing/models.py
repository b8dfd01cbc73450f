"""Share links and their view log.

The tables keep the names they had in the journal app (``journal_sharelink``,
``journal_sharelinkview``): during a deploy, workers of the previous release still
serve the share page from those tables while the new ones start.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.user_agents import describe
from journal.models.base import OwnedQuerySet


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
    # The person's own diary-card rows: off unless chosen, and urges (the rows a
    # person may least want read) only with a tick of their own.
    include_card = models.BooleanField(default=False)
    include_urges = models.BooleanField(default=False)
    # The practice plan (what was agreed, how it went, the obstacle plans) only
    # when the person ticks it: it is their words.
    include_plan = models.BooleanField(default=False)
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
        db_table = "journal_sharelink"
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
    # (sharing/services.py), so it never becomes a lasting trace of the reader.
    visitor_mark = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        db_table = "journal_sharelinkview"
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
