"""Two-factor sign-in with an authenticator app (TOTP, through django-otp).

The only module that reads or writes authenticators. Their keys are ours
(accounts.models.AuthenticatorDevice, encrypted at rest) rather than django-otp's
TOTPDevice, and recovery codes are ours rather than django-otp's static tokens: both
of those are stored as plain text, and a copy of the database must not hold a way
into anyone's journal.
"""

import base64
import hashlib
import re
import secrets

import segno
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AuthenticatorDevice, RecoveryCode

RECOVERY_CODE_COUNT = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
RECOVERY_CODE_LENGTH = 12  # about 60 bits
DEVICE_NAME = "Authenticator app"


def is_enabled(user) -> bool:
    """True when the person has a confirmed authenticator."""
    return AuthenticatorDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> AuthenticatorDevice:
    """The not-yet-confirmed authenticator being set up, made on first use."""
    device = AuthenticatorDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = AuthenticatorDevice.objects.create(
            user=user, name=DEVICE_NAME, confirmed=False
        )
    return device


def secret_for_typing(device: AuthenticatorDevice) -> str:
    """The key as people type it into an app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: AuthenticatorDevice) -> str:
    """The set-up link as an inline SVG (no script, no style attribute)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, border=3, title=_("QR code for your authenticator app")
    )


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def _hash(code: str) -> str:
    return hashlib.sha256(_normalise(code).encode("ascii", "ignore")).hexdigest()


def new_recovery_codes(user) -> list[str]:
    """Replace the person's recovery codes; the plain codes are returned only here."""
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    with transaction.atomic():
        RecoveryCode.objects.filter(user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(user=user, code_hash=_hash(code)) for code in codes
        )
    return [f"{code[:4]}-{code[4:8]}-{code[8:]}" for code in codes]


def code_matches_new_device(device: AuthenticatorDevice, code: str) -> bool:
    """True if the app being set up shows this code (each code works once)."""
    token = _normalise(code)
    return bool(token) and device.verify_token(token)


def turn_on(device: AuthenticatorDevice) -> list[str]:
    """Confirm the device whose code matched; returns the new recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


def verify(user, code: str):
    """The device that accepts this code (a used recovery code counts once), or None."""
    token = _normalise(code)
    if not token:
        return None
    for device in AuthenticatorDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            return device
    used = RecoveryCode.objects.filter(
        user=user, code_hash=_hash(token), used_at__isnull=True
    ).update(used_at=timezone.now())
    return RECOVERY if used else None


class _RecoveryDevice:
    """Stands for "a recovery code was used" where a device is expected."""

    persistent_id = "recovery"


RECOVERY = _RecoveryDevice()


def unused_recovery_codes(user) -> int:
    return RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()


def is_authenticator(device) -> bool:
    """True for an app's device (a recovery code has no device to remember)."""
    return isinstance(device, AuthenticatorDevice)


def turn_off(user) -> None:
    """Remove the authenticator and the recovery codes."""
    with transaction.atomic():
        AuthenticatorDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
