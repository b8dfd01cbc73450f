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


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def form_uuid(html: str) -> str:
    return re.search(r'name="uuid" value="([0-9a-f-]+)"', html).group(1)


def quick_log(client, **overrides):
    html = client.get("/journal/").content.decode()
    data = {
        "uuid": form_uuid(html),
        "return_to": "today",
        "skill": "distress-tolerance",
        "note": "Cold water on my face, then slow breathing. It passed.",
        "practiced_on": "2026-11-21",
    }
    data.update(overrides)
    return client.post("/journal/entries/new/", data)


def test_today_shows_the_quick_log_form_first(owner_client):
    response = owner_client.get("/journal/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index('action="/journal/entries/new/"') < html.index(
        'id="today-heading"'
    )
    for slug in (
        "emotional-regulation",
        "distress-tolerance",
        "cognitive-restructuring",
        "communication",
        "behavioral-activation",
    ):
        assert f'value="{slug}"' in html
    assert "Two or three sentences is plenty." in html
    assert "More detail" in html
    assert 'value="2026-11-21"' in html


def test_quick_log_saves_and_comes_back_to_today_with_the_entry(owner_client, owner):
    response = quick_log(owner_client)

    assert response.status_code == 302
    assert response["Location"] == "/journal/"
    entry = Entry.objects.get(owner=owner)
    assert entry.skill == "distress-tolerance"
    page = owner_client.get("/journal/")
    html = page.content.decode()
    assert "Cold water on my face" in html
    assert 'name="note"' in html and "Cold water on my face</textarea>" not in html


def logged_area(html: str) -> str:
    start = html.index('<section class="logged-entry"')
    return html[start : html.index("</section>", start)]


def test_after_saving_today_opens_on_the_entry_under_logged_before_the_form(
    owner_client, owner
):
    quick_log(owner_client, note="Paced breathing at the bus stop.")

    html = owner_client.get("/journal/").content.decode()

    area = logged_area(html)
    assert "Logged" in area
    assert "Paced breathing at the bus stop." in area
    assert html.index('class="logged-entry"') < html.index('id="quick-log-heading"')
    # Focus lands on it (form-focus.js), so a screen reader hears "Logged" first.
    assert 'tabindex="-1" data-focus-on-load' in area


def test_the_logged_entry_offers_an_undo_that_without_javascript_confirms_the_delete(
    owner_client, owner
):
    quick_log(owner_client)
    entry = Entry.objects.get(owner=owner)

    area = logged_area(owner_client.get("/journal/").content.decode())

    delete = f"/journal/entries/{entry.pk}/delete/"
    assert f'href="{delete}?next=/journal/" data-delete-entry="{delete}"' in area
    assert ">Undo<" in area
    confirm = owner_client.get(f"{delete}?next=/journal/").content.decode()
    assert 'name="next" value="/journal/"' in confirm


def test_the_logged_entry_is_shown_once_and_not_again_in_the_days_list(
    owner_client, owner
):
    quick_log(owner_client, note="Named the feeling out loud.")

    html = owner_client.get("/journal/").content.decode()

    assert html.count("Named the feeling out loud.") == 1
    assert "Nothing logged yet today." in html


def test_after_logging_on_a_busy_day_the_rest_are_counted_without_the_logged_one(
    owner_client, owner
):
    for n in range(25):
        make_entry(owner, practiced_on=FIXED_NOW.date(), note=f"Earlier moment {n}.")
    quick_log(owner_client, note="Named the feeling out loud.")

    response = owner_client.get("/journal/")

    html = response.content.decode()
    assert html.count("Named the feeling out loud.") == 1
    assert len(response.context["todays_entries"]) == 20
    assert "And 5 more today" in html


def test_a_reload_after_logging_shows_the_plain_page_with_the_entry_in_the_list(
    owner_client, owner
):
    quick_log(owner_client, note="Named the feeling out loud.")
    owner_client.get("/journal/")

    again = owner_client.get("/journal/").content.decode()

    assert 'class="logged-entry"' not in again
    assert again.count("Named the feeling out loud.") == 1
    assert again.index('id="today-heading"') < again.index("Named the feeling")


def test_an_entry_logged_for_another_day_shows_its_day_under_logged(
    owner_client, owner
):
    quick_log(owner_client, practiced_on="2026-11-19")

    area = logged_area(owner_client.get("/journal/").content.decode())

    assert "Thu 19 Nov 2026" in area


def test_the_logged_area_never_shows_another_persons_entry(
    owner_client, owner, other_user
):
    theirs = make_entry(other_user, note="Their private note")
    session = owner_client.session
    session["journal_just_logged"] = theirs.pk
    session.save()

    html = owner_client.get("/journal/").content.decode()

    assert 'class="logged-entry"' not in html
    assert "Their private note" not in html


def test_a_form_with_errors_shows_no_logged_area(owner_client, owner):
    response = quick_log(owner_client, note="")

    assert 'class="logged-entry"' not in response.content.decode()


def test_today_lists_only_todays_entries_of_the_owner(owner_client, owner, other_user):
    make_entry(owner, practiced_on=datetime.date(2026, 11, 21), note="Today's own note")
    make_entry(owner, practiced_on=datetime.date(2026, 11, 20), note="Yesterday's note")
    make_entry(other_user, practiced_on=datetime.date(2026, 11, 21), note="Not mine")

    html = owner_client.get("/journal/").content.decode()

    assert "Today&#x27;s own note" in html
    assert "Yesterday&#x27;s note" not in html
    assert "Not mine" not in html


