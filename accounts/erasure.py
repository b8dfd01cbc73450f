"""Erasing an account and every row it owns."""

from importlib import import_module

from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from accounts.models import LoginFailure
from core.backups import erasures


def erase_account(user, *, remember: bool = True) -> None:
    """Delete the user and everything of theirs, in one transaction.

    Everything the apps keep for a person (profile, entries, reflections, share
    links) is tied to the user with on_delete=CASCADE and goes with the user.
    Sessions are not linked to users by a foreign key, so each live session is read
    to find theirs; log-in attempt records are kept by username.

    Once it is done, the account goes on the list of erased accounts kept beside the
    backups (core/backups/erasures.py), so that restoring an older backup erases it
    again; a restore doing just that passes remember=False.
    """
    user_id = str(user.pk)
    username = user.get_username()
    account_id, joined_at = user.pk, user.date_joined
    with transaction.atomic():
        session_keys = [
            session.session_key
            for session in Session.objects.filter(
                expire_date__gt=timezone.now()
            ).iterator()
            if session.get_decoded().get("_auth_user_id") == user_id
        ]
        Session.objects.filter(session_key__in=session_keys).delete()
        # And their copies in the shared cache (cached_db sessions), after the commit.
        transaction.on_commit(lambda: _forget_cached(session_keys))
        _erase_login_attempts(username)
        # Admin history names the person in its text as well as by id.
        LogEntry.objects.filter(user=user).delete()
        LogEntry.objects.filter(
            content_type__app_label="auth",
            content_type__model="user",
            object_id=user_id,
        ).delete()
        user.delete()
        if remember:
            transaction.on_commit(
                lambda: erasures.remember(account_id, joined_at, timezone.now())
            )


def _forget_cached(session_keys) -> None:
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    for key in session_keys:
        store.delete(key)


def _erase_login_attempts(username: str) -> None:
    from django.apps import apps

    LoginFailure.objects.filter(username=username).delete()
    if not apps.is_installed("axes"):
        return
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()
