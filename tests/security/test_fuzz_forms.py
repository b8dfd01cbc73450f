"""Hypothesis sends every form arbitrary input: never a 500, and nothing saved on a
refusal.

Each test runs all its examples inside one database test, so rows are counted before
and after every example. Each example also runs in a savepoint that is rolled back,
so one example cannot change what the next one starts from.
"""

import datetime
import json
import uuid
from contextlib import contextmanager
from unittest import mock

import pytest
from axes.utils import reset as reset_axes
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.template.base import Template
from django.test.utils import _TestState
from hypothesis import example, given
from hypothesis import strategies as st

from accounts.forms.profile import SettingsForm
from accounts.forms.signin import SignUpForm
from accounts.models import Profile
from accounts.timezones import time_zone_choices
from core.skills import Skill
from journal.card import services as card_services
from journal.models import (
    CardRow,
    CheckIn,
    Entry,
    PracticeItem,
    PracticeMiss,
    PracticePlan,
    PracticeTick,
    WeeklyReflection,
)
from journal.practice import goals as practice_goals
from journal.practice import services as practice_services
from portability.document import FORMAT_NAME
from sharing.models import ShareLink
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "calm-river-stones-42"
TODAY = datetime.date(2026, 11, 21)  # conftest.FIXED_NOW
SKILLS = [skill.value for skill in Skill]

# --- strategies ----------------------------------------------------------------------

# Surrogates cannot travel over HTTP; everything else can, NUL included.
CHARACTERS = st.characters(blacklist_categories=("Cs",))
CONTROL = st.characters(whitelist_categories=("Cc",))

