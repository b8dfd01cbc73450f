"""Soak test: many people logging entries at once, and not one entry lost.

Runs gunicorn + PostgreSQL on this machine only (loopback), for a bounded time:

    .venv/bin/python benchmarks/soak.py --clients 50 --seconds 60

It creates (or reuses) a separate database, ``between_sessions_soak``, makes one user
per client, starts gunicorn with the project's config, and lets every client post
entries in a loop. At the end, every entry the server acknowledged (a 302 after the
POST) must be in the database, and no request may have failed. Not part of CI.
"""

import argparse
import base64
import datetime
import http.client
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.serving import ensure_database, wait_for_server  # noqa: E402

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/between_sessions_soak",
    )
    return parser.parse_args()


def server_environment(args) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        # A key for this run's notes only: the soak database is throw-away.
        "DJANGO_FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(
            secrets.token_bytes(32)
        ).decode(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATICFILES_STORAGE": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
        # Production mode refuses the console backend; a benchmark sends no mail.
        "DJANGO_EMAIL_BACKEND": "none",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_WORKERS": str(args.workers),
    }


def prepare_users(count: int) -> list[str]:
    """Migrate, then make one signed-in session per client; return session keys."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    keys = []
    run = secrets.token_hex(3)
    for number in range(count):
        user = get_user_model().objects.create_user(f"soak-{run}-{number}")
        client = Client()
        client.force_login(user)
        keys.append(client.cookies["sessionid"].value)
    return keys


class SoakClient(threading.Thread):
    def __init__(self, port, session_key, deadline):
        super().__init__(daemon=True)
        self.port, self.deadline = port, deadline
        self.cookies = {"sessionid": session_key}
        self.acknowledged: list[str] = []
        self.failures: list[str] = []
        self.latencies: list[float] = []

    def request(self, method, path, fields=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return response.status, text
        finally:
            self.latencies.append(time.perf_counter() - started)
            connection.close()

    def run(self):
        try:
            status, page = self.request("GET", "/journal/")
            token = CSRF_FIELD.search(page).group(1)
        except Exception as error:  # noqa: BLE001 - reported in the summary
            self.failures.append(f"start: {error!r}")
            return
        number = 0
        while time.monotonic() < self.deadline:
            entry_uuid = str(uuid.uuid4())
            try:
                status, _ = self.request(
                    "POST",
                    "/journal/entries/new/",
                    {
                        "csrfmiddlewaretoken": token,
                        "uuid": entry_uuid,
                        "return_to": "today",
                        "skill": "behavioral-activation",
                        "note": f"soak entry {number}",
                        # Spread over days: one day holds at most 100 entries.
                        "practiced_on": (
                            datetime.date(2026, 1, 1)
                            + datetime.timedelta(days=number % 300)
                        ).isoformat(),
                    },
                )
            except Exception as error:  # noqa: BLE001 - reported in the summary
                self.failures.append(repr(error))
                continue
            if status == 302:
                self.acknowledged.append(entry_uuid)
            else:
                self.failures.append(f"HTTP {status}")
            number += 1


def main() -> int:
    args = parse_args()
    environment = server_environment(args)
    os.environ.update(
        {k: v for k, v in environment.items() if k.startswith(("DJANGO_", "DATABASE_"))}
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    ensure_database(args.database_url)
    session_keys = prepare_users(args.clients)

    gunicorn = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        "config/gunicorn.py",
        "config.wsgi",
    ]
    server = subprocess.Popen(  # noqa: S603 - our own command line
        gunicorn, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL
    )
    try:
        wait_for_server(args.port)
        deadline = time.monotonic() + args.seconds
        clients = [SoakClient(args.port, key, deadline) for key in session_keys]
        started = time.monotonic()
        for client in clients:
            client.start()
        for client in clients:
            client.join(timeout=args.seconds + 60)
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    from journal.models import Entry

    acknowledged = [u for client in clients for u in client.acknowledged]
    failures = [f for client in clients for f in client.failures]
    latencies = sorted(t for client in clients for t in client.latencies)
    stored = Entry.objects.filter(uuid__in=acknowledged).count()
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0
    say = sys.stdout.write
    say(f"clients {args.clients}, {elapsed:.0f} s, gunicorn workers {args.workers}\n")
    say(f"requests {len(latencies)}, {len(latencies) / elapsed:.0f}/s\n")
    median = statistics.median(latencies) if latencies else 0
    say(f"latency median {median * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms\n")
    say(f"entries acknowledged {len(acknowledged)}, found in the database {stored}\n")
    say(f"failed requests {len(failures)} {failures[:5]}\n")
    return 0 if stored == len(acknowledged) and not failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
