"""Page benchmark: each hot page against the framework's own ceiling, in one run.

    make bench                       # or: .venv/bin/python benchmarks/pages.py

Builds (once, then reuses) its own PostgreSQL database, ``between_sessions_bench``:
200 people with three years of practice each (1-3 entries on most days, notes,
ratings, guided exercises, weekly reflections, rest days, a weekly therapy session,
stars and a talk list, a share link) and 20 people who started a week ago. Serves the
app with gunicorn as the README's Deploying section does (DEBUG off, PostgreSQL, Redis
as the shared cache, whitenoise's compressed static files), with one addition for the
run only: a ceiling view, a ``login_required`` view that renders a one-line template
through the same middleware (``benchmarks/urls.py``).

Each page is measured in rounds: the ceiling, the page for a three-year and then a
one-week person, the ceiling again, then the page at 4 connections for each; each
measurement starts once the server has answered what the last one left queued. The
report gives the rounds' medians: requests/s at 16 connections, p50 and p99 at 4,
errors, the ratio to the ceiling measured around the page (the mean of before and
after), how much longer the three-year person's page takes (measured back to back),
and queries per page. Requests rotate over the people, so no page is
measured for one person only. Load comes from wrk. It also loads Today once
in Chromium, as a person's first visit, and counts requests and compressed bytes.
Not part of CI: it takes a few minutes and owns both cores.
"""

import argparse
import gzip
import hashlib
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.load import measure_round, summarise, wrk  # noqa: E402
from benchmarks.people import Person, build_people, sign_in  # noqa: E402
from benchmarks.report import make_report  # noqa: E402
from benchmarks.serving import ensure_database, say, wait_for_server  # noqa: E402

# (name, path; {token} and {week} are filled in per person: Person.path)
PAGES = [
    ("ceiling", "/bench/ceiling/"),
    ("Today", "/journal/"),
    ("week", "{week}"),
    ("progress", "/journal/progress/"),
    ("history", "/journal/entries/"),
    ("entry form", "/journal/entries/new/"),
    ("diary card", "/journal/card/"),
    ("check-in", "/journal/check-in/"),
    ("named skills", "/journal/skills/"),
    ("practice plan", "/journal/practice-plan/"),
    ("guide page", "/guide/distress-tolerance/"),
    ("share page", "/share/{token}/"),
    ("safety plan", "/journal/safety-plan/"),
    ("help with a plan", "/help/"),
]
SIGNED_OUT = {"share page"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--new-users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=4, help="per measurement")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="measurements of each page, interleaved with the ceiling's (medians)",
    )
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--only", nargs="*", help="page names to measure")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--json", type=Path, help="write the results here too")
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/between_sessions_bench",
    )
    parser.add_argument(
        "--cache-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"),
    )
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def bench_keys(database_url: str) -> tuple[str, str]:
    """Fixed keys for this throw-away database, so a later run can read its data."""
    import base64

    seed = hashlib.sha256(f"bench:{database_url}".encode()).digest()
    secret = "benchmark-" + hashlib.sha256(seed + b"secret").hexdigest()
    field_key = base64.urlsafe_b64encode(hashlib.sha256(seed + b"field").digest())
    return secret, field_key.decode()


def server_environment(args, port: int) -> dict:
    secret, field_key = bench_keys(args.database_url)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_FIELD_ENCRYPTION_KEYS": field_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_CACHE_URL": args.cache_url,
        # Production mode refuses the console backend; a benchmark sends no mail.
        "DJANGO_EMAIL_BACKEND": "none",
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    if args.workers:
        environment["GUNICORN_WORKERS"] = str(args.workers)
    return environment


# --- queries, measured in this process ---------------------------------------------


