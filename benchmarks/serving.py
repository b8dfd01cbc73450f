"""What the benchmarks share: their own database, waiting for gunicorn, saying."""

import http.client
import sys
import time
import urllib.parse


def ensure_database(url: str) -> None:
    """Create the database named in url unless it exists."""
    import psycopg

    parsed = urllib.parse.urlparse(url)
    name = parsed.path.lstrip("/")
    admin_url = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def wait_for_server(port: int, seconds: float = 30) -> None:
    """Until /healthz answers on 127.0.0.1:port, polled every quarter second."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.25)
    raise SystemExit("gunicorn did not start")


def say(text: str) -> None:
    """A line on the benchmark's console, at once."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
