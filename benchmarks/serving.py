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


# /healthz answers in 1-2 ms on an idle server; behind a queue, in tens of ms.
IDLE_ANSWER_MS = 10


def settle(port: int, seconds: float = 10) -> None:
    """Until gunicorn has answered what the last load left queued.

    wrk stops with requests still waiting in the server's listen queue, and the
    workers answer those (to closed sockets) first: a measurement started at once
    timed its first requests behind them, 35-60 ms after 16 connections on this
    machine type, which is where most of a page's p99 at 4 connections came from.
    /healthz, one request at a time, until two in a row answer at once: the queue
    is empty.
    """
    deadline = time.monotonic() + seconds
    quick = 0
    while quick < 2 and time.monotonic() < deadline:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        connection.request("GET", "/healthz")
        connection.getresponse().read()
        connection.close()
        answered_ms = (time.perf_counter() - started) * 1000
        quick = quick + 1 if answered_ms < IDLE_ANSWER_MS else 0


def say(text: str) -> None:
    """A line on the benchmark's console, at once."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()
