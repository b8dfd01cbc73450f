"""PostgreSQL: pg_dump's custom format out, pg_restore in.

pg_dump must be at least the server's major version (an older one refuses, or
worse, misses what it does not know), so both tools' versions are checked first and
the reason is said plainly. The connection settings (host, user, password, TLS) come
from DATABASE_URL and reach the tools through the environment, never the command
line, where any user of the machine could read the password.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

from django.db import connection

from core.backups import BackupError

VERSION = re.compile(r"\)\s+(\d+)(?:\.(\d+))?")
DUMPED_FROM = re.compile(r"Dumped from database version:\s*(\d+)")
DUMPED_BY = re.compile(r"Dumped by pg_dump version:\s*(\d+)")


def server_major() -> int:
    connection.ensure_connection()
    return connection.pg_version // 10000


def tool_major(tool: str) -> int:
    """The major version of pg_dump or pg_restore on this machine."""
    if shutil.which(tool) is None:
        raise BackupError(
            f"{tool} is not installed here (Debian: apt install postgresql-client)."
        )
    output = _run([tool, "--version"]).stdout
    match = VERSION.search(output)
    if match is None:
        raise BackupError(f"Cannot tell the version of {tool} from {output!r}.")
    return int(match.group(1))


def check_dump_version() -> tuple[int, int]:
    """(pg_dump's major version, the server's); refuses an older pg_dump."""
    dump, server = tool_major("pg_dump"), server_major()
    if dump < server:
        raise BackupError(
            f"pg_dump {dump} is older than the PostgreSQL {server} server: it cannot "
            f"make a backup that restores. Install pg_dump {server} or newer (the "
            f"postgresql-client-{server} package) and run this again."
        )
    return dump, server


def dump(path: Path) -> None:
    """Write the whole database to path, in pg_dump's custom format."""
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={path}",
        ],
        env=_connection_environment(),
    )


def describe(path: Path) -> dict[str, int]:
    """The server and pg_dump major versions a custom-format file was made with."""
    listing = _run(["pg_restore", "--list", str(path)]).stdout
    found = {}
    for name, pattern in (("dumped_from", DUMPED_FROM), ("dumped_by", DUMPED_BY)):
        match = pattern.search(listing)
        if match is None:
            raise BackupError(f"{path} does not say which PostgreSQL made it.")
        found[name] = int(match.group(1))
    return found


def check_restore_version(path: Path) -> None:
    made = describe(path)
    restore, server = tool_major("pg_restore"), server_major()
    if restore < made["dumped_by"]:
        raise BackupError(
            f"The backup was made by pg_dump {made['dumped_by']}; pg_restore "
            f"{restore} cannot read it. Install pg_restore {made['dumped_by']} or "
            "newer."
        )
    if server < made["dumped_from"]:
        raise BackupError(
            f"The backup comes from PostgreSQL {made['dumped_from']}; this server is "
            f"PostgreSQL {server}. Restore into PostgreSQL {made['dumped_from']} or "
            "newer."
        )


def drop_tables(tables: list[str]) -> None:
    """Empty the database for --replace: every table, with what depends on it."""
    if not tables:
        return
    quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {quoted} CASCADE")  # noqa: S608


def restore(path: Path) -> None:
    """Load a custom-format file into the (empty) database, all or nothing."""
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={connection.settings_dict['NAME']}",
            str(path),
        ],
        env=_connection_environment(),
    )


def _connection_environment() -> dict[str, str]:
    settings_dict = connection.settings_dict
    _args, environment = connection.client.settings_to_cmd_args_env(settings_dict, [])
    environment = dict(environment or {})
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGDATABASE", "NAME"),
    ):
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    return {**os.environ, **environment}


def _run(command: list[str], env: dict[str, str] | None = None):
    try:
        return subprocess.run(  # noqa: S603 - fixed tools, arguments from settings
            command, env=env, capture_output=True, text=True, check=True
        )
    except subprocess.CalledProcessError as error:
        # The tools' own words name tables and options, never a password or a row.
        reason = (error.stderr or error.stdout or "").strip()
        raise BackupError(f"{command[0]} failed: {reason}") from None
