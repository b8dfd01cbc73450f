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

For each page it reports requests/s at 16 connections, p50 and p99 at 4, errors, the
ratio to the ceiling measured in the same run, the same for a one-week person beside
the three-year person, and queries per page. Requests rotate over the people, so no
page is measured for one person only. Load comes from wrk. It also loads Today once
in Chromium, as a person's first visit, and counts requests and compressed bytes.
Not part of CI: it takes a few minutes and owns both cores.
"""

import argparse
import datetime
import gzip
import hashlib
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.serving import ensure_database, wait_for_server  # noqa: E402

DATA_VERSION = "3"  # bump when the generated history changes shape
THREE_YEARS = 3 * 365 + 1
SHARE_TOKEN_SALT = "between-sessions-benchmark"  # noqa: S105 - a local test database

# (name, path; {user} and {token} are filled in per person, {day} with their today)
PAGES = [
    ("ceiling", "/bench/ceiling/"),
    ("Today", "/journal/"),
    ("week", "{week}"),
    ("progress", "/journal/progress/"),
    ("history", "/journal/entries/"),
    ("entry form", "/journal/entries/new/"),
    ("guide page", "/guide/distress-tolerance/"),
    ("share page", "/share/{token}/"),
]
SIGNED_OUT = {"share page"}

TARGETS = {
    "Today": 0.3,
    "week": 0.3,
    "history": 0.3,
    "entry form": 0.3,
    "share page": 0.3,
    "progress": 0.25,
    "guide page": 0.5,
}
P99_TARGET_MS = 50
ONE_WEEK_TOLERANCE = 0.20
FIRST_VISIT_BYTES = 80 * 1024
FIRST_VISIT_REQUESTS = 12

NOTES = [
    "Named the feeling before I answered and my voice stayed calm.",
    "Cold water on my face and slow breathing in the car park until it passed.",
    "Wrote the thought down and looked for what else could be true.",
    "Asked for what I needed at work, clearly and kindly, and it went all right.",
    "Went for a short walk although I felt flat; a little lighter afterwards.",
    "Noticed the urge to check my phone and rode it out for ten minutes.",
    "Told my sister I could not come on Sunday without apologising five times.",
    "Made the bed and opened the window, then called a friend.",
    "Counted five things I could see when the panic started on the bus.",
    "Caught myself mind-reading in the meeting and checked the evidence.",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--new-users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=6, help="per measurement")
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
        "DJANGO_LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }
    if args.workers:
        environment["GUNICORN_WORKERS"] = str(args.workers)
    return environment


def share_token(username: str) -> str:
    return hashlib.sha256(f"{SHARE_TOKEN_SALT}:{username}".encode()).hexdigest()


# --- the data -------------------------------------------------------------------


def build_people(args) -> None:
    """Make the people and their history unless this version of it is there."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("load_guide", verbosity=0)
    marker = f"bench-data-v{DATA_VERSION}-{args.users}-{args.new_users}"
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_marker (name text)")
        cursor.execute("SELECT name FROM bench_marker")
        row = cursor.fetchone()
    if row and row[0] == marker and not args.rebuild:
        say(f"Reusing the people in the database ({marker}).")
        refresh_share_links()
        return
    started = time.monotonic()
    get_user_model().objects.filter(username__startswith="bench-").delete()
    for number in range(args.users):
        make_person(f"bench-{number:03d}", days=THREE_YEARS, seed=number)
        if number % 20 == 19:
            say(f"  {number + 1} of {args.users} people with three years made")
    for number in range(args.new_users):
        make_person(f"bench-new-{number:03d}", days=7, seed=10_000 + number)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM bench_marker")
        cursor.execute("INSERT INTO bench_marker VALUES (%s)", [marker])
        cursor.execute("ANALYZE")
    cache.clear()
    say(f"Made the people in {time.monotonic() - started:.0f} s.")


