"""Time-zone names offered to people, and the calendar day it is for them."""

import zoneinfo
from datetime import date, datetime
from functools import cache
from importlib import resources

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


@cache
def _zone_countries() -> dict[str, str]:
    """Each IANA zone's country, from the tz database's own zone.tab."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text()
    countries = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, _coordinates, zone, *_comment = line.split("\t")
            countries[zone] = code
    return countries


def country_of_time_zone(name: str) -> str:
    """The country a time zone lies in (ISO 3166-1 alpha-2), or "" when it names none.

    A guess to start from: UTC and the Etc/ zones say nothing about where someone
    lives, so they give "" (unknown) rather than a wrong country.
    """
    return _zone_countries().get(normalise_time_zone(name), "")
