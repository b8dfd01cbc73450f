"""The list of erased accounts kept beside the backups, which a restore applies again.

A backup made before someone erased their account still holds that account:
restoring it would bring back what they asked us to delete. So every erasure adds
one line to settings.ERASED_ACCOUNTS_FILE (DJANGO_ERASED_ACCOUNTS_FILE), and
`manage.py restore` erases those accounts again. A line holds the account's id and
the moment it joined, nothing that names the person. The moment is there because an
id can be given out again after a restore (the database's counter goes back with
it): an account is erased again only when both match.

The file is only ever appended to (one short write each, so lines from several
processes do not mix). Core imports no app: the accounts app registers the function
that erases an account (register_eraser, in its AppConfig.ready).
"""

import datetime
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from core.backups import BackupError

logger = logging.getLogger(__name__)

_eraser: Callable | None = None


@dataclass(frozen=True)
class Erasure:
    account_id: int
    joined_at: datetime.datetime
    erased_at: datetime.datetime


def register_eraser(erase: Callable) -> None:
    """The function that erases one account (given the user) without listing it."""
    global _eraser
    _eraser = erase


def list_path() -> Path | None:
    path = settings.ERASED_ACCOUNTS_FILE
    return Path(path) if path else None


def remember(
    account_id: int, joined_at: datetime.datetime, erased_at: datetime.datetime
) -> bool:
    """Add an erased account to the list; False (and an error logged) if it could
    not be written, so the operator knows a restore would bring it back."""
    path = list_path()
    if path is None:
        return False
    line = json.dumps(
        {
            "account": account_id,
            "joined_at": joined_at.isoformat(),
            "erased_at": erased_at.isoformat(),
        }
    )
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
        try:
            os.write(descriptor, (line + "\n").encode())
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError as error:
        logger.error(
            "Could not add erased account %s to %s (%s): a restore from an older "
            "backup would bring it back.",
            account_id,
            path,
            error.strerror,
        )
        return False
    return True


def read(path: Path) -> list[Erasure]:
    """Every erasure in the list, in order; a missing file is an empty list."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror}.") from None
    erasures = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
            erasures.append(
                Erasure(
                    account_id=int(fields["account"]),
                    joined_at=datetime.datetime.fromisoformat(fields["joined_at"]),
                    erased_at=datetime.datetime.fromisoformat(fields["erased_at"]),
                )
            )
        except (ValueError, KeyError, TypeError):
            raise BackupError(
                f"Line {number} of {path} cannot be read; nothing was erased."
            ) from None
    return erasures


def erase_again(erasures: list[Erasure]) -> int:
    """Erase the listed accounts the database holds again; how many were."""
    if not erasures:
        return 0
    if _eraser is None:
        raise BackupError("No app registered how to erase an account.")
    joined = {erasure.account_id: erasure.joined_at for erasure in erasures}
    erased = 0
    for user in get_user_model().objects.filter(pk__in=list(joined)):
        if user.date_joined == joined[user.pk]:
            _eraser(user)
            erased += 1
    return erased
