"""The ways a reminder reaches a person. The words are the same everywhere:
kind, generic, and free of journal text, skills and counts, because a lock screen or
a shared inbox may show them to someone else."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from reminders import push

UNSUBSCRIBE_SALT = "reminders.unsubscribe"
# The token carries the time it was signed (signing.dumps): a link from an old
# e-mail, forwarded or left in an archive, stops working after this.
UNSUBSCRIBE_MAX_AGE = datetime.timedelta(days=60)


def reachable(reminder, profile, *, has_subscription: bool) -> list[str]:
    """The chosen channels that can reach the person now."""
    found = []
    if reminder.channel_email and profile.has_confirmed_email:
        found.append("email")
    if reminder.channel_push and push.is_configured() and has_subscription:
        found.append("push")
    return found


def unsubscribe_url(user) -> str:
    """A link that turns reminder e-mails off for UNSUBSCRIBE_MAX_AGE, no log-in."""
    token = signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT)
    return settings.SITE_URL.rstrip("/") + reverse(
        "reminders:unsubscribe", args=[token]
    )


def reminder_words(*, has_plan: bool = False) -> tuple[str, str]:
    """(title, line): the same for everyone, in the active language. With a
    practice plan one more sentence says there is one, never what is in it."""
    line = _("Two sentences is plenty. Your journal is here when you are ready.")
    if has_plan:
        waiting = _("Your plan for this week is waiting.")
        line = f"{line} {waiting}"
    return _("A moment for your practice?"), line


def nudge_words() -> tuple[str, str]:
    """The evening before a session: the same for everyone, no journal content."""
    return (
        _("Your summary for tomorrow is ready"),
        _("Before your session, you can look over what you practiced since last time."),
    )


def deliver(
    reminder, channels: list[str], *, nudge: bool = False, has_plan: bool = False
) -> None:
    """Send the daily reminder (or the session nudge) on each channel."""
    title, line = nudge_words() if nudge else reminder_words(has_plan=has_plan)
    path = reverse("journal:since-last-session" if nudge else "journal:today")
    if "email" in channels:
        _send_email(reminder.user, title, line, path)
    if "push" in channels:
        message = {"title": title, "body": line, "url": path}
        for subscription in reminder.user.push_subscriptions.all():
            push.send(subscription, message)


def _send_email(user, title: str, line: str, path: str) -> None:
    unsubscribe = unsubscribe_url(user)
    context = {
        "line": line,
        "journal_url": settings.SITE_URL.rstrip("/") + path,
        "unsubscribe_url": unsubscribe,
    }
    message = EmailMessage(
        subject=title,
        body=render_to_string("reminders/email_body.txt", context),
        to=[user.email],
        headers={
            # RFC 8058: mail apps offer a one-click "unsubscribe" that POSTs here.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def unsubscribing_user_id(token: str) -> int | None:
    """The person an unsubscribe token names; None when it is not one of ours.

    Raises signing.SignatureExpired for a real token that is too old.
    """
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)[
            "user"
        ]
    except signing.SignatureExpired:
        raise
    except (signing.BadSignature, KeyError, TypeError):
        return None
