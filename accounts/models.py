import datetime
import time
from base64 import b32encode
from binascii import unhexlify
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from django_otp.oath import TOTP
from django_otp.util import random_hex

from accounts.choices import Language, WeekStart
from accounts.timezones import local_today
from core.encryption import EncryptedTextField
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
    # Where the person lives (ISO 3166-1 alpha-2), for the crisis lines shown to
    # them; blank while unknown. Guessed from the time zone at sign-up, then theirs
    # to change.
    country = models.CharField(_("country"), max_length=2, blank=True)
    # The address the person proved they read, by following a link sent there. A
    # changed address no longer matches, so it is unconfirmed until proved again.
    confirmed_email = models.EmailField(_("confirmed e-mail address"), blank=True)
    # Pages keep fragments that hold no journal text (a diary card's counts, a
    # streak, the progress charts) in the shared cache under this number; every
    # write bumps it (accounts/freshness.py), so a fragment never outlives one.
    journal_version = models.PositiveBigIntegerField(default=0, editable=False)
    # The first run after sign-up (next session, a reminder) is asked once: set when
    # the person answers or skips it. Accounts older than the first run count as
    # having seen it (migration 0011), so nobody settled in is asked.
    has_seen_welcome = models.BooleanField(default=False, editable=False)

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


def new_authenticator_key() -> str:
    """20 random bytes, hex-encoded, as django-otp's TOTPDevice makes them."""
    return random_hex(20)


class AuthenticatorDevice(TimestampMixin, ThrottlingMixin, Device):
    """An authenticator app (TOTP): django-otp's TOTPDevice with its key encrypted.

    The key is what the app shows codes from: whoever reads it can make every code,
    so it is stored encrypted under the field keys like journal text (and rotated
    with ``manage.py reencrypt``), never shown in the admin, and read only through
    accounts/two_factor.py.
    """

    key = EncryptedTextField(default=new_authenticator_key)  # hex, as in django-otp
    step = models.PositiveSmallIntegerField(default=30)
    t0 = models.BigIntegerField(default=0)
    digits = models.PositiveSmallIntegerField(default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    # The time step of the last code accepted: a code is never accepted twice.
    last_t = models.BigIntegerField(default=-1)

    class Meta(Device.Meta):
        verbose_name = "authenticator app"

    @property
    def bin_key(self) -> bytes:
        return unhexlify(self.key.encode("ascii"))

    def verify_token(self, token) -> bool:
        """True, once, for a code the app shows now (TOTPDevice's rules)."""
        allowed, _details = self.verify_is_allowed()
        if not allowed:
            return False
        try:
            token = int(token)
        except (TypeError, ValueError):
            verified = False
        else:
            totp = TOTP(self.bin_key, self.step, self.t0, self.digits, self.drift)
            totp.time = time.time()
            verified = totp.verify(token, self.tolerance, self.last_t + 1)
            if verified:
                self.last_t = totp.t()
                self.drift = totp.drift
                self.throttle_reset(commit=False)
                self.set_last_used_timestamp(commit=False)
                self.save()
        if not verified:
            self.throttle_increment(commit=True)
        return verified

    def get_throttle_factor(self):
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    @property
    def config_url(self) -> str:
        """The otpauth:// link an app reads from the QR code."""
        issuer = settings.OTP_TOTP_ISSUER.replace(":", "")
        label = f"{issuer}:{self.user.get_username()}"
        params = urlencode(
            {
                "secret": b32encode(self.bin_key),
                "algorithm": "SHA1",
                "digits": self.digits,
                "period": self.step,
            }
        )
        return f"otpauth://totp/{quote(label)}?{params}&issuer={quote(issuer)}"
