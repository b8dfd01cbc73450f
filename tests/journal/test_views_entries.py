import datetime
import re
import uuid
from unittest import mock

import pytest
from django.utils import timezone

from accounts.models import Profile
from journal.models import Entry
from tests.cache_trips import cache_trips
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)
XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def entry_data(**overrides):
    data = {
        "uuid": str(uuid.uuid4()),
        "skill": "cognitive-restructuring",
        "note": "I wrote the thought down and looked for evidence against it.",
        "situation": "Before the meeting",
        "distress_before": "7",
        "distress_after": "4",
        "helpfulness": "4",
        "practiced_on": "2026-11-20",
    }
    data.update(overrides)
    return data


# --- new -----------------------------------------------------------------------------


def test_new_entry_form_is_prefilled_from_the_guide_link(owner_client):
    response = owner_client.get(
        "/journal/entries/new/?skill=communication&date=2026-11-02"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="communication" checked' in html
    assert 'value="2026-11-02"' in html


@pytest.mark.parametrize(
    "query",
    [
        "skill=juggling",
        "date=not-a-date",
        "date=2099-01-01",
        "date=1999-12-31",
        "skill=%00",
    ],
)
def test_new_entry_form_ignores_unusable_prefill(owner_client, query):
    response = owner_client.get(f"/journal/entries/new/?{query}")

    html = response.content.decode()
    assert response.status_code == 200
    assert not re.search(r'name="skill"[^>]*checked', html)
    assert 'name="practiced_on" value="2026-11-21"' in html


def test_full_form_saves_every_field(owner_client, owner):
    response = owner_client.post("/journal/entries/new/", entry_data())

    assert response.status_code == 302
    entry = Entry.objects.get(owner=owner)
    assert (entry.skill, entry.situation, entry.practiced_on) == (
        "cognitive-restructuring",
        "Before the meeting",
        datetime.date(2026, 11, 20),
    )
    assert (entry.distress_before, entry.distress_after, entry.helpfulness) == (7, 4, 4)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"note": ""}, "note", "Write a few words about what happened."),
        ({"note": "   \n\t  "}, "note", "Write a few words about what happened."),
        ({"note": "x" * 2001}, "note", "2,000 characters"),
        ({"situation": "s" * 281}, "situation", "280 characters"),
        ({"skill": "juggling"}, "skill", "Choose one of the five skills."),
        ({"skill": ""}, "skill", "Choose the skill you practiced."),
        ({"distress_before": "-1"}, "distress_before", "from 0 to 10"),
        ({"distress_after": "11"}, "distress_after", "from 0 to 10"),
        ({"distress_after": "lots"}, "distress_after", "from 0 to 10"),
        ({"helpfulness": "0"}, "helpfulness", "from 1 to 5"),
        ({"helpfulness": "6"}, "helpfulness", "from 1 to 5"),
        ({"practiced_on": "2026-11-22"}, "practiced_on", "hasn't happened yet"),
        ({"practiced_on": "1999-12-31"}, "practiced_on", "2000 or later"),
        ({"practiced_on": "31/12/2025"}, "practiced_on", "Use a date like"),
    ],
)
def test_bad_input_shows_the_message_beside_the_field_and_saves_nothing(
    owner_client, overrides, field, message
):
    data = entry_data(**overrides)

    response = owner_client.post("/journal/entries/new/", data)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    if field in ("skill", "distress_before", "distress_after", "helpfulness"):
        # Chips and tap scales: one message for the whole group, beside it.
        assert f'id="id_{field}_error"' in html
    else:
        assert f'id="error_1_id_{field}"' in html
    assert "I wrote the thought down" in html or field == "note"
    assert Entry.objects.count() == 0


def test_note_of_exactly_two_thousand_characters_is_accepted(owner_client, owner):
    owner_client.post("/journal/entries/new/", entry_data(note="y" * 2000))

    assert len(Entry.objects.get(owner=owner).note) == 2000


def test_any_past_day_can_be_back_filled(owner_client, owner):
    owner_client.post("/journal/entries/new/", entry_data(practiced_on="2000-01-01"))

    assert Entry.objects.get(owner=owner).practiced_on == datetime.date(2000, 1, 1)


def test_new_entry_needs_login(client):
    response = client.get("/journal/entries/new/")

    assert response["Location"] == "/accounts/login/?next=/journal/entries/new/"


def test_new_entry_refuses_other_methods(owner_client):
    assert owner_client.delete("/journal/entries/new/").status_code == 405


# --- history -------------------------------------------------------------------------


