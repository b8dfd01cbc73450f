"""The journal's addresses for pieces drawn in Python, reversed once per process.

Today links to the same few addresses on every visit, and Django's reverse()
costs about 20 µs a call. Each memo is keyed by the script prefix, which
reverse() puts in front, so a site served under a path gets its own.
"""

import datetime
import functools
import uuid

from django.urls import get_script_prefix, reverse


@functools.lru_cache(maxsize=64)
def _fixed(name: str, prefix: str) -> str:
    # ``prefix`` only keys the memo: reverse() reads the active script prefix.
    return reverse(name)


def fixed_url(name: str, prefix: str | None = None) -> str:
    """``reverse(name)`` for an address that takes no value (``prefix``: the
    script prefix, when the caller has already looked it up)."""
    return _fixed(name, prefix or get_script_prefix())


@functools.lru_cache(maxsize=64)
def _around_pk(name: str, prefix: str) -> tuple[str, str]:
    # ``prefix`` only keys the memo: reverse() reads the active script prefix.
    before, after = reverse(name, kwargs={"pk": 0}).rsplit("/0/", 1)
    return before + "/", "/" + after


def pk_url(name: str, pk: int, prefix: str | None = None) -> str:
    """``reverse(name, kwargs={"pk": pk})`` for an address around an id."""
    before, after = _around_pk(name, prefix or get_script_prefix())
    return f"{before}{pk}{after}"


# Any day: an address around a day is reversed once around this one.
_SAMPLE_DAY = datetime.date(2000, 1, 1)


@functools.lru_cache(maxsize=16)
def _around_day(name: str, prefix: str) -> tuple[str, str]:
    # ``prefix`` only keys the memo: reverse() reads the active script prefix.
    before, after = reverse(name, args=[_SAMPLE_DAY]).rsplit(_SAMPLE_DAY.isoformat(), 1)
    return before, after


def day_url(name: str, day: datetime.date) -> str:
    """``reverse(name, args=[day])`` for an address around a day (YYYY-MM-DD)."""
    before, after = _around_day(name, get_script_prefix())
    return f"{before}{day.isoformat()}{after}"


# Any uuid: an address around one is reversed once around this one.
_SAMPLE_UUID = uuid.UUID(int=0)


@functools.lru_cache(maxsize=16)
def _around_uuid(name: str, prefix: str) -> tuple[str, str]:
    # ``prefix`` only keys the memo: reverse() reads the active script prefix.
    before, after = reverse(name, args=[_SAMPLE_UUID]).rsplit(str(_SAMPLE_UUID), 1)
    return before, after


def uuid_url(name: str, value: uuid.UUID) -> str:
    """``reverse(name, args=[value])`` for an address around a uuid."""
    before, after = _around_uuid(name, get_script_prefix())
    return f"{before}{value}{after}"
