"""/privacy/: what is kept, who reads it, cookies; linked from every page."""

import datetime
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import make_share_link, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-password"
DAY = 24 * 60 * 60


def test_privacy_page_is_open_to_visitors(client):
    response = client.get("/privacy/")

    assert response.status_code == 200
    assert "How we keep your journal private" in response.content.decode()


def test_privacy_page_works_for_a_signed_in_person(owner_client):
    response = owner_client.get("/privacy/")

    assert response.status_code == 200


def test_privacy_page_refuses_post(client):
    response = client.post("/privacy/")

    assert response.status_code == 405


def test_privacy_page_says_who_can_read_the_journal(client):
    html = client.get("/privacy/").content.decode()

    assert "only while it works" in html
    assert "no advertising cookies and no analytics cookies" in html


def test_privacy_page_links_to_export_erasure_and_help(client):
    html = client.get("/privacy/").content.decode()

    assert 'href="/accounts/import/"' in html
    assert 'href="/accounts/delete/"' in html
    assert 'href="/help/"' in html


def test_privacy_page_table_of_contents_points_at_its_headings(client):
    html = client.get("/privacy/").content.decode()

    targets = re.findall(r'<a href="#([a-z-]+)">', html)
    heading_ids = re.findall(r'<h2 id="([a-z-]+)"', html)
    assert len(targets) == 8
    assert set(targets) <= set(heading_ids)


def test_privacy_page_headings_go_down_one_level_at_a_time(client):
    html = client.get("/privacy/").content.decode()

    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert levels[0] == 1
    assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


@pytest.mark.parametrize(
    "url", ["/", "/help/", "/privacy/", "/accounts/login/", "/guide/"]
)
def test_every_page_links_to_the_privacy_page_from_its_footer(client, url):
    html = client.get(url).content.decode()

    footer = html.split("<footer", 1)[1]
    assert 'href="/privacy/"' in footer


def test_a_signed_in_page_links_to_the_privacy_page_from_its_footer(owner_client):
    html = owner_client.get("/journal/").content.decode()

    footer = html.split("<footer", 1)[1]
    assert 'href="/privacy/"' in footer


def test_sign_up_form_links_to_the_privacy_page(client):
    html = client.get("/accounts/signup/").content.decode()

    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Read how we keep your journal private" in main
    assert 'href="/privacy/"' in main


# --- what a copy of the database shows ----------------------------------------------


def listed(html: str, css: str) -> str:
    return html.split(f'<ul class="{css}">', 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize(
    ("language", "encrypted", "readable"),
    [
        (
            "en",
            [
                "notes",
                "situations",
                "guided exercises",
                "weekly reflections",
                "rest days",
                "practice plan",
                "labels of your therapy sessions",
                "want to talk about",
                "safety plan",
                "plan until the next session",
                "what might get in the way",
                "authenticator app",
            ],
            [
                "usernames",
                "names you go by",
                "e-mail addresses",
                "dates",
                "which skill",
                "ratings",
                "therapy sessions",
                "reason you chose for a day without practice",
            ],
        ),
        (
            "es",
            [
                "notas",
                "situaciones",
                "ejercicios guiados",
                "reflexiones semanales",
                "días de descanso",
                "plan de práctica",
                "etiquetas de tus sesiones",
                "quieres hablar",
                "plan de seguridad",
                "plan hasta la próxima sesión",
                "qué podría ponerse en medio",
                "app de autenticación",
            ],
            [
                "nombres de usuario",
                "nombre que usas",
                "correo",
                "fechas",
                "qué habilidad",
                "valoraciones",
                "sesiones de terapia",
                "motivo que elegiste para un día sin práctica",
            ],
        ),
    ],
)
def test_privacy_page_says_what_a_copy_of_the_database_shows_and_hides(
    language, encrypted, readable
):
    html = Client(HTTP_ACCEPT_LANGUAGE=language).get("/privacy/").content.decode()

    hidden, shown = (
        listed(html, "database-encrypted"),
        listed(html, "database-readable"),
    )
    assert [words for words in encrypted if words not in hidden] == []
    assert [words for words in readable if words not in shown] == []


def test_every_encrypted_field_is_one_the_privacy_page_says_cannot_be_read():
    from django.apps import apps

    from core.encryption import EncryptedJSONField, EncryptedTextField

    encrypted = {
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, EncryptedTextField | EncryptedJSONField)
    }

    # Each maps to a line of the "could not read" list; a new encrypted field (or
    # one no longer encrypted) means the page needs a look.
    assert encrypted == {
        "Entry.note",
        "Entry.situation",
        "Entry.answers",
        "WeeklyReflection.what_helped",
        "WeeklyReflection.what_was_hard",
        "WeeklyReflection.for_next_session",
        "RestDay.reason",
        "ActivityPlan.activity",
        "SessionSchedule.label",
        "TherapySession.label",
        "TalkPoint.text",
        "SafetyPlan.warning_signs",
        "SafetyPlan.coping_strategies",
        "SafetyPlan.people_and_places",
        "SafetyPlan.contacts",
        "SafetyPlan.professionals",
        "SafetyPlan.safer_surroundings",
        "SafetyPlan.reasons_for_living",
        "CardRow.name",
        "CardRow.marks",
        "CheckIn.values",
        "CheckIn.sentence",
        # The newest check-ins' values again, for progress: the same line.
        "CheckInDigest.days",
        "NamedSkill.name",
        "PracticeItem.text",
        "PracticeItem.why",
        "PracticeItem.obstacle",
        "PracticeItem.then",
        "AuthenticatorDevice.key",
    }


# --- cookies: the page lists exactly what a browser is given ---------------------------