def test_history_lists_the_owners_entries_newest_first(owner_client, owner, other_user):
    make_entry(owner, practiced_on=datetime.date(2026, 11, 1), note="Older note")
    make_entry(owner, practiced_on=datetime.date(2026, 11, 15), note="Newer note")
    make_entry(other_user, note="Someone else's note")

    html = owner_client.get("/journal/entries/").content.decode()

    assert html.index("Newer note") < html.index("Older note")
    assert "Someone else" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("skill=communication", {"talk"}),
        ("from=2026-11-10", {"talk", "walk"}),
        ("to=2026-11-09", {"breathe"}),
        ("from=2026-11-10&to=2026-11-12", {"walk"}),
        ("q=WALK", {"walk"}),
        ("q=kitchen", {"breathe"}),
        ("q=walk+park", {"walk"}),
        ("q=walk+kitchen", set()),
    ],
)
def test_history_filters(owner_client, owner, query, expected):
    make_entry(
        owner,
        note="breathe slowly",
        situation="in the kitchen",
        practiced_on=datetime.date(2026, 11, 5),
        skill="distress-tolerance",
    )
    make_entry(
        owner,
        note="walk in the park",
        practiced_on=datetime.date(2026, 11, 11),
        skill="behavioral-activation",
    )
    make_entry(
        owner,
        note="talk with my sister",
        practiced_on=datetime.date(2026, 11, 18),
        skill="communication",
    )

    entries = owner_client.get(f"/journal/entries/?{query}").context["page"].object_list

    assert {entry.note.split()[0] for entry in entries} == expected


def test_history_with_no_matches_says_so_kindly(owner_client, owner):
    make_entry(owner)

    html = owner_client.get("/journal/entries/?q=zebra").content.decode()

    assert "No entries match these filters." in html


def test_empty_history_invites_a_first_entry(owner_client):
    html = owner_client.get("/journal/entries/").content.decode()

    assert "Your journal is empty for now." in html


@pytest.mark.parametrize(
    "query", ["q=%00", "q=" + "a" * 5000, "from=nope", "skill=%00", "page=0", "page=zz"]
)
def test_unusable_filters_give_a_calm_page(owner_client, owner, query):
    make_entry(owner)

    response = owner_client.get(f"/journal/entries/?{query}")

    assert response.status_code == 200


def test_history_pages_by_twenty_five(owner_client, owner):
    for day in range(1, 31):
        make_entry(owner, practiced_on=datetime.date(2026, 10, day), note=f"note {day}")

    first = owner_client.get("/journal/entries/")
    second = owner_client.get("/journal/entries/?page=2")
    beyond = owner_client.get("/journal/entries/?page=99")

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assert beyond.context["page"].number == 2
    assert "Page 1 of 2" in first.content.decode()


def test_history_page_links_keep_the_filters(owner_client, owner):
    for day in range(1, 31):
        make_entry(
            owner, practiced_on=datetime.date(2026, 10, day), skill="communication"
        )

    html = owner_client.get("/journal/entries/?skill=communication").content.decode()

    assert "?skill=communication&amp;page=2" in html


def test_history_runs_a_constant_number_of_queries(
    owner_client, owner, django_assert_max_num_queries
):
    for day in range(1, 29):
        make_entry(owner, practiced_on=datetime.date(2026, 10, day))

    # The first visit counts the entries and reads the coming session (kept in
    # the cache until the next write); the profile's time zone is one of them.
    with django_assert_max_num_queries(11):
        owner_client.get("/journal/entries/")
    # Then only the session, the person, their profile and the page's entries.
    with django_assert_max_num_queries(4):
        owner_client.get("/journal/entries/")


def test_history_needs_login(client):
    assert client.get("/journal/entries/")["Location"].startswith("/accounts/login/")


def test_history_refuses_post(owner_client):
    assert owner_client.post("/journal/entries/").status_code == 405


# --- escaping ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/journal/", "/journal/entries/"])
def test_notes_and_situations_are_escaped_with_line_breaks_kept(
    owner_client, owner, url
):
    make_entry(
        owner,
        practiced_on=datetime.date(2026, 11, 21),
        note=f"first line\nsecond {XSS}",
        situation=XSS,
    )

    html = owner_client.get(url).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "first line<br>second" in html


# --- edit ----------------------------------------------------------------------------


def test_edit_form_shows_the_entry(owner_client, owner):
    entry = make_entry(owner, note="Original words")

    response = owner_client.get(f"/journal/entries/{entry.pk}/edit/")

    assert response.status_code == 200
    assert "Original words</textarea>" in response.content.decode()


def test_edit_saves_changes(owner_client, owner):
    entry = make_entry(owner)
    data = entry_data(note="Changed words")
    del data["uuid"]

    response = owner_client.post(f"/journal/entries/{entry.pk}/edit/", data)

    entry.refresh_from_db()
    assert response.status_code == 302
    assert entry.note == "Changed words"


def test_edit_with_bad_input_changes_nothing(owner_client, owner):
    entry = make_entry(owner, note="Original words")

    response = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/", entry_data(note=" ", helpfulness="9")
    )

    entry.refresh_from_db()
    assert response.status_code == 200
    assert entry.note == "Original words"


