"""Checking a password or a code in a form, under the pause rules.

The one way a form asks "is this right?" (accounts/lockout.py counts and pauses); a
pause becomes a calm message beside the field instead of a check.
"""

import math

from django import forms
from django.utils import timezone
from django.utils.translation import ngettext

from accounts import lockout


def pause_message(until) -> str:
    minutes = max(1, math.ceil((until - timezone.now()).total_seconds() / 60))
    return ngettext(
        "That's a lot of tries in a row, so we've paused this for a little while to "
        "keep your account safe. You can try again in about %(minutes)d minute.",
        "That's a lot of tries in a row, so we've paused this for a little while to "
        "keep your account safe. You can try again in about %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def is_right(form, check, *, field: str | None = None, signing_in=False) -> bool:
    """``check()`` through lockout.check for ``form.user``; wrong answers count.

    Paused: raises the message, on ``field`` when called from ``clean()``, on the
    field being cleaned when called from its ``clean_<field>()``.
    """
    try:
        return lockout.check(form.request, form.user, check, signing_in=signing_in)
    except lockout.Paused as paused:
        form.paused_until = paused.until
        error = forms.ValidationError(pause_message(paused.until), code="paused")
        raise (forms.ValidationError({field: error}) if field else error) from None
