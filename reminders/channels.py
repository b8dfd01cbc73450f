"""The ways a reminder reaches a person. The words are the same everywhere:
kind, generic, and free of journal text, skills and counts, because a lock screen or
a shared inbox may show them to someone else."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from reminders import push

UNSUBSCRIBE_SALT = "reminders.unsubscribe"


def reachable(reminder, profile, *, has_subscription: bool) -> list[str]:
    """The chosen channels that can reach the person now."""
    found = []
    if reminder.channel_email and profile.has_confirmed_email:
        found.append("email")
    if reminder.channel_push and push.is_configured() and has_subscription:
        found.append("push")
    return found


def unsubscribe_url(user) -> str:
    token = signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT)
    return settings.SITE_URL.rstrip("/") + reverse(
        "reminders:unsubscribe", args=[token]
    )


def reminder_words() -> tuple[str, str]:
    """(title, line): the same for everyone, in the active language."""
    return (
        _("A moment for your practice?"),
        _("Two sentences is plenty. Your journal is here when you are ready."),
    )


def deliver(reminder, channels: list[str]) -> None:
    """Send the reminder on each channel; raises if one fails."""
    if "email" in channels:
        _send_email(reminder.user)
    if "push" in channels:
        title, line = reminder_words()
        message = {"title": title, "body": line, "url": reverse("journal:today")}
        for subscription in reminder.user.push_subscriptions.all():
            push.send(subscription, message)


def _send_email(user) -> None:
    title, line = reminder_words()
    unsubscribe = unsubscribe_url(user)
    context = {
        "line": line,
        "journal_url": settings.SITE_URL.rstrip("/") + reverse("journal:today"),
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
