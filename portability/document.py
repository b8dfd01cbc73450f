"""The export document's outer shape: its name, its versions, and the refusals.

The format (version 6) is documented, with an example, in the README's "Export
format" section. ``exporting.export_document`` is its one writer and
``importing.import_document`` its one reader (versions 1 to 6).
"""

from __future__ import annotations

import datetime
import json

from django.utils.translation import gettext as _

FORMAT_NAME = "between-sessions-export"
# 2 added "rest_days"; 3 added each entry's "exercise" and "activity_plans"; 4 added
# "session_schedules", "therapy_sessions", "stars" and "talk_points"; 5 added
# "safety_plan" (an object, or null), the diary card's "card_rows" and
# "check_ins", "named_skills" and each entry's "technique"; 6 added
# "practice_plans" (each with its items, their ticks, and its missed days). Files
# of every earlier version are still read.
FORMAT_VERSION = 6
READABLE_VERSIONS = (1, 2, 3, 4, 5, 6)
LIST_KEYS = (
    "entries",
    "reflections",
    "rest_days",
    "activity_plans",
    "session_schedules",
    "therapy_sessions",
    "stars",
    "talk_points",
    "card_rows",
    "check_ins",
    "named_skills",
    "practice_plans",
)
# No whole number of the format comes near this; Python itself refuses to read one
# of more than 4,300 digits, which json.loads would raise as a bare ValueError.
MAX_DIGITS = 20


class ImportRefused(Exception):
    """The file cannot be imported; the message says why, in plain words."""


def utc_iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat()


def shown(value, limit: int = 40) -> str:
    """A piece of the file, safe to repeat in a message (no lone surrogates)."""
    return str(value)[:limit].encode("utf-8", "replace").decode("utf-8")


def unreadable(record: str, problem: str) -> ImportRefused:
    """The one refusal for a record that cannot be read, e.g. "Entry 2"."""
    return ImportRefused(
        _("%(record)s could not be read: %(problem)s Nothing was imported.")
        % {"record": record, "problem": problem}
    )


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ImportRefused(
            _(
                "This file holds a number far too long for an export. Nothing was "
                "imported."
            )
        )
    return int(digits)


def read_document(raw: bytes) -> dict:
    """Parse and check the outer shape of an export file (its size is the form's)."""
    try:
        document = json.loads(raw.decode("utf-8-sig"), parse_int=_whole_number)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ImportRefused(
            _("This file is not a Between Sessions export (it is not readable JSON).")
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportRefused(_("This file is not a Between Sessions export."))
    if document.get("version") not in READABLE_VERSIONS:
        raise ImportRefused(
            _("This export is from a version we cannot read (version %(version)s).")
            % {"version": shown(document.get("version"), 20)}
        )
    for key in LIST_KEYS:
        if not isinstance(document.get(key, []), list):
            raise ImportRefused(
                _("This export is damaged: “%(key)s” is not a list.") % {"key": key}
            )
    if not isinstance(document.get("safety_plan"), dict | None):
        raise ImportRefused(
            _("This export is damaged: “safety_plan” is not an object.")
        )
    return document