def cookies_on_the_page() -> dict[str, set]:
    """Each cookie the privacy page names, with its lifetimes: a number of seconds,
    or None for "until you close your browser"."""
    html = Client().get("/privacy/").content.decode()
    table = html.split('<table class="table table-sm cookie-table">', 1)[1]
    rows = table.split("</table>", 1)[0].split("<tr>")[2:]
    promised = {}
    for row in rows:
        name = re.search(r'<code class="cookie-name">([^<]+)</code>', row).group(1)
        lifetimes = set()
        for lasts in re.findall(r'<(?:span|time) class="cookie-lasts"[^>]*>', row):
            days = re.search(r'datetime="P(\d+)D"', lasts)
            lifetimes.add(int(days.group(1)) * DAY if days else None)
        promised[name] = lifetimes
    return promised


def given(response, seen: dict) -> None:
    """Note each cookie a response sets (not those it deletes) and its lifetime."""
    for name, morsel in response.cookies.items():
        if morsel["max-age"] == 0 or "1970" in morsel["expires"]:
            continue
        seen.setdefault(name, set()).add(
            int(morsel["max-age"]) if morsel["max-age"] else None
        )


def a_visit_through_the_whole_site() -> dict[str, set]:
    """Sign up, log out, log in both ways, switch language, open a share link."""
    seen: dict[str, set] = {}
    newcomer = Client()
    given(newcomer.get("/accounts/signup/"), seen)
    signed_up = newcomer.post(
        "/accounts/signup/",
        {
            "username": "sky",
            "email": "sky@example.org",
            "password1": "calm-river-stones-42",
            "password2": "calm-river-stones-42",
            "time_zone": "Europe/Madrid",
        },
    )
    assert signed_up.status_code == 302
    given(signed_up, seen)
    given(newcomer.get("/journal/"), seen)
    given(newcomer.post("/accounts/logout/"), seen)

    make_user("river", password=PASSWORD)
    for remember in (False, True):
        browser = Client()
        given(browser.get("/accounts/login/"), seen)
        signed_in = browser.post(
            "/accounts/login/",
            {
                "username": "river",
                "password": PASSWORD,
                **({"remember": "on"} if remember else {}),
            },
        )
        assert signed_in.status_code == 302
        given(signed_in, seen)
        given(browser.get("/journal/"), seen)

    visitor = Client()
    given(visitor.post("/i18n/setlang/", {"language": "es", "next": "/"}), seen)

    _link, url = make_share_link(make_user("ash"), timezone.now())
    given(Client().get(url), seen)
    return seen


def test_the_cookies_a_browser_is_given_are_exactly_those_the_privacy_page_names():
    seen = a_visit_through_the_whole_site()

    assert set(seen) == set(cookies_on_the_page())


def test_each_cookie_lasts_as_long_as_the_privacy_page_says():
    seen = a_visit_through_the_whole_site()

    promised = cookies_on_the_page()
    assert {name: seen[name] for name in promised if name in seen} == promised


def test_the_language_cookie_is_same_site_lax_through_the_real_switch():
    response = Client().post("/i18n/setlang/", {"language": "es", "next": "/"})

    cookie = response.cookies["django_language"]
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]


@override_settings(LANGUAGE_COOKIE_SECURE=True)
def test_the_language_cookie_is_secure_when_cookies_are():
    response = Client().post("/i18n/setlang/", {"language": "es", "next": "/"})

    assert response.cookies["django_language"]["secure"]


def production_settings(**environment) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="a-real-looking-secret-key-for-this-test-only-0123456789",
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_FIELD_ENCRYPTION_KEYS=Fernet.generate_key().decode(),
        DATABASE_URL="postgres://between_sessions@db.example.org/between_sessions",
        **environment,
    )
    names = [
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SAMESITE",
    ]
    script = (
        "import json, config.settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(("secure_cookies", "expected"), [("1", True), ("0", False)])
def test_the_language_cookie_is_secure_exactly_when_the_session_cookie_is(
    secure_cookies, expected
):
    values = production_settings(DJANGO_SECURE_COOKIES=secure_cookies)

    assert values["LANGUAGE_COOKIE_SAMESITE"] == "Lax"
    assert (
        values["SESSION_COOKIE_SECURE"],
        values["CSRF_COOKIE_SECURE"],
        values["LANGUAGE_COOKIE_SECURE"],
    ) == (expected, expected, expected)


# --- sessions: how long they really last -------------------------------------------


def signed_in_browser(*, remember: bool) -> Client:
    make_user("river", password=PASSWORD)
    browser = Client()
    data = {"username": "river", "password": PASSWORD}
    if remember:
        data["remember"] = "on"
    assert browser.post("/accounts/login/", data).status_code == 302
    return browser


def is_signed_in(browser) -> bool:
    return browser.get("/journal/").status_code == 200


@pytest.mark.parametrize(("idle_days", "still_in"), [(13, True), (15, False)])
def test_a_session_without_keep_me_signed_in_ends_after_fourteen_idle_days(
    idle_days, still_in
):
    browser = signed_in_browser(remember=False)

    with time_machine.travel(datetime.timedelta(days=idle_days)):
        assert is_signed_in(browser) is still_in


@pytest.mark.parametrize(("idle_days", "still_in"), [(29, True), (31, False)])
def test_a_kept_session_ends_after_thirty_idle_days(idle_days, still_in):
    browser = signed_in_browser(remember=True)

    with time_machine.travel(datetime.timedelta(days=idle_days)):
        assert is_signed_in(browser) is still_in


def test_a_session_in_use_keeps_going_past_fourteen_days():
    browser = signed_in_browser(remember=False)

    with time_machine.travel(datetime.timedelta(days=10)):
        assert is_signed_in(browser)
    with time_machine.travel(datetime.timedelta(days=20)):
        assert is_signed_in(browser)
