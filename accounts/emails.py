"""E-mail a person can trust: confirmed addresses, and plain security notices.

Until an address is confirmed, only password resets are sent to it (that is how a
person gets back in); notices about the account go to a confirmed address only, so
a mistyped address never receives news about someone else's journal. No e-mail ever
carries journal text.
"""

import logging
import smtplib

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Profile, profile_for

logger = logging.getLogger(__name__)

CONFIRM_SALT = "accounts.emails.confirm"
CONFIRM_MAX_AGE = 3 * 24 * 60 * 60

NOTICES = {
    "share-link-created": _("A link to your journal summary was made"),
    "two-factor-on": _("Two-factor sign-in was turned on"),
    "two-factor-off": _("Two-factor sign-in was turned off"),
    "password-changed": _("Your password was changed"),
    "email-changed": _("Your e-mail address was changed"),
    "sign-in-paused": _("Logging in to your journal was paused"),
}


class LinkRefused(Exception):
    """A confirm link that is damaged, expired, or for an address since changed."""


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirm_token(user) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=CONFIRM_SALT)


def sends_email() -> bool:
    """False when the operator chose no mail (DJANGO_EMAIL_BACKEND=none): pages then
    never say a link was sent."""
    return settings.EMAIL_BACKEND != settings.NO_EMAIL_BACKEND


def send_confirm_link(user) -> None:
    """Send the address a link that proves the person reads it."""
    if not user.email:
        return
    url = absolute(reverse("accounts:email-confirm", args=[confirm_token(user)]))
    with translation.override(profile_for(user).language):
        sent = _send(user.email, "accounts/email/confirm", {"url": url, "user": user})
    if sent:
        logger.info("Confirm link sent for user %s", user.pk)


def confirm(token: str):
    """The user whose address the token confirms, now confirmed; or LinkRefused."""
    from django.contrib.auth import get_user_model

    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkRefused("expired") from None
    except signing.BadSignature:
        raise LinkRefused("damaged") from None
    user = get_user_model().objects.filter(pk=payload.get("user")).first()
    if user is None or user.email.casefold() != str(payload.get("email")).casefold():
        raise LinkRefused("changed")
    Profile.objects.filter(user=user).update(confirmed_email=user.email)
    return user


def send_notice(user, kind: str, *, to: str | None = None) -> bool:
    """A plain security notice, to the confirmed address only; True if sent."""
    address = to or (user.email if profile_for(user).has_confirmed_email else "")
    if not address:
        return False
    context = {
        "user": user,
        "subject": NOTICES[kind],
        "kind": kind,
        "reset_url": absolute(reverse("password_reset")),
        "settings_url": absolute(reverse("accounts:settings")),
    }
    # In the recipient's language, whoever (or whatever page) set it off.
    with translation.override(profile_for(user).language):
        sent = _send(address, "accounts/email/notice", context)
    if sent:
        logger.info("Notice %s sent for user %s", kind, user.pk)
    return sent


def _send(address: str, template: str, context: dict) -> bool:
    """Send one e-mail; a mail server that is down never breaks what the person did."""
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    body = render_to_string(f"{template}_body.txt", context)
    try:
        send_mail(subject, body, None, [address])
    except (smtplib.SMTPException, OSError):
        logger.exception("E-mail %s could not be sent", template)
        return False
    return True
