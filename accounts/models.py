import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.choices import Language, WeekStart
from accounts.timezones import local_today
from core.user_agents import describe


class Profile(models.Model):
    """Personal settings, one per user, created together with the user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("display name"), max_length=60, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    week_start = models.CharField(
        _("week starts on"),
        max_length=16,
        choices=WeekStart.choices,
        default=WeekStart.MONDAY,
    )
    language = models.CharField(
        _("language"), max_length=8, choices=Language.choices, default=Language.ENGLISH
    )
    # The address the person proved they read, by following a link sent there. A
    # changed address no longer matches, so it is unconfirmed until proved again.
    confirmed_email = models.EmailField(_("confirmed e-mail address"), blank=True)
    # Pages keep fragments that hold no journal text (a diary card's counts, a
    # streak, the progress charts) in the shared cache under this number; every
    # write bumps it (accounts/freshness.py), so a fragment never outlives one.
    journal_version = models.PositiveBigIntegerField(default=0, editable=False)

    def __str__(self):
        return self.display_name or self.user.get_username()

    @property
    def has_confirmed_email(self) -> bool:
        email = self.user.email
        return bool(email) and email.casefold() == self.confirmed_email.casefold()

    def today(self) -> datetime.date:
        """Today's date on this person's own calendar."""
        return local_today(timezone.now(), self.time_zone)


def profile_for(user) -> Profile:
    """The user's profile, made on the spot if an older account has none yet."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _created = Profile.objects.get_or_create(user=user)
        return profile


class LoginFailure(models.Model):
    """One wrong password or code, kept for the lock-out rules (accounts/lockout.py).

    Rows live in the database so every web process counts the same failures; they
    are worthless after an hour and are cleared as they age.
    """

    username = models.CharField(max_length=150)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    failed_at = models.DateTimeField(default=timezone.now)
    # Made by one of the account's own sessions ("is it you?", changing the
    # password): those have a rule of their own that the device cookie never passes.
    is_signed_in = models.BooleanField(default=False)

    class Meta:
        indexes = [
            # The two rules ask "failures for this username (or address) since …".
            models.Index(
                fields=["username", "failed_at"], name="login_failure_user_idx"
            ),
            models.Index(
                fields=["ip_address", "failed_at"], name="login_failure_ip_idx"
            ),
        ]

    def __str__(self):
        return f"Login failure {self.pk}"


class SignedInSession(models.Model):
    """A browser where the person is signed in, for "Where you're signed in".

    Django's session table cannot be searched by user, so each log-in records its
    session key here. Only a browser and system label is kept, never the full user
    agent or the address.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="signed_in_sessions",
    )
    session_key = models.CharField(max_length=40, unique=True)
    browser = models.CharField(max_length=40, blank=True)
    system = models.CharField(max_length=40, blank=True)
    signed_in_at = models.DateTimeField(default=timezone.now)
    last_active_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-last_active_at"]

    def __str__(self):
        return f"Signed-in session {self.pk}"

    @property
    def device(self) -> str:
        return describe(self.browser, self.system)


class RecoveryCode(models.Model):
    """A one-time code for signing in without the authenticator app.

    Stored only as a SHA-256 hash: the codes carry 60 random bits each and are shown
    once, when two-factor is turned on.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="recovery_codes",
    )
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Recovery code {self.pk}"
