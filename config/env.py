"""Reading settings from the environment: small helpers that fail loudly.

Each raises ImproperlyConfigured naming the variable and the value it could not use,
so a misconfigured deploy stops at start-up with a one-line reason.
"""

import base64
import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_SPELLINGS = {"1", "true", "yes", "on"}
FALSE_SPELLINGS = {"0", "false", "no", "off", ""}
CACHE_TIMEOUT_SECONDS = 0.5


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_SPELLINGS:
        return True
    if value in FALSE_SPELLINGS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be 1/0, true/false, yes/no or on/off, not {raw!r}."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {raw!r}."
        ) from None


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ImproperlyConfigured(
            f"{name} must be one of {', '.join(choices)}, not {value!r}."
        )
    return value


def env_date(name: str, default: datetime.date) -> datetime.date:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return datetime.date.fromisoformat(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a date as YYYY-MM-DD, not {raw!r}."
        ) from None


def env_list(name: str) -> list[str]:
    return [
        item.strip() for item in os.environ.get(name, "").split(",") if item.strip()
    ]


def env_networks(name: str, default: str) -> list:
    raw = os.environ.get(name, default)
    try:
        return [
            ipaddress.ip_network(item.strip(), strict=False)
            for item in raw.split(",")
            if item.strip()
        ]
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be comma-separated addresses or networks "
            f"(like 127.0.0.1,10.0.0.0/8), not {raw!r}."
        ) from None


def fernet_keys(name: str, development_key: str, *, debug: bool) -> list[str]:
    """Encryption keys for journal text, newest first (see core/encryption.py)."""
    keys = env_list(name) or ([development_key] if debug else [])
    if not debug:
        if not keys:
            raise ImproperlyConfigured(
                f"DJANGO_DEBUG=0 needs {name}: one or more keys, newest first, made "
                'with `python -c "from cryptography.fernet import Fernet; '
                'print(Fernet.generate_key().decode())"`.'
            )
        if development_key in keys:
            raise ImproperlyConfigured(
                f"{name} holds the development key; make a real one."
            )
    for key in keys:
        try:
            if len(base64.urlsafe_b64decode(key.encode("ascii"))) != 32:
                raise ValueError
        except (ValueError, UnicodeError):
            raise ImproperlyConfigured(
                f"{name} must be comma-separated Fernet keys "
                "(32 url-safe base64 bytes)."
            ) from None
    return keys


def cache_from_url(url: str) -> dict:
    """A CACHES entry for DJANGO_CACHE_URL: redis://…, db:// or locmem://."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "core.cache.RedisCache",
            "LOCATION": url,
            # A Redis that is down, or a host that never answers, costs a request
            # at most this long per trip; core/cache.py then treats it as a miss.
            "OPTIONS": {
                "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_TIMEOUT_SECONDS,
            },
        }
    if url == "db://":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
        }
    if url == "locmem://":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ImproperlyConfigured(
        f"DJANGO_CACHE_URL must start with redis://, rediss:// or unix://, or be "
        f"db:// or locmem://, not {url!r}."
    )


def refuse_placeholders(placeholder: str, *names: str) -> None:
    """Stop the start when a variable still holds .env.example's placeholder."""
    for name in names:
        if placeholder in os.environ.get(name, ""):
            raise ImproperlyConfigured(
                f"{name} still holds the placeholder from .env.example; fill in the "
                "lines marked FILL IN (the file says how to make each value)."
            )


def database_from_env(sqlite_file: Path, *, debug: bool) -> dict:
    """The default DATABASES entry, from DATABASE_URL and the connection options."""
    url = env_str("DATABASE_URL")
    if not debug and not url:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG=0 needs DATABASE_URL, e.g. "
            "postgres://user:password@host:5432/between_sessions (or "
            "sqlite:////srv/between-sessions/db.sqlite3 for a one-person deployment)."
        )
    database = dj_database_url.parse(
        url or f"sqlite:///{sqlite_file}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    # Behind PgBouncer in transaction mode, a server-side cursor (QuerySet.iterator())
    # can outlive its transaction on a server connection by then handed to another
    # client: DJANGO_DISABLE_SERVER_SIDE_CURSORS=1 turns them off.
    database["DISABLE_SERVER_SIDE_CURSORS"] = env_bool(
        "DJANGO_DISABLE_SERVER_SIDE_CURSORS", False
    )
    return database