def test_today_shows_the_last_seven_days_and_the_streak(owner_client, owner):
    for day in (21, 20, 19, 17):
        make_entry(owner, practiced_on=datetime.date(2026, 11, day))

    html = owner_client.get("/journal/").content.decode()

    assert html.count("day-strip-day") == 7
    assert html.count("has-practice") == 4
    assert "You have practiced 3 days in a row." in html


def test_streak_still_counts_when_today_is_not_logged_yet(owner_client, owner):
    make_entry(owner, practiced_on=datetime.date(2026, 11, 20))

    html = owner_client.get("/journal/").content.decode()

    assert "Day one of a streak. Come back tomorrow to make it two." in html


def test_today_follows_the_users_time_zone_ahead_of_utc(owner_client, owner):
    # 12:00 UTC on 21 November is already 02:00 on 22 November in Kiritimati (UTC+14).
    Profile.objects.filter(user=owner).update(time_zone="Pacific/Kiritimati")

    html = owner_client.get("/journal/").content.decode()

    assert 'name="practiced_on" value="2026-11-22"' in html


def test_today_follows_the_users_time_zone_behind_utc(owner_client, owner):
    Profile.objects.filter(user=owner).update(time_zone="Pacific/Pago_Pago")
    with mock.patch.object(
        timezone,
        "now",
        return_value=datetime.datetime(2026, 11, 22, 5, 0, tzinfo=datetime.UTC),
    ):
        html = owner_client.get("/journal/").content.decode()

    # 05:00 UTC on the 22nd is 18:00 on the 21st in Pago Pago (UTC-11).
    assert 'name="practiced_on" value="2026-11-21"' in html


def test_streak_follows_the_users_calendar(owner_client, owner):
    Profile.objects.filter(user=owner).update(time_zone="Pacific/Kiritimati")
    make_entry(owner, practiced_on=datetime.date(2026, 11, 22))
    make_entry(owner, practiced_on=datetime.date(2026, 11, 21))

    html = owner_client.get("/journal/").content.decode()

    assert "You have practiced 2 days in a row." in html


def test_quick_log_with_errors_comes_back_on_today_with_what_was_typed(
    owner_client, owner
):
    response = quick_log(
        owner_client, skill="", note="Half a thought", distress_before="12"
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="quick-log-heading"' in html
    assert "Choose the skill you practiced." in html
    assert "Use a number from 0 to 10." in html
    assert "Half a thought</textarea>" in html
    # The rating scale is on the form itself, its message right beside it.
    assert 'id="id_distress_before_error"' in html
    assert Entry.objects.count() == 0


def test_today_needs_login(client):
    response = client.get("/journal/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/journal/"


def test_today_refuses_post(owner_client):
    response = owner_client.post("/journal/")

    assert response.status_code == 405


def test_today_is_never_cached(owner_client):
    assert "no-store" in owner_client.get("/journal/")["Cache-Control"]


def test_the_same_form_sent_twice_stores_one_entry(owner_client, owner):
    html = owner_client.get("/journal/").content.decode()
    data = {
        "uuid": form_uuid(html),
        "skill": "communication",
        "note": "I asked for one specific thing.",
        "practiced_on": "2026-11-21",
    }

    first = owner_client.post("/journal/entries/new/", data)
    second = owner_client.post("/journal/entries/new/", data)

    assert first.status_code == second.status_code == 302
    assert Entry.objects.filter(owner=owner).count() == 1


def test_two_forms_with_the_same_text_are_two_entries(owner_client, owner):
    quick_log(owner_client, note="Same words.")
    quick_log(owner_client, note="Same words.")

    assert Entry.objects.filter(owner=owner).count() == 2


def test_a_uuid_belonging_to_another_user_never_touches_their_entry(
    owner_client, owner, other_user
):
    theirs = make_entry(other_user, note="Their private note")

    quick_log(owner_client, uuid=str(theirs.uuid), note="My own note")

    theirs.refresh_from_db()
    assert theirs.note == "Their private note"
    mine = Entry.objects.get(owner=owner)
    assert mine.note == "My own note"
    assert mine.uuid != theirs.uuid


def test_missing_uuid_is_refused_kindly(owner_client):
    response = owner_client.post(
        "/journal/entries/new/",
        {
            "skill": "communication",
            "note": "x",
            "practiced_on": "2026-11-21",
            "uuid": "",
        },
    )

    assert response.status_code == 200
    assert Entry.objects.count() == 0


def test_new_form_gets_a_fresh_uuid_each_time(owner_client):
    first = form_uuid(owner_client.get("/journal/").content.decode())
    second = form_uuid(owner_client.get("/journal/").content.decode())

    assert first != second
    assert uuid.UUID(first)


def test_today_reads_its_kept_pieces_in_one_trip_to_the_cache(owner_client, owner):
    make_entry(owner, practiced_on=datetime.date(2026, 11, 20))
    first = owner_client.get("/journal/").content.decode()  # draws and keeps them

    with cache_trips() as trips:
        again = owner_client.get("/journal/").content.decode()

    # The session on its own; the coming session, the seven days, the named
    # skills' uses, the day's card and practice plan counted, together.
    assert [key.startswith("django.contrib.sessions") for key in trips.alone] == [True]
    ((coming, seven_days, uses, card, plan),) = trips.together
    assert "coming-session.v" in coming
    assert "today-days.v" in seven_days
    assert "skill-uses.v" in uses
    assert "todays-card.v" in card
    assert "practice-counts.v" in plan
    assert "Day one of a streak." in again
    assert first.count("day-strip-day") == again.count("day-strip-day") == 7