def make_person(username: str, *, days: int, seed: int) -> None:
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import profile_for
    from core.skills import Skill
    from journal.exercises.answers import build_note
    from journal.exercises.definitions import THOUGHT_RECORD
    from journal.models import (
        ActivityPlan,
        Entry,
        RestDay,
        SessionStar,
        ShareLink,
        TalkPoint,
        TherapySession,
        WeeklyReflection,
    )
    from journal.services import therapy_sessions
    from journal.services.exercises import fill_entry
    from journal.services.share_links import hash_token

    rng = random.Random(seed)  # noqa: S311 - made-up data
    now = timezone.now()
    with transaction.atomic():
        user = get_user_model().objects.create_user(username)
        profile = profile_for(user)
        profile.time_zone = "America/New_York"
        profile.language = "es" if seed % 4 == 3 else "en"
        profile.save()
        today = profile.today()
        first = today - datetime.timedelta(days=days - 1)
        entries, rest_days = [], []
        for offset in range(days):
            day = first + datetime.timedelta(days=offset)
            if offset < days - 7 and rng.random() < 0.03:
                rest_days.append(
                    RestDay(owner=user, day=day, reason=rng.choice(["", "Ill"]))
                )
                continue
            if rng.random() < 0.15:
                continue
            for _ in range(rng.randint(1, 3)):
                moment = timezone.make_aware(
                    datetime.datetime.combine(day, datetime.time(rng.randint(7, 21)))
                )
                entry = Entry(owner=user, practiced_on=day, created_at=min(moment, now))
                if rng.random() < 0.08:
                    answers = {
                        "situation": "Team meeting",
                        "thought": "They think I am useless",
                        "feeling": "Ashamed",
                        "feeling_before": rng.randint(5, 9),
                        "evidence_against": "I was thanked for the report",
                        "balanced_thought": "One frown is not a verdict on me",
                        "feeling_after": rng.randint(1, 5),
                    }
                    fill_entry(entry, THOUGHT_RECORD, answers)
                    entry.note = build_note(THOUGHT_RECORD, answers)
                else:
                    entry.skill = rng.choice(Skill.values)
                    entry.note = rng.choice(NOTES)
                    if rng.random() < 0.6:
                        entry.distress_before = rng.randint(3, 10)
                        entry.distress_after = rng.randint(0, entry.distress_before)
                    if rng.random() < 0.5:
                        entry.helpfulness = rng.randint(1, 5)
                entries.append(entry)
        Entry.objects.bulk_create(entries, batch_size=1000)
        RestDay.objects.bulk_create(rest_days)
        WeeklyReflection.objects.bulk_create(
            WeeklyReflection(
                owner=user,
                week_of=first + datetime.timedelta(weeks=week),
                what_helped="Walking after work, and saying no once.",
                what_was_hard="Sunday evenings.",
                for_next_session="Why Sundays are hard.",
            )
            for week in range(days // 7)
            if rng.random() < 0.7
        )
        therapy_sessions.add_schedule(
            user,
            every_weeks=1,
            starts_on=first + datetime.timedelta(days=rng.randint(0, 6)),
            at=datetime.time(17),
            zone=profile.time_zone,
            label="Dr. R.",
            today=today,
            now=now,
        )
        coming = therapy_sessions.upcoming(user, now)
        recent = Entry.objects.for_user(user).order_by("-practiced_on")[:40]
        SessionStar.objects.bulk_create(
            SessionStar(entry=entry, session=coming) for entry in recent[::13]
        )
        TalkPoint.objects.bulk_create(
            TalkPoint(owner=user, session=coming, text=text, position=n)
            for n, text in enumerate(["How I slept", "Saying no at work"])
        )
        ActivityPlan.objects.create(
            owner=user,
            exercise_version=1,
            activity="Ten minutes in the park after lunch",
            planned_on=today,
            expected=3,
        )
        ShareLink.objects.create(
            owner=user,
            token_hash=hash_token(share_token(username)),
            weeks=4,
            include_notes=True,
            display_name="Alex",
            first_day=today - datetime.timedelta(weeks=3, days=today.weekday()),
            last_day=today + datetime.timedelta(days=6 - today.weekday()),
            created_at=now,
            expires_at=now + datetime.timedelta(days=30),
        )
    _ = TherapySession  # made by add_schedule


def refresh_share_links() -> None:
    """Links made on an earlier day: move their weeks and expiry to today's."""
    from django.utils import timezone

    from accounts.models import Profile
    from journal.models import ShareLink

    today = Profile(time_zone="America/New_York").today()
    now = timezone.now()
    ShareLink.objects.filter(owner__username__startswith="bench-").update(
        first_day=today - datetime.timedelta(weeks=3, days=today.weekday()),
        last_day=today + datetime.timedelta(days=6 - today.weekday()),
        expires_at=now + datetime.timedelta(days=30),
        revoked_at=None,
    )


@dataclass
class Person:
    username: str
    session_key: str
    token: str
    week: str  # the current week's address (the week starts on their own day)

    def path(self, template: str) -> str:
        return template.format(token=self.token, week=self.week)


def sign_in(prefix: str) -> list[Person]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    people = []
    for user in (
        get_user_model()
        .objects.filter(username__startswith=prefix)
        .order_by("username")
    ):
        client = Client()
        client.force_login(user)
        key = client.cookies[settings.SESSION_COOKIE_NAME].value
        week = client.get("/journal/week/")["Location"]
        people.append(Person(user.username, key, share_token(user.username), week))
    return people


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


# --- load ---------------------------------------------------------------------------

WRK_SCRIPT = """
local people = {%(people)s}
local counter = 0
request = function()
  counter = counter + 1
  local person = people[(counter %% #people) + 1]
  local headers = {}
  if person[2] ~= "" then headers["Cookie"] = "sessionid=" .. person[2] end
  return wrk.format("GET", person[1], headers)
end
"""

LATENCY_LINE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port, path_template, people, *, signed_out, connections, seconds):
    lines = []
    for person in people:
        path = person.path(path_template)
        key = "" if signed_out else person.session_key
        lines.append(f'{{"{path}", "{key}"}}')
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % {"people": ", ".join(lines)})
    try:
        output = subprocess.run(  # noqa: S603 - our own command line
            [
                shutil.which("wrk"),
                f"-t{min(2, connections)}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = {
        int(p): float(value) * UNITS[unit]
        for p, value, unit in LATENCY_LINE.findall(output)
    }
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)", r"Socket errors: (.*)"):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(n) for n in re.findall(r"\d+", match.group(1)))
    return {
        "rate": rate,
        "p50": latency.get(50),
        "p99": latency.get(99),
        "errors": errors,
    }


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


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


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
            for kind, people in people_by_kind.items():
                if kind == "1 week" and name == "ceiling":
                    continue
                options = {"signed_out": name in SIGNED_OUT}
                wrk(port, path, people, connections=4, seconds=1, **options)  # warm
                # The ceiling again, just before: a shared machine drifts, and the
                # ratio to a ceiling measured beside the page is what holds.
                beside = wrk(
                    port,
                    ceiling_path,
                    ceiling_people,
                    connections=16,
                    seconds=args.seconds,
                    signed_out=False,
                )
                busy = wrk(
                    port, path, people, connections=16, seconds=args.seconds, **options
                )
                calm = wrk(
                    port, path, people, connections=4, seconds=args.seconds, **options
                )
                results[(name, kind)] = {
                    "rate": busy["rate"],
                    "ceiling": beside["rate"],
                    "ratio": busy["rate"] / beside["rate"],
                    "p50": calm["p50"],
                    "p99": calm["p99"],
                    "errors": busy["errors"] + calm["errors"],
                }
                rate, p99 = busy["rate"], calm["p99"]
                say(
                    f"  {name:<11} {kind:<8} {rate:7.0f}/s "
                    f"({rate / beside['rate']:.2f}× the ceiling)  p99 {p99:.1f} ms"
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


def make_report(args, results, queries, weight, pages) -> tuple[str, bool]:
    ceilings = [result["ceiling"] for result in results.values()]
    ceiling = statistics.median(ceilings)
    workers = args.workers or "config default"
    lines = [
        f"Pages: {args.users} people with 3 years, {args.new_users} with 1 week; "
        f"gunicorn workers: {workers}; {args.seconds} s per measurement; "
        f"ceiling (median of the measurements beside each page) {ceiling:.0f} "
        "requests/s; each ratio is to the ceiling measured just before that page.",
        "",
        "| page | req/s (16) | × ceiling | target | p50 ms (4) | p99 ms (4) "
        "| errors | queries | 1 week × ceiling | 1 week queries | KB (gzip) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    failures = []
    for name, _path in pages:
        three = results[(name, "3 years")]
        ratio = three["ratio"]
        target = TARGETS.get(name)
        week = results.get((name, "1 week"))
        q3 = queries[(name, "3 years")]
        q1 = queries.get((name, "1 week"))
        if target and ratio < target:
            failures.append(f"{name}: {ratio:.2f}× the ceiling (target {target}×)")
        if three["p99"] is None or three["p99"] >= P99_TARGET_MS:
            failures.append(f"{name}: p99 {three['p99']} ms at 4 connections")
        if three["errors"]:
            failures.append(f"{name}: {three['errors']} errors")
        if week:
            if week["errors"]:
                failures.append(f"{name} (1 week): {week['errors']} errors")
            if q1["queries"] != q3["queries"]:
                failures.append(
                    f"{name}: {q3['queries']} queries for 3 years, "
                    f"{q1['queries']} for 1 week"
                )
            if three["ratio"] < week["ratio"] * (1 - ONE_WEEK_TOLERANCE):
                failures.append(
                    f"{name}: 3 years {three['ratio']:.2f}× vs 1 week "
                    f"{week['ratio']:.2f}× the ceiling"
                )
        lines.append(
            f"| {name} | {three['rate']:.0f} | {ratio:.2f} | "
            f"{f'≥ {target}' if target else '—'} | {three['p50']:.1f} | "
            f"{three['p99']:.1f} | {three['errors']} | {q3['queries']} | "
            f"{week['ratio']:.2f} | {q1['queries']} | "
            if week
            else f"| {name} | {three['rate']:.0f} | {ratio:.2f} | "
            f"{f'≥ {target}' if target else '—'} | {three['p50']:.1f} | "
            f"{three['p99']:.1f} | {three['errors']} | {q3['queries']} | — | — | "
        )
        lines[-1] += f"{q3['gzip'] / 1024:.1f} |"
    if weight:
        lines += [
            "",
            f"First visit to Today: {weight['requests']} requests, "
            f"{weight['bytes'] / 1024:.1f} KB transferred (compressed).",
        ]
        if weight["requests"] > FIRST_VISIT_REQUESTS:
            failures.append(f"first visit: {weight['requests']} requests")
        if weight["bytes"] > FIRST_VISIT_BYTES:
            failures.append(f"first visit: {weight['bytes']} bytes")
    lines += ["", "All targets met." if not failures else "Missed:"]
    lines += [f"- {failure}" for failure in failures]
    return "\n".join(lines), not failures


if __name__ == "__main__":
    raise SystemExit(main())