def count_queries(people_by_kind: dict[str, list[Person]]) -> dict:
    """Queries and page size per page, for the first person of each kind."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for kind, people in people_by_kind.items():
        person = people[0]
        for name, path in PAGES:
            client = Client()
            if name not in SIGNED_OUT:
                client.cookies[settings.SESSION_COOKIE_NAME] = person.session_key
            url = person.path(path)
            client.get(url)  # warm: the first request of a process reads more
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(
                    f"{name} for {person.username}: {response.status_code}"
                )
            counts[(name, kind)] = {
                "queries": len(queries),
                "bytes": len(response.content),
                "gzip": len(gzip.compress(response.content)),
            }
    return counts


def check_pages(port, people_by_kind) -> None:
    """Every page answers 200 for every person: a redirect would look fast."""
    import http.client

    for people in people_by_kind.values():
        for person in people:
            for name, path in PAGES:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                headers = {}
                if name not in SIGNED_OUT:
                    headers["Cookie"] = f"sessionid={person.session_key}"
                connection.request("GET", person.path(path), headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    raise SystemExit(
                        f"{name} answered {response.status} for {person.username}"
                    )


def first_visit(port, person) -> dict:
    """Today loaded once in Chromium with an empty cache: requests and bytes."""
    from benchmarks.page_weight import first_visit_weight

    return first_visit_weight(
        f"http://127.0.0.1:{port}", "/journal/", session_key=person.session_key
    )


# --- the run ------------------------------------------------------------------------


def main() -> int:
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (Debian: apt wrk).")
    port = free_port()
    environment = server_environment(args, port)
    os.environ.update(
        {k: v for k, v in environment.items() if k.startswith(("DJANGO_", "DATABASE_"))}
    )
    ensure_database(args.database_url)

    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    build_people(args)
    people_by_kind = {
        "3 years": sign_in("bench-0") + sign_in("bench-1"),
        "1 week": sign_in("bench-new-"),
    }
    pages = [p for p in PAGES if not args.only or p[0] in {"ceiling", *args.only}]
    say("Counting queries …")
    queries = count_queries(people_by_kind)

    from django.db import connections

    connections.close_all()
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py", "config.wsgi"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
    )
    results = {}
    try:
        wait_for_server(port)
        check_pages(port, people_by_kind)
        ceiling_path, ceiling_people = PAGES[0][1], people_by_kind["3 years"]
        for name, path in pages:
            kinds = ["3 years"] if name == "ceiling" else list(people_by_kind)
            options = {"signed_out": name in SIGNED_OUT}
            for kind in kinds:  # warm
                wrk(
                    port,
                    path,
                    people_by_kind[kind],
                    connections=4,
                    seconds=1,
                    **options,
                )
            rounds = {kind: [] for kind in kinds}
            for _ in range(args.rounds):
                measured = measure_round(
                    port,
                    path,
                    {kind: people_by_kind[kind] for kind in kinds},
                    ceiling=(ceiling_path, ceiling_people),
                    seconds=args.seconds,
                    **options,
                )
                for kind in kinds:
                    rounds[kind].append(measured[kind])
            for kind in kinds:
                results[(name, kind)] = summarise(rounds[kind])
            if len(kinds) == 2:
                # Measured back to back in each round: how much longer a three-year
                # person's page takes than a one-week person's (their rates' ratio).
                results[(name, "1 week")]["time_against_three_years"] = (
                    statistics.median(
                        week[1]["rate"] / three[1]["rate"]
                        for three, week in zip(*rounds.values(), strict=True)
                    )
                )
            for kind in kinds:
                result = results[(name, kind)]
                say(
                    f"  {name:<11} {kind:<8} {result['rate']:7.0f}/s "
                    f"({result['ratio']:.2f}× the ceiling)  p99 {result['p99']:.1f} ms"
                )
        weight = (
            None if args.no_browser else first_visit(port, people_by_kind["3 years"][0])
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    report, passed = make_report(args, results, queries, weight, pages)
    say(report)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "results": {f"{n}|{k}": v for (n, k), v in results.items()},
                    "queries": {f"{n}|{k}": v for (n, k), v in queries.items()},
                    "first_visit": weight,
                },
                indent=2,
            )
        )
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