any_text = st.text(alphabet=CHARACTERS, max_size=40)
control_text = st.text(alphabet=CONTROL, min_size=1, max_size=6)
with_nul = st.builds(lambda a, b: f"{a}\x00{b}", any_text, any_text)
oversized = st.builds(
    lambda piece, size: (piece * size)[:size],
    st.text(alphabet=CHARACTERS, min_size=1, max_size=3),
    st.integers(min_value=2001, max_value=6000),
)
numbers = st.one_of(
    st.integers().map(str),
    st.integers(min_value=10**20, max_value=10**400).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
bad_dates = st.sampled_from(
    [
        "2026-02-30",
        "2026-13-01",
        "0000-00-00",
        "0001-01-01",
        "9999-12-31",
        "99999-01-01",
        "1999-12-31",
        "2026-11-22",
        "21/11/2026",
        "2026-11-21T00:00:00",
        "yesterday",
    ]
)
any_dates = st.one_of(st.dates().map(datetime.date.isoformat), bad_dates)
fuzz = st.one_of(
    any_text, control_text, with_nul, oversized, numbers, any_dates, st.just("")
)


def field(valid):
    """A value the form could accept, or anything at all."""
    return st.one_of(valid, fuzz)


def form_data(valid: dict, **extra):
    """Field values: all acceptable, one field anything, or every field either.

    Changing one field of an acceptable form reaches each field's own checks (and
    the success path) far more often than making every field up at once.
    """
    names = sorted(valid)
    every = st.fixed_dictionaries({**valid, **extra})
    one_changed = st.sampled_from(names).flatmap(
        lambda name: st.fixed_dictionaries({**valid, **extra, name: fuzz})
    )
    each_either = st.fixed_dictionaries(
        {**{name: field(value) for name, value in valid.items()}, **extra}
    )
    return st.one_of(every, one_changed, each_either)


valid_days = st.dates(min_value=datetime.date(2000, 1, 1), max_value=TODAY).map(
    datetime.date.isoformat
)
short_text = st.text(alphabet=CHARACTERS, min_size=1, max_size=60)

# --- running many examples quickly --------------------------------------------------


@pytest.fixture(autouse=True)
def _plain_template_rendering():
    # The test client copies the context of every template it renders: hundreds per
    # page with a time-zone select. These tests read status codes and rows only, so
    # templates render as in production, about a quarter faster here.
    original = _TestState.saved_data.template_render
    with mock.patch.object(Template, "_render", original):
        yield


@pytest.fixture
def short_time_zone_menus():
    """Offer three zones in the menus; every IANA name is still accepted.

    Validation asks time_zone_names(), not the menu, so what is tested is unchanged;
    drawing ~430 options on every refused form would be most of the run time.
    """
    menu = [
        ("UTC", "UTC"),
        ("Europe/Paris", "Europe/Paris"),
        ("Asia/Tokyo", "Asia/Tokyo"),
    ]
    fields = [form.base_fields["time_zone"] for form in (SignUpForm, SettingsForm)]
    for zone_field in fields:
        zone_field.choices = menu
    yield
    for zone_field in fields:
        zone_field.choices = time_zone_choices


# --- counting rows -------------------------------------------------------------------

ROW_MODELS = (
    get_user_model(),
    Profile,
    Entry,
    WeeklyReflection,
    ShareLink,
    CardRow,
    CheckIn,
    PracticePlan,
    PracticeItem,
    PracticeTick,
    PracticeMiss,
)


def row_counts() -> dict:
    """Rows of every model a form could write, in one query."""
    tables = [connection.ops.quote_name(model._meta.db_table) for model in ROW_MODELS]
    # Table names come from our own models, never from input.
    counts = ", ".join(f"(SELECT COUNT(*) FROM {table})" for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")
        row = cursor.fetchone()
    return {model.__name__: count for model, count in zip(ROW_MODELS, row, strict=True)}


def changes(before: dict) -> dict:
    after = row_counts()
    return {
        name: after[name] - before[name]
        for name in before
        if after[name] != before[name]
    }


@contextmanager
def one_example():
    """Rolls back whatever the example wrote; the next one starts from the same rows."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def is_redirect_to(response, path) -> bool:
    return response.status_code == 302 and response["Location"] == path


# --- accounts ------------------------------------------------------------------------

usernames = st.from_regex(r"[a-z][a-z0-9_.+-]{2,20}", fullmatch=True)


@given(
    data=form_data(
        {
            "username": usernames,
            "email": st.sampled_from(["", "someone@example.org"]),
            "password1": st.just(STRONG_PASSWORD),
            "password2": st.just(STRONG_PASSWORD),
            "time_zone": st.sampled_from(["UTC", "Europe/Kiev", "America/New_York"]),
        }
    )
)
def test_signup_never_errors_and_makes_at_most_one_person(
    client, fixed_clock, short_time_zone_menus, data
):
    client.cookies.clear()
    cache.clear()  # the sign-up rate limit
    with one_example():
        before = row_counts()

        response = client.post("/accounts/signup/", data)

        assert response.status_code < 500
        if is_redirect_to(response, "/journal/welcome/"):
            assert changes(before) == {"User": 1, "Profile": 1}
        else:
            assert changes(before) == {}


@pytest.fixture
def fuzz_person(db):
    return make_user("fuzz-person", password=STRONG_PASSWORD)


@given(
    data=form_data(
        {"username": st.just("fuzz-person"), "password": st.just(STRONG_PASSWORD)}
    )
)
def test_login_never_errors_and_saves_nothing(client, fuzz_person, data):
    client.cookies.clear()
    reset_axes()  # or only the lock-out page would be tested
    cache.clear()
    with one_example():
        before = row_counts()

        response = client.post("/accounts/login/", data)

        assert response.status_code in (200, 302)
        assert changes(before) == {}


@given(
    data=form_data(
        {
            "display_name": short_text,
            "time_zone": st.sampled_from(
                ["UTC", "Asia/Calcutta", "Pacific/Kiritimati"]
            ),
            "week_start": st.sampled_from(["monday", "sunday"]),
            "language": st.just("en"),
        }
    )
)
def test_settings_never_error_and_change_nothing_on_refusal(
    owner_client, owner, short_time_zone_menus, data
):
    with one_example():
        before = row_counts()
        profile_before = settings_of(owner)

        response = owner_client.post("/accounts/settings/", data)

        assert response.status_code < 500
        assert changes(before) == {}
        if not is_redirect_to(response, "/accounts/settings/"):
            assert settings_of(owner) == profile_before


def settings_of(owner) -> dict:
    """The profile as the person set it (not the cache's version counter, which
    any POST moves on: a cache miss, never a change anyone sees)."""
    return Profile.objects.filter(user=owner).values().get() | {"journal_version": 0}


@given(data=form_data({"password": st.just("a-long-test-password")}))
def test_delete_account_never_errors_and_erases_only_on_the_right_password(
    client, owner, data
):
    client.force_login(owner)
    with one_example():
        make_entry(owner)
        before = row_counts()

        response = client.post("/accounts/delete/", data)

        assert response.status_code < 500
        if is_redirect_to(response, "/"):
            assert changes(before) == {"User": -1, "Profile": -1, "Entry": -1}
        else:
            assert changes(before) == {}


# --- entries -------------------------------------------------------------------------

ENTRY_FIELDS = {
    "skill": st.sampled_from(SKILLS),
    "note": short_text.filter(str.strip),
    "situation": st.sampled_from(["", "At work"]),
    "distress_before": st.integers(0, 10).map(str),
    "distress_after": st.one_of(st.just(""), st.integers(0, 10).map(str)),
    "helpfulness": st.integers(1, 5).map(str),
    "practiced_on": valid_days,
}


@given(
    data=form_data(
        # None stands for a fresh form's uuid, made in the example below.
        {**ENTRY_FIELDS, "uuid": st.none()},
        return_to=st.sampled_from(["", "today"]),
    ),
)
def test_new_entry_never_errors_and_saves_at_most_one(owner_client, fixed_clock, data):
    # Entries are deduplicated by uuid: a new form gets a new one in every example.
    if data["uuid"] is None:
        data["uuid"] = str(uuid.uuid4())
    with one_example():
        before = row_counts()

        response = owner_client.post("/journal/entries/new/", data)

        assert response.status_code < 500
        if is_redirect_to(response, "/journal/"):
            assert changes(before) == {"Entry": 1}
        else:
            assert changes(before) == {}


@pytest.fixture
def entry(owner):
    return make_entry(owner, situation="At home", distress_before=5)


@given(data=form_data(ENTRY_FIELDS, next=st.one_of(st.just(""), fuzz)))
def test_entry_edit_never_errors_and_changes_nothing_on_refusal(
    owner_client, entry, fixed_clock, data
):
    with one_example():
        before = row_counts()
        entry_before = list(Entry.objects.filter(pk=entry.pk).values())

        response = owner_client.post(f"/journal/entries/{entry.pk}/edit/", data)

        assert response.status_code < 500
        assert changes(before) == {}
        if response.status_code != 302:
            assert list(Entry.objects.filter(pk=entry.pk).values()) == entry_before


@given(
    day=st.one_of(
        st.dates().map(datetime.date.isoformat),
        st.dates(datetime.date(2026, 1, 1), TODAY).map(datetime.date.isoformat),
        bad_dates,
    ),
    week_start=st.sampled_from(["monday", "sunday"]),
    data=form_data(
        {
            "what_helped": short_text,
            "what_was_hard": st.just(""),
            "for_next_session": short_text,
        }
    ),
)
def test_reflection_never_errors_and_saves_at_most_one(
    owner_client, owner, fixed_clock, day, week_start, data
):
    Profile.objects.filter(user=owner).update(week_start=week_start)
    with one_example():
        before = row_counts()

        response = owner_client.post(f"/journal/week/{day}/reflection/", data)

        assert response.status_code < 500
        if response.status_code == 302:
            assert changes(before) in ({"WeeklyReflection": 1}, {})
        else:
            assert changes(before) == {}


@given(
    data=form_data(
        {
            "weeks": st.sampled_from(["4", "8", "12"]),
            "include_notes": st.sampled_from(["on", ""]),
            "expires_in_days": st.sampled_from(["7", "30", "90"]),
        }
    )
)
def test_sharing_never_errors_and_makes_at_most_one_link(
    owner_client, fixed_clock, data
):
    with one_example():
        before = row_counts()

        response = owner_client.post("/journal/sharing/", data)

        assert response.status_code < 500
        if response.status_code == 200 and b"data-share-url" in response.content:
            assert changes(before) == {"ShareLink": 1}
        else:
            assert changes(before) == {}


@given(
    data=form_data(
        {
            "kind": st.sampled_from(["urge", "emotion", "number", "yes-no"]),
            "name": short_text,
        }
    )
)
def test_adding_a_card_row_never_errors_and_adds_at_most_one(owner_client, data):
    with one_example():
        before = row_counts()

        response = owner_client.post("/journal/card/", data)

        assert response.status_code < 500
        if response.status_code == 302:
            assert changes(before) == {"CardRow": 1}
        else:
            assert changes(before) == {}


PLAN_ITEM = {
    "family": st.sampled_from(["", *SKILLS]),
    "technique": st.sampled_from(["", "tipp", "paced-breathing", "dear-man"]),
    "text": short_text,
    "times": st.sampled_from(["", "1", "4", "14"]),
    "each_day": st.sampled_from(["", "on"]),
    "why": short_text,
    "obstacle": st.sampled_from(["", "Rushing out"]),
    "then": st.sampled_from(["", "Breathe on the stairs"]),
}


@given(
    data=form_data(
        {
            "items-TOTAL_FORMS": st.sampled_from(["1", "2", "5"]),
            "items-INITIAL_FORMS": st.just("0"),
            **{f"items-0-{name}": value for name, value in PLAN_ITEM.items()},
            **{f"items-1-{name}": value for name, value in PLAN_ITEM.items()},
        }
    )
)
def test_a_practice_plan_never_errors_and_saves_whole_or_nothing(
    owner_client, fixed_clock, data
):
    with one_example():
        before = row_counts()

        response = owner_client.post("/journal/practice-plan/new/", data)

        assert response.status_code < 500
        found = changes(before)
        if response.status_code == 302:
            assert found.get("PracticePlan") == 1
            assert found.get("PracticeItem") in (1, 2)
        else:
            assert found == {}


@given(
    data=form_data(
        {
            "day": st.one_of(
                st.dates(datetime.date(2026, 11, 16), TODAY).map(
                    datetime.date.isoformat
                ),
                bad_dates,
            ),
            "reason": st.sampled_from(
                ["", "no-time", "forgot", "not-up-to-it", "did-not-fit"]
            ),
        }
    )
)
def test_a_missed_day_never_errors_and_saves_at_most_one(
    owner_client, owner, fixed_clock, data
):
    with one_example():
        practice_services.create_plan(
            owner,
            practice_goals.iso_week(TODAY),
            [{"text": "Evening walk", "times": 3}],
        )
        before = row_counts()

        response = owner_client.post("/journal/practice-plan/missed/", data)

        assert response.status_code < 500
        if response.status_code == 302:
            assert changes(before) in ({"PracticeMiss": 1}, {})
        else:
            assert changes(before) == {}


@given(
    day=st.one_of(
        st.dates(datetime.date(2026, 1, 1), TODAY).map(datetime.date.isoformat),
        bad_dates,
    ),
    data=form_data(
        {
            "scale": st.sampled_from(["", "0", "3", "5"]),
            "acted": st.sampled_from(["", "yes", "no"]),
            "number": st.sampled_from(["", "0", "7.5", "1000"]),
            "answer": st.sampled_from(["", "yes", "no"]),
            "skills_rating": st.sampled_from(["", "0", "7"]),
            "sentence": short_text,
        },
    ),
)
def test_a_check_in_never_errors_and_saves_at_most_one(
    owner_client, owner, fixed_clock, day, data
):
    with one_example():
        urge, number, answer = card_services.add_rows(
            owner,
            [
                ("urge", "Urge", False),
                ("number", "Sleep", False),
                ("yes-no", "Meds", False),
            ],
        )
        fields = {
            "scale": f"row-{urge.pk}",
            "acted": f"acted-{urge.pk}",
            "number": f"row-{number.pk}",
            "answer": f"row-{answer.pk}",
        }
        posted = {fields.get(key, key): value for key, value in data.items()}
        before = row_counts()

        response = owner_client.post(f"/journal/check-in/{day}/", posted)

        assert response.status_code < 500
        if response.status_code == 302:
            assert changes(before) in ({"CheckIn": 1}, {})
        else:
            assert changes(before) == {}


# --- import --------------------------------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        any_text,
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(any_text, children, max_size=4),
    ),
    max_leaves=30,
)
offsets = st.integers(min_value=-1439, max_value=1439).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)
moments = st.one_of(
    st.datetimes(timezones=offsets).map(datetime.datetime.isoformat),
    st.datetimes().map(datetime.datetime.isoformat),  # no zone: refused
    fuzz,
)
entry_records = form_data(
    {
        "uuid": st.uuids().map(str),
        "practiced_on": valid_days,
        "skill": st.sampled_from(SKILLS),
        "note": short_text.filter(str.strip),
        "situation": st.one_of(st.just(""), short_text),
        "distress_before": st.one_of(st.none(), st.integers(0, 10)),
        "distress_after": st.one_of(st.none(), st.integers()),
        "helpfulness": st.one_of(st.none(), st.integers(1, 5)),
        "created_at": moments,
        "updated_at": moments,
    }
)
reflection_records = form_data(
    {
        "week_of": valid_days,
        "what_helped": short_text,
        "what_was_hard": st.one_of(st.none(), json_values),
        "for_next_session": st.just(""),
        "created_at": moments,
    }
)
documents = st.fixed_dictionaries(
    {
        "format": st.one_of(st.just(FORMAT_NAME), json_values),
        "version": st.one_of(st.just(1), json_values),
        "entries": st.one_of(
            st.lists(st.one_of(entry_records, json_values), max_size=4), json_values
        ),
        "reflections": st.lists(st.one_of(reflection_records, json_values), max_size=3),
    },
    optional={"settings": json_values, "exported_at": moments},
)
uploads = st.one_of(
    st.binary(max_size=2000),
    json_values.map(lambda value: json.dumps(value).encode()),
    documents.map(lambda document: json.dumps(document).encode()),
    documents.map(lambda document: json.dumps(document, ensure_ascii=False).encode()),
)


def export_with_created_at(moment: str) -> bytes:
    entry = {
        "uuid": "5d2b8e8e-2f0b-4a57-9d7c-6a1f3c9b2e10",
        "practiced_on": "2026-11-20",
        "skill": "communication",
        "note": "Imported",
        "created_at": moment,
    }
    document = {"format": FORMAT_NAME, "version": 1, "entries": [entry]}
    return json.dumps(document).encode()


def expected_at_most(raw: bytes) -> dict:
    """How many entries and reflections the upload could add at most."""
    document = json.loads(raw.decode("utf-8-sig"))
    return {
        "Entry": len(document.get("entries") or []),
        "WeeklyReflection": len(document.get("reflections") or []),
    }


@given(raw=uploads, name=st.sampled_from(["export.json", "notes.txt", "x"]))
@example(raw=b"[" * 100_000, name="nested.json")
@example(raw=b'{"a":' * 50_000, name="nested.json")
@example(raw=b" " * (5 * 1024 * 1024 + 1), name="huge.json")
@example(raw=b"", name="empty.json")
@example(raw=b"\xff\xfe\x00\x00", name="utf32.json")
@example(raw=export_with_created_at("2026-02-30T10:00:00+00:00"), name="a.json")
@example(raw=export_with_created_at("0001-01-01T00:00:00+14:00"), name="a.json")
def test_import_never_errors_and_adds_nothing_on_refusal(
    owner_client, fixed_clock, raw, name
):
    with one_example():
        before = row_counts()

        response = owner_client.post(
            "/accounts/import/", {"file": SimpleUploadedFile(name, raw)}
        )

        assert response.status_code < 500
        changed = changes(before)
        if is_redirect_to(response, "/accounts/import/"):
            limits = expected_at_most(raw)
            assert set(changed) <= {"Entry", "WeeklyReflection"}
            for model, added in changed.items():
                assert 0 <= added <= limits[model]
        else:
            assert changed == {}


# --- searches and filters (GET) -----------------------------------------------------


@given(q=st.one_of(fuzz, st.lists(fuzz, max_size=3)))
def test_guide_search_never_errors(client, q):
    before = row_counts()

    response = client.get("/guide/search/", {"q": q})

    assert response.status_code == 200
    assert changes(before) == {}


@given(
    params=form_data(
        {
            "skill": st.sampled_from(SKILLS),
            "from": valid_days,
            "to": valid_days,
            "q": short_text,
            "page": st.integers(1, 5).map(str),
        }
    )
)
def test_history_filters_never_error(owner_client, fixed_clock, params):
    before = row_counts()

    response = owner_client.get("/journal/entries/", params)

    assert response.status_code == 200
    assert changes(before) == {}


@given(params=form_data({"skill": st.sampled_from(SKILLS), "date": valid_days}))
def test_new_entry_prefill_never_errors(owner_client, fixed_clock, params):
    before = row_counts()

    response = owner_client.get("/journal/entries/new/", params)

    assert response.status_code == 200
    assert changes(before) == {}