def test_edit_returns_to_a_safe_next_page_only(owner_client, owner):
    entry = make_entry(owner)
    data = entry_data()

    inside = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/", {**data, "next": "/journal/entries/?q=x"}
    )
    outside = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/", {**data, "next": "https://evil.example/"}
    )

    assert inside["Location"] == "/journal/entries/?q=x"
    assert outside["Location"] == "/journal/entries/"


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_another_users_entry_is_a_404_like_a_missing_one(
    owner_client, other_user, action
):
    theirs = make_entry(other_user, note="Their words")

    get = owner_client.get(f"/journal/entries/{theirs.pk}/{action}/")
    post = owner_client.post(f"/journal/entries/{theirs.pk}/{action}/", entry_data())
    missing = owner_client.get(f"/journal/entries/999999/{action}/")

    assert get.status_code == post.status_code == missing.status_code == 404
    assert "Their words" not in get.content.decode()
    theirs.refresh_from_db()
    assert theirs.note == "Their words"


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_entry_pages_need_login(client, owner, action):
    entry = make_entry(owner)

    response = client.get(f"/journal/entries/{entry.pk}/{action}/")

    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_entry_pages_refuse_other_methods(owner_client, owner, action):
    entry = make_entry(owner)

    assert owner_client.put(f"/journal/entries/{entry.pk}/{action}/").status_code == 405


# --- delete --------------------------------------------------------------------------


def test_delete_asks_first_and_keeps_the_entry_on_get(owner_client, owner):
    entry = make_entry(owner)

    response = owner_client.get(f"/journal/entries/{entry.pk}/delete/")

    assert "Delete this entry?" in response.content.decode()
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_delete_removes_the_entry_on_post(owner_client, owner):
    entry = make_entry(owner)

    response = owner_client.post(f"/journal/entries/{entry.pk}/delete/")

    assert response.status_code == 302
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.parametrize("url", ["/journal/entries/new/", "edit"])
def test_entry_forms_link_every_skill_to_its_guide_page(owner_client, owner, url):
    if url == "edit":
        url = f"/journal/entries/{make_entry(owner).pk}/edit/"

    html = owner_client.get(url).content.decode()

    for slug in ("emotional-regulation", "distress-tolerance", "communication"):
        assert f'href="/guide/{slug}/"' in html


# --- a time zone no process has loaded yet ---------------------------------------


@pytest.mark.parametrize("path", ["/journal/", "/journal/entries/"])
def test_entry_times_show_in_a_zone_loaded_for_the_first_time(client, path):
    """A fresh web process has no zones cached: the page still shows the time.

    (A lazy zone name once reached ZoneInfo, which refuses a proxy for a zone it
    has not loaded yet: a 500 on the first history page of each process.)
    """
    import zoneinfo

    from tests.factories import make_user, sign_in

    person = make_user(time_zone="America/St_Johns")
    make_entry(person, practiced_on=datetime.date(2026, 11, 21), created_at=FIXED_NOW)
    sign_in(client, person)
    zoneinfo.ZoneInfo.clear_cache()

    response = client.get(path)

    assert response.status_code == 200
    assert "<time datetime=" in response.content.decode()


def test_history_with_from_after_to_says_so_beside_to(owner_client):
    response = owner_client.get("/journal/entries/?from=2026-03-10&to=2026-03-01")

    html = response.content.decode()
    assert "Choose a day after From." in html
    assert 'id="error_1_id_to"' in html
    assert "the To day comes before the From day" in html


def test_history_filters_are_open_when_a_filter_is_in_use(owner_client):
    response = owner_client.get("/journal/entries/?skill=communication")

    assert '<details class="filters-fold mb-3" open>' in response.content.decode()


def test_history_filters_are_folded_when_none_is_in_use(owner_client):
    response = owner_client.get("/journal/entries/")

    assert '<details class="filters-fold mb-3">' in response.content.decode()


def test_an_over_long_note_names_its_numbers_as_english_writes_them(owner_client):
    response = owner_client.post(
        "/journal/entries/new/",
        {"skill": "communication", "note": "a" * 2345, "practiced_on": ""},
    )

    assert "Please keep the note to 2,000 characters (it has 2,345 now)." in (
        response.content.decode()
    )


def test_an_over_long_note_names_its_numbers_as_spanish_writes_them(
    owner, owner_client
):
    Profile.objects.filter(user=owner).update(language="es")

    response = owner_client.post(
        "/journal/entries/new/", {"skill": "communication", "note": "a" * 12345}
    )

    assert "2000 caracteres en la nota, por favor (ahora tiene 12.345)" in (
        response.content.decode()
    )


def test_history_reads_its_kept_pieces_in_one_trip_to_the_cache(owner_client, owner):
    make_entry(owner)
    first = owner_client.get("/journal/entries/").content.decode()  # keeps them

    with cache_trips() as trips:
        again = owner_client.get("/journal/entries/").content.decode()

    # The session on its own; the count and the coming session, together.
    assert [key.startswith("django.contrib.sessions") for key in trips.alone] == [True]
    ((count, coming),) = trips.together
    assert "entry-count.v" in count
    assert "coming-session.v" in coming
    assert "1 entry" in again
    assert again.count("data-entry-card") == first.count("data-entry-card") == 1
