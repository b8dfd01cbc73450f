"""Two gunicorn instances behind one address act as one app (PostgreSQL only).

The tests start two instances of the app, as production runs them (DEBUG off,
gunicorn with the project's config), on ports the operating system chose. Both share
one PostgreSQL database (pytest-django's test database) and one Redis cache. One
person's requests then alternate between them, as a load balancer would send them,
and the tests prove that:

- the session and the CSRF token made by one instance work on the other;
- the sign-up limit and the log-in pause count attempts made on both;
- every write an instance acknowledged is in the database, and nothing else;
- a page never shows data older than the last write made through the other
  instance, even once both have shown (and may have cached) the page before.

They test counting and freshness, never the clock: a subprocess cannot be
time-frozen. Dates are either fixed days in the past, or read from the page.
"""

import collections
import datetime
import html
import http.client
import http.cookies
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from cryptography.fernet import Fernet
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection
from django.test import override_settings

from journal.models import Entry, RestDay
from tests.factories import make_user
from tests.html_reading import diary_card_days
from tests.reliability.live_http import CSRF_FIELD

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
# A Redis database of its own (tests/core/test_shared_cache.py uses 15), on the
# server TEST_REDIS_URL names, if it names one.
REDIS_URL = (
    urllib.parse.urlparse(os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"))
    ._replace(path="/14")
    .geturl()
)
READY_SECONDS = 30
PASSWORD = "quiet-harbour-lantern-93"

# A week well in the past (Monday to Sunday), so every day of it may hold entries
# whatever today is.
WEEK = [datetime.date(2024, 1, 1) + datetime.timedelta(days=n) for n in range(7)]
WEEK_URL = f"/journal/week/{WEEK[0].isoformat()}/"
SKILL_NAMES = {
    "communication": "Communication skills",
    "distress-tolerance": "Distress tolerance",
}


# --- the two instances ----------------------------------------------------------


@dataclass
class Instance:
    """One gunicorn master and its one worker, on a port of its own."""

    name: str
    port: int
    process: subprocess.Popen
    log_path: Path

    def output(self, start: int = 0) -> str:
        """What the instance printed (its log and access log), from byte ``start``."""
        with self.log_path.open("rb") as log:
            log.seek(start)
            return log.read().decode("utf-8", "replace")

    def log_size(self) -> int:
        return self.log_path.stat().st_size


@dataclass
class Instances:
    a: Instance
    b: Instance
    field_key: str

    def __iter__(self):
        return iter((self.a, self.b))


def database_url() -> str:
    """The test database (with any xdist suffix) as a DATABASE_URL."""
    database = connection.settings_dict
    user = urllib.parse.quote(database["USER"] or "", safe="")
    password = urllib.parse.quote(database["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else f"{user}@" if user else ""
    host = database["HOST"] or "127.0.0.1"
    port = database["PORT"] or "5432"
    return f"postgres://{credentials}{host}:{port}/{database['NAME']}"


def server_environment(
    listening: socket.socket, secret_key: str, field_key: str
) -> dict:
    """Production settings, as benchmarks/soak.py starts gunicorn, with shared Redis."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": database_url(),
        "DJANGO_CACHE_URL": REDIS_URL,
        "DJANGO_DEBUG": "0",
        # The same keys on both, as on every instance of one deploy.
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_FIELD_ENCRYPTION_KEYS": field_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_TRUST_PROXY": "0",
        "DJANGO_STATICFILES_STORAGE": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
        ),
        "DJANGO_SIGNUP_RATE_LIMIT": str(settings.SIGNUP_RATE_LIMIT),
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_LOG_LEVEL": "WARNING",
        # gunicorn takes over the socket the test opened (no race for a free port).
        "GUNICORN_BIND": f"fd://{listening.fileno()}",
        "GUNICORN_WORKERS": "1",
    }


def start_instance(name: str, log_dir: Path, secret_key: str, field_key: str):
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listening.bind(("127.0.0.1", 0))  # the operating system picks a free port
    listening.listen(64)
    port = listening.getsockname()[1]
    log_path = log_dir / f"instance-{name}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.py"]
            + ["config.wsgi"],
            cwd=ROOT,
            env=server_environment(listening, secret_key, field_key),
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=[listening.fileno()],
        )
    listening.close()  # gunicorn holds its own copy now
    return Instance(name, port, process, log_path)


def wait_until_ready(instance: Instance, deadline: float) -> None:
    """Poll /healthz until it answers 200; fail with the instance's output if not."""
    while time.monotonic() < deadline:
        if instance.process.poll() is not None:
            break
        probe = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=2)
        try:
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            probe.close()
        time.sleep(0.1)
    pytest.fail(
        f"Instance {instance.name} did not answer /healthz on port "
        f"{instance.port} (exit code {instance.process.poll()}). It printed:\n"
        + instance.output()
    )


def stop(instance: Instance) -> None:
    instance.process.terminate()
    try:
        instance.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        instance.process.kill()
        instance.process.wait(timeout=10)


def shared_redis() -> redis.Redis:
    return redis.Redis.from_url(REDIS_URL)


@pytest.fixture(scope="module")
def instances(django_db_setup, tmp_path_factory):
    """Instances A and B of the app on one database and one Redis; always stopped."""
    shared_redis().flushdb()
    log_dir = tmp_path_factory.mktemp("two-instances")
    secret_key = secrets.token_urlsafe(50)
    field_key = Fernet.generate_key().decode()
    started = []
    try:
        for name in ("A", "B"):
            started.append(start_instance(name, log_dir, secret_key, field_key))
        deadline = time.monotonic() + READY_SECONDS
        for instance in started:
            wait_until_ready(instance, deadline)
        yield Instances(*started, field_key=field_key)
    finally:
        # Before the test database is dropped: the instances hold connections to it.
        for instance in started:
            stop(instance)
        shared_redis().flushdb()


@pytest.fixture(autouse=True)
def _each_test_starts_with_an_empty_cache(instances):
    """Counts and cached pages never leak from one test into the next."""
    shared_redis().flushdb()
    yield


@pytest.fixture(autouse=True)
def _show_what_the_instances_printed(instances):
    """Printed after each test: pytest shows it when the test fails."""
    sizes = {instance.name: instance.log_size() for instance in instances}
    yield
    for instance in instances:
        output = instance.output(sizes[instance.name])
        sys.stdout.write(f"--- instance {instance.name} printed:\n{output}\n")


# --- a browser ------------------------------------------------------------------


@dataclass
class Page:
    status: int
    location: str
    body: str
    instance: str

    @property
    def csrf_token(self) -> str:
        match = CSRF_FIELD.search(self.body)
        assert match, f"no CSRF field on the page from {self.instance}"
        return match.group(1)

    def describe(self) -> str:
        return f"{self.status} from instance {self.instance} ({self.location or '-'})"


class Browser:
    """One browser's cookies, sent to whichever instance each request goes to.

    Redirects are not followed: a test sees each answer as the instance gave it.
    """

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def get(self, instance: Instance, path: str) -> Page:
        return self._request(instance, "GET", path)

    def post(self, instance: Instance, path: str, fields: dict, *, token: str):
        return self._request(
            instance, "POST", path, {**fields, "csrfmiddlewaretoken": token}
        )

    def _request(self, instance, method, path, fields=None) -> Page:
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        server = http.client.HTTPConnection("127.0.0.1", instance.port, timeout=30)
        try:
            server.request(method, path, body=body, headers=headers)
            response = server.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    self._keep(value)
            return Page(
                response.status,
                response.getheader("Location", ""),
                text,
                instance.name,
            )
        finally:
            server.close()

    def _keep(self, set_cookie: str) -> None:
        jar = http.cookies.SimpleCookie()
        jar.load(set_cookie)
        for name, morsel in jar.items():
            if morsel["max-age"] == "0" or not morsel.value:
                self.cookies.pop(name, None)  # the server deleted it
            else:
                self.cookies[name] = morsel.coded_value


def person(username: str, **profile_fields):
    """A user whose password the instances can check.

    The tests' own settings hash with MD5 for speed; the instances accept only the
    production hashers, so the password is hashed with Argon2 here.
    """
    user = make_user(username, **profile_fields)
    hasher = Argon2PasswordHasher()
    user.password = hasher.encode(PASSWORD, hasher.salt())
    user.save(update_fields=["password"])
    return user


def log_in(browser: Browser, instance: Instance, username: str, password=PASSWORD):
    """Log in as a person does: the form, then its POST, on one instance."""
    form = browser.get(instance, "/accounts/login/")
    assert form.status == 200, form.describe()
    return browser.post(
        instance,
        "/accounts/login/",
        {"username": username, "password": password},
        token=form.csrf_token,
    )


def entry_fields(day: datetime.date, note: str, skill="communication") -> dict:
    """The quick-log form on Today, filled in; a new uuid makes it a new entry."""
    return {
        "uuid": str(uuid.uuid4()),
        "return_to": "today",
        "skill": skill,
        "note": note,
        "practiced_on": day.isoformat(),
    }


def signed_in(page: Page) -> bool:
    return 'action="/accounts/logout/"' in page.body


DAY_NAMES = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
]
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def day_label(day: datetime.date) -> str:
    """A day as the English pages name it to a screen reader: "Monday 1 January"."""
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"


# --- 1. the session and the CSRF token ------------------------------------------


def test_a_session_and_a_csrf_token_from_one_instance_work_on_the_other(instances):
    a, b = instances
    river = person("river")
    browser = Browser()

    logged_in = log_in(browser, a, "river")
    today_on_b = browser.get(b, "/journal/")

    assert logged_in.status == 302, logged_in.describe()
    assert logged_in.location == "/journal/"
    assert today_on_b.status == 200, today_on_b.describe()
    assert signed_in(today_on_b)

    # A form served by A, sent to B; then one served by B, sent to A.
    token_from_a = browser.get(a, "/journal/").csrf_token
    sent_to_b = browser.post(
        b,
        "/journal/entries/new/",
        entry_fields(WEEK[0], "Form from A, sent to B"),
        token=token_from_a,
    )
    token_from_b = browser.get(b, "/journal/").csrf_token
    sent_to_a = browser.post(
        a,
        "/journal/entries/new/",
        entry_fields(WEEK[1], "Form from B, sent to A"),
        token=token_from_b,
    )

    assert (sent_to_b.status, sent_to_b.location) == (302, "/journal/"), (
        sent_to_b.describe()
    )
    assert (sent_to_a.status, sent_to_a.location) == (302, "/journal/"), (
        sent_to_a.describe()
    )
    assert Entry.objects.filter(owner=river).count() == 2

    # Logging out on B ends the session on A too.
    logged_out = browser.post(
        b, "/accounts/logout/", {}, token=browser.get(a, "/journal/").csrf_token
    )
    today_on_a = browser.get(a, "/journal/")

    assert logged_out.status == 302, logged_out.describe()
    assert today_on_a.status == 302, today_on_a.describe()
    assert today_on_a.location.startswith("/accounts/login/")


# --- 2. the sign-up limit ---------------------------------------------------------


def sign_up(instance: Instance, username: str) -> Page:
    """A new person in a new browser, from the same address as everyone here."""
    browser = Browser()
    form = browser.get(instance, "/accounts/signup/")
    assert form.status == 200, form.describe()
    return browser.post(
        instance,
        "/accounts/signup/",
        {
            "username": username,
            "email": "",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "time_zone": "UTC",
        },
        token=form.csrf_token,
    )


def test_sign_ups_from_one_address_are_counted_across_both_instances(instances):
    a, b = instances
    limit = settings.SIGNUP_RATE_LIMIT
    # Alternating, each instance takes half of them: counting alone, either one
    # would let the next sign-ups through.
    allowed = [
        sign_up((a, b)[number % 2], f"newcomer{number}") for number in range(limit)
    ]

    refused_on_a = sign_up(a, "one-too-many-on-a")
    refused_on_b = sign_up(b, "one-too-many-on-b")

    assert [page.status for page in allowed] == [302] * limit, [
        page.describe() for page in allowed
    ]
    for refused in (refused_on_a, refused_on_b):
        assert refused.status == 429, refused.describe()
        assert "pausing new sign-ups here for a while" in refused.body
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert usernames == {f"newcomer{number}" for number in range(limit)}


# --- 3. the log-in pause ------------------------------------------------------------


def test_wrong_passwords_on_both_instances_add_up_to_one_pause(instances):
    a, b = instances
    person("sky")
    limit = settings.AXES_FAILURE_LIMIT
    browser = Browser()  # never signed in here: no device cookie to pass the pause
    token = browser.get(a, "/accounts/login/").csrf_token

    failures = [
        browser.post(
            (a, b)[number % 2],
            "/accounts/login/",
            {"username": "sky", "password": f"wrong-password-{number}"},
            token=token,
        )
        for number in range(limit)
    ]
    # Each instance saw only some of them; the right password now, on either one.
    right_password = [
        browser.post(
            instance,
            "/accounts/login/",
            {"username": "sky", "password": PASSWORD},
            token=token,
        )
        for instance in (b, a)
    ]
    after_the_pause = [browser.get(instance, "/journal/") for instance in (a, b)]

    # Until the limit, an ordinary "that did not match" on the log-in form.
    for failure in failures[:-1]:
        assert failure.status == 200, failure.describe()
        assert 'name="password"' in failure.body
        assert "logging in is paused" not in failure.body
    # The failure that reaches the limit starts the pause at once.
    assert failures[-1].status == 429, failures[-1].describe()
    for refused in right_password:
        assert refused.status == 429, refused.describe()
        assert "logging in is paused for a little while" in refused.body
    for page in after_the_pause:
        assert page.status == 302, page.describe()
        assert page.location.startswith("/accounts/login/")


# --- 4. acknowledged writes ----------------------------------------------------------


def test_every_entry_either_instance_acknowledged_is_in_the_database(instances):
    a, b = instances
    wren = person("wren")
    browser = Browser()
    assert log_in(browser, a, "wren").status == 302
    token = browser.get(b, "/journal/").csrf_token
    acknowledged = {}
    forms = []

    for number in range(40):
        writer, reader = (a, b) if number % 2 == 0 else (b, a)
        # Spread over days: one day holds at most 100 entries.
        fields = entry_fields(
            datetime.date(2024, 3, 1) + datetime.timedelta(days=number % 20),
            f"Entry {number}, through instance {writer.name}",
        )
        saved = browser.post(writer, "/journal/entries/new/", fields, token=token)
        assert (saved.status, saved.location) == (302, "/journal/"), saved.describe()
        acknowledged[fields["uuid"]] = fields["note"]
        forms.append((reader, fields))
        # The browser follows the redirect; this time the other instance answers.
        assert browser.get(reader, saved.location).status == 200

    # The same forms sent again, each to the instance that did not save it: still
    # one entry each.
    for reader, fields in forms[:6]:
        again = browser.post(reader, "/journal/entries/new/", fields, token=token)
        assert again.status == 302, again.describe()

    # The notes are read back with the instances' key: each entry is whole.
    with override_settings(FIELD_ENCRYPTION_KEYS=[instances.field_key]):
        stored = dict(Entry.objects.filter(owner=wren).values_list("uuid", "note"))
    assert {str(key): note for key, note in stored.items()} == acknowledged


# --- 5. freshness -------------------------------------------------------------


class Diary:
    """One person writing through either instance, and what they wrote.

    What the pages must show is worked out here from what was written, never read
    back from the app: a stale page cannot agree with it by accident.
    """

    def __init__(self, user, *, page: str):
        self.user = user
        self.page = page  # where the person is: forms go back there
        self.browser = Browser()
        self.entries: dict[str, tuple[datetime.date, str, str]] = {}
        self.rest_days: set[datetime.date] = set()
        self.what_helped = ""
        self.notes_written: set[str] = set()

    def token(self, instance: Instance) -> str:
        return self.browser.get(instance, self.page).csrf_token

    def add_entry(self, instance, day, skill="communication"):
        note = f"Round {len(self.notes_written) + 1}: I used the skill."
        self.notes_written.add(note)
        fields = entry_fields(day, note, skill)
        answer = self.browser.post(
            instance, "/journal/entries/new/", fields, token=self.token(instance)
        )
        self.entries[fields["uuid"]] = (day, skill, note)
        return answer

    def delete_entry(self, instance, day):
        key = next(k for k, (d, _skill, _note) in self.entries.items() if d == day)
        pk = Entry.objects.values_list("pk", flat=True).get(uuid=key)
        answer = self.browser.post(
            instance,
            f"/journal/entries/{pk}/delete/",
            {"next": self.page},
            token=self.token(instance),
        )
        del self.entries[key]
        return answer

    def rest_on(self, instance, day):
        answer = self.browser.post(
            instance,
            "/journal/rest-days/",
            {"first": day.isoformat(), "next": self.page},
            token=self.token(instance),
        )
        self.rest_days.add(day)
        return answer

    def rest_no_more(self, instance, day):
        rest_day = RestDay.objects.filter(owner=self.user, day=day)
        answer = self.browser.post(
            instance,
            f"/journal/rest-days/{rest_day.values_list('pk', flat=True).get()}/delete/",
            {"next": self.page},
            token=self.token(instance),
        )
        self.rest_days.discard(day)
        return answer

    def reflect(self, instance, text):
        answer = self.browser.post(
            instance,
            f"{WEEK_URL}reflection/",
            {"what_helped": text, "what_was_hard": "", "for_next_session": ""},
            token=self.token(instance),
        )
        self.what_helped = text
        return answer

    def days(self) -> list[datetime.date]:
        return [day for day, _skill, _note in self.entries.values()]

    def expected_week(self) -> dict:
        practised = {day for day in self.days() if day in WEEK}
        resting = {day for day in self.rest_days if day in WEEK} - practised
        cells = collections.Counter(
            (SKILL_NAMES[skill], day_label(day))
            for day, skill, _note in self.entries.values()
            if day in WEEK
        )
        return {
            "days practised": len(practised),
            "open days": 7 - len(resting),
            "rest days": len(resting),
            "entries": sum(cells.values()),
            "longest streak": longest_streak(self.days(), self.rest_days),
            "diary card": dict(cells),
            "notes": {note for day, _skill, note in self.entries.values()},
            "what helped": self.what_helped,
        }

    def expected_today(self, today: datetime.date) -> dict:
        counts = collections.Counter(self.days())
        last_seven = {}
        for back in range(6, -1, -1):
            day = today - datetime.timedelta(days=back)
            if counts[day]:
                entries = "entry" if counts[day] == 1 else "entries"
                last_seven[day_label(day)] = f"{counts[day]} {entries}"
            elif day in self.rest_days:
                last_seven[day_label(day)] = "rest day"
            else:
                last_seven[day_label(day)] = "no entries"
        return {
            "last 7 days": last_seven,
            "streak": streak_sentence(
                current_streak(self.days(), self.rest_days, today)
            ),
            "today's notes": {
                note for day, _skill, note in self.entries.values() if day == today
            },
        }


def longest_streak(days, rest_days) -> int:
    """Days practised in a row, ever; rest days between them keep the run going."""
    longest = run = 0
    previous = None
    for day in sorted(set(days)):
        gap = [] if previous is None else range(1, (day - previous).days)
        joined = previous is not None and all(
            previous + datetime.timedelta(days=n) in rest_days for n in gap
        )
        run = run + 1 if joined else 1
        longest = max(longest, run)
        previous = day
    return longest


def current_streak(days, rest_days, today) -> int:
    """Days practised in a row up to today (or yesterday); rest days step over."""
    practised = set(days)
    resting = set(rest_days) - practised
    one_day = datetime.timedelta(days=1)
    day = today if today in practised | resting else today - one_day
    streak = 0
    while day in practised or day in resting:
        streak += day in practised
        day -= one_day
    return streak


def streak_sentence(streak: int) -> str:
    if streak == 0:
        return "Every day is a fresh start. Log one moment to begin a streak."
    if streak == 1:
        return "Day one of a streak. Come back tomorrow to make it two."
    return f"You have practiced {streak} days in a row."


HEADLINE = re.compile(
    r"You practiced on (\d+) of (\d+) days(?: \((\d+) rest days?\))?\."
)
ENTRIES_IN_ALL = re.compile(r"(\d+) entr(?:y|ies) in all\.")
LONGEST = re.compile(r"Longest streak: (\d+) days?\.")
WHAT_HELPED = re.compile(
    r'<textarea[^>]*name="what_helped"[^>]*>(.*?)</textarea>', re.S
)
# A day of Today's strip, as a screen reader hears it: "Monday 1 January: 2 entries".
STRIP_DAY = re.compile(
    r'<span class="visually-hidden">(\w+day \d+ \w+): ([^<]+)</span>'
)
STREAK = re.compile(r'<p class="streak">(.*?)</p>', re.S)
DAY_INPUT = re.compile(r'<input[^>]*name="practiced_on"[^>]*>')


def read_week(diary: Diary, instance: Instance) -> dict:
    """The week's figures as the page shows them, in expected_week's shape."""
    page = diary.browser.get(instance, WEEK_URL)
    assert page.status == 200, page.describe()
    headline = HEADLINE.search(page.body)
    assert headline, f"no headline on the week from {instance.name}"
    practised, open_days, rest_days = headline.groups()
    what_helped = WHAT_HELPED.search(page.body)
    assert what_helped, f"no reflection form on the week from {instance.name}"
    return {
        "days practised": int(practised),
        "open days": int(open_days),
        "rest days": int(rest_days or 0),
        "entries": int(ENTRIES_IN_ALL.search(page.body).group(1)),
        "longest streak": int(LONGEST.search(page.body).group(1)),
        "diary card": {
            (skill, day): count
            for day, marks in diary_card_days(page.body)
            for _slug, skill, count in marks
        },
        "notes": {
            note for note in diary.notes_written if html.escape(note) in page.body
        },
        "what helped": html.unescape(what_helped.group(1)).strip(),
    }


def page_today(page: Page) -> datetime.date:
    """The person's today, as the page says it: the latest day its form accepts."""
    tag = DAY_INPUT.search(page.body)
    assert tag, f"no day field on Today from {page.instance}"
    return datetime.date.fromisoformat(re.search(r'max="([^"]+)"', tag[0]).group(1))


LOGGED_BOX = re.compile(r'<section class="logged-entry".*?</section>', re.S)


def read_today(diary: Diary, instance: Instance) -> tuple[datetime.date, dict]:
    """The page's today, and its strip, streak and notes in expected_today's shape."""
    page = diary.browser.get(instance, "/journal/")
    assert page.status == 200, page.describe()
    today = page_today(page)
    # The entry just saved is shown once under "Logged" (and then not again in the
    # day's list), whatever its day: there it is one of today's notes only if it
    # was written for today.
    boxed = "".join(LOGGED_BOX.findall(page.body))
    days_list = LOGGED_BOX.sub("", page.body)
    todays = {note for day, _skill, note in diary.entries.values() if day == today}
    return today, {
        "last 7 days": dict(STRIP_DAY.findall(page.body)),
        "streak": " ".join(STREAK.search(page.body).group(1).split()),
        "today's notes": {
            note
            for note in diary.notes_written
            if html.escape(note) in days_list
            or (html.escape(note) in boxed and note in todays)
        },
    }


def test_the_week_shows_every_write_made_through_the_other_instance(instances):
    a, b = instances
    diary = Diary(person("robin", week_start="monday"), page=WEEK_URL)
    assert log_in(diary.browser, a, "robin").status == 302
    monday, tuesday, wednesday, thursday, _friday, _saturday, sunday = WEEK
    writes = [
        ("an entry on Monday", diary.add_entry, monday),
        ("another entry on Monday", diary.add_entry, monday),
        ("an entry on Tuesday", diary.add_entry, tuesday, "distress-tolerance"),
        ("a rest day on Wednesday", diary.rest_on, wednesday),
        ("an entry on Thursday", diary.add_entry, thursday),
        ("a reflection", diary.reflect, "Naming the feeling before replying."),
        ("the reflection changed", diary.reflect, "Slow breathing, then replying."),
        ("an entry on Monday deleted", diary.delete_entry, monday),
        ("the entry on Tuesday deleted", diary.delete_entry, tuesday),
        ("Wednesday no longer a rest day", diary.rest_no_more, wednesday),
        ("an entry on Sunday", diary.add_entry, sunday, "distress-tolerance"),
    ]

    for number, (what, write, *arguments) in enumerate(writes, start=1):
        writer, reader = (a, b) if number % 2 else (b, a)
        before = diary.expected_week()
        # Both instances show the week as it is now (and may keep parts of it).
        for instance in (a, b):
            assert read_week(diary, instance) == before, (
                f"before {what}: instance {instance.name}"
            )

        answer = write(writer, *arguments)

        assert answer.status == 302, f"{what}: {answer.describe()}"
        expected = diary.expected_week()
        assert expected != before, f"{what} changes nothing the week shows"
        for instance in (reader, writer):
            assert read_week(diary, instance) == expected, (
                f"{what} through {writer.name}: {instance.name} shows older data"
            )


def test_today_shows_every_write_made_through_the_other_instance(instances):
    a, b = instances
    diary = Diary(person("finch"), page="/journal/")
    assert log_in(diary.browser, b, "finch").status == 302
    # The days come from the page, never from this process's clock; the figures
    # are checked against the day each page says is today.
    today, _shown = read_today(diary, a)
    yesterday = today - datetime.timedelta(days=1)
    two_days_ago = today - datetime.timedelta(days=2)
    writes = [
        ("an entry today", diary.add_entry, today),
        ("another entry today", diary.add_entry, today),
        ("an entry two days ago", diary.add_entry, two_days_ago),
        ("a rest day yesterday", diary.rest_on, yesterday),
        ("an entry of today deleted", diary.delete_entry, today),
        ("yesterday no longer a rest day", diary.rest_no_more, yesterday),
        ("the last entry of today deleted", diary.delete_entry, today),
        ("an entry yesterday", diary.add_entry, yesterday),
    ]

    for number, (what, write, *arguments) in enumerate(writes, start=1):
        writer, reader = (a, b) if number % 2 else (b, a)
        for instance in (a, b):
            day, shown = read_today(diary, instance)
            assert shown == diary.expected_today(day), (
                f"before {what}: instance {instance.name}"
            )

        answer = write(writer, *arguments)

        assert answer.status == 302, f"{what}: {answer.describe()}"
        for instance in (reader, writer):
            day, shown = read_today(diary, instance)
            assert shown == diary.expected_today(day), (
                f"{what} through {writer.name}: {instance.name} shows older data"
            )
