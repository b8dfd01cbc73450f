"""Time-zone names offered to people, and the calendar day it is for them."""

import zoneinfo
from datetime import date, datetime
from functools import cache

# Browsers still report some zones by names the IANA database has since replaced.
LEGACY_NAMES = {
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Rangoon": "Asia/Yangon",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Europe/Kiev": "Europe/Kyiv",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "Atlantic/Faeroe": "Atlantic/Faroe",
    "Pacific/Enderbury": "Pacific/Kanton",
    "America/Godthab": "America/Nuuk",
    "Etc/UTC": "UTC",
    "Etc/GMT": "UTC",
}

_EXCLUDED_PREFIXES = (
    "Etc/",
    "SystemV/",
    "US/",
    "Canada/",
    "Mexico/",
    "Brazil/",
    "Chile/",
)


@cache
def time_zone_names() -> tuple[str, ...]:
    """Current IANA zone names, sorted, with UTC first."""
    names = {
        name
        for name in zoneinfo.available_timezones()
        if "/" in name
        and not name.startswith(_EXCLUDED_PREFIXES)
        and name not in LEGACY_NAMES
    }
    return ("UTC", *sorted(names))


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in time_zone_names()]


def normalise_time_zone(name: str) -> str:
    """Map an old zone name to its current one; other names pass through."""
    return LEGACY_NAMES.get(name, name)


def local_today(now_utc: datetime, time_zone: str) -> date:
    """The calendar date it is right now for someone living in ``time_zone``."""
    return now_utc.astimezone(zoneinfo.ZoneInfo(time_zone)).date()
