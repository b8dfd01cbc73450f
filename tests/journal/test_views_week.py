import datetime
import re
import threading
from unittest import mock

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from accounts.models import Profile
from journal.models import Entry, WeeklyReflection
from journal.services.reflections import save_reflection
from tests.cache_trips import cache_trips
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

D = datetime.date
FIXED_NOW = datetime.datetime(2026, 11, 21, 12, 0, tzinfo=datetime.UTC)  # a Saturday
THIS_WEEK = "/journal/week/2026-11-16/"


@pytest.fixture(autouse=True)
def fixed_clock():
    with mock.patch.object(timezone, "now", return_value=FIXED_NOW):
        yield


def reflection_data(**overrides):
    data = {"what_helped": "Walking", "what_was_hard": "Monday", "for_next_session": ""}
    data.update(overrides)
    return data


# --- redirects -----------------------------------------------------------------------


def test_week_redirects_to_the_current_week(owner_client):
    response = owner_client.get("/journal/week/")

    assert response.status_code == 302
    assert response["Location"] == THIS_WEEK


def test_current_week_follows_a_sunday_start(owner_client, owner):
    Profile.objects.filter(user=owner).update(week_start="sunday")

    assert owner_client.get("/journal/week/")["Location"] == "/journal/week/2026-11-15/"


@pytest.mark.parametrize(
    ("url", "week_start", "target"),
    [
        ("/journal/week/2026-11-19/", "monday", THIS_WEEK),
        ("/journal/week/2026-11-01/", "monday", "/journal/week/2026-10-26/"),
        ("/journal/week/2026-11-19/", "sunday", "/journal/week/2026-11-15/"),
        ("/journal/week/2027-01-01/", "monday", THIS_WEEK),  # the future: this week
    ],
)
def test_any_day_redirects_to_the_first_day_of_its_week(
    owner_client, owner, url, week_start, target
):
    Profile.objects.filter(user=owner).update(week_start=week_start)

    response = owner_client.get(url)

    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    "url",
    [
        "/journal/week/2026-02-30/",
        "/journal/week/26-1-1/",
        "/journal/week/0001-01-01/",
        "/journal/week/1999-12-31/pdf/",
        "/journal/week/0001-01-01/reflection/",
    ],
)
def test_impossible_dates_are_not_found(owner_client, url):
    assert owner_client.get(url).status_code == 404


def test_week_follows_the_users_time_zone(owner_client, owner):
    # Saturday 12:00 UTC is already Sunday 02:00 in Kiritimati: a new Sunday-start week.
    Profile.objects.filter(user=owner).update(
        week_start="sunday", time_zone="Pacific/Kiritimati"
    )

    assert owner_client.get("/journal/week/")["Location"] == "/journal/week/2026-11-22/"


# --- the page ------------------------------------------------------------------------


def test_week_page_shows_the_diary_card_counts(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16), skill="communication")
    make_entry(owner, practiced_on=D(2026, 11, 16), skill="communication")
    make_entry(owner, practiced_on=D(2026, 11, 18), skill="distress-tolerance")
    make_entry(owner, practiced_on=D(2026, 11, 9), skill="communication")  # last week

    response = owner_client.get(THIS_WEEK)

    report = response.context["report"]
    by_skill = {
        line.skill.slug: [count for _, count in line.cells] for line in report.lines
    }
    assert by_skill["communication"] == [2, 0, 0, 0, 0, 0, 0]
    assert by_skill["distress-tolerance"] == [0, 0, 1, 0, 0, 0, 0]
    assert report.card.day_totals == (2, 0, 1, 0, 0, 0, 0)
    html = response.content.decode()
    assert "So far this week you practiced on 2 of 6 days." in html
    assert "3 entries in all." in html
    assert "That is 2 more entries than by this point last week." in html
    assert (
        "/journal/entries/?skill=communication&amp;from=2026-11-16&amp;to=2026-11-16"
        in html
    )


def day_row(html, day_label):
    """The diary card's row for one day ("Mon 16"), as HTML."""
    row = html.split(f'<span aria-hidden="true">{day_label}</span>')[1]
    return row.split("</dl>")[0]


def test_diary_card_has_one_row_per_day(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16), skill="communication")

    html = owner_client.get(THIS_WEEK).content.decode()

    assert html.count('<li class="week-day') == 7
    assert "<table" not in html.split("card-heading")[1].split("notes-heading")[0]


def test_diary_card_marks_a_skill_with_its_code_and_name_in_words(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16), skill="communication")
    make_entry(owner, practiced_on=D(2026, 11, 16), skill="communication")

    html = owner_client.get(THIS_WEEK).content.decode()

    monday = day_row(html, "Mon 16")
    assert 'class="skill-mark skill-communication"' in monday
    assert '<span class="skill-code" aria-hidden="true">CS</span>' in monday
    assert "×2" in monday
    assert "Communication skills: 2 entries" in monday


def test_diary_card_shows_the_days_mean_distress_before_and_after(owner_client, owner):
    make_entry(
        owner,
        practiced_on=D(2026, 11, 17),
        skill="communication",
        distress_before=7,
        distress_after=4,
    )
    make_entry(
        owner,
        practiced_on=D(2026, 11, 17),
        skill="emotional-regulation",
        distress_before=5,
        distress_after=5,
    )

    html = owner_client.get(THIS_WEEK).content.decode()

    tuesday = day_row(html, "Tue 17")
    assert "6 → 4.5" in tuesday
    assert "6 before, 4.5 after" in tuesday


def test_diary_card_marks_today_in_words(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16))

    html = owner_client.get(THIS_WEEK).content.decode()

    assert '<span class="week-day-today">today</span>' in day_row(html, "Sat 21")


def test_an_empty_past_week_says_so_in_one_line(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16))

    html = owner_client.get("/journal/week/2026-11-02/").content.decode()

    assert "Nothing was logged this week." in html
    assert "week-day" not in html


def test_distress_by_skill_is_cards_not_a_wide_table(owner_client, owner):
    for skill, before, after in [("communication", 8, 3), ("distress-tolerance", 6, 5)]:
        make_entry(
            owner,
            practiced_on=D(2026, 11, 16),
            skill=skill,
            distress_before=before,
            distress_after=after,
        )

    html = owner_client.get(THIS_WEEK).content.decode()

    distress = html.split('id="distress-heading"')[1].split("notes-heading")[0]
    assert distress.count('<li class="distress-card">') == 2
    assert "<table" not in distress
    assert "<dt>Lower by</dt><dd>5.0</dd>" in distress


def test_fewer_entries_than_last_week_is_said_kindly(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16))
    make_entry(owner, practiced_on=D(2026, 11, 10))
    make_entry(owner, practiced_on=D(2026, 11, 11))

    html = owner_client.get(THIS_WEEK).content.decode()

    assert "By this point last week, you had logged 2 entries." in html
    assert "every entry still counts" in html


def test_the_week_under_way_is_compared_with_the_same_days_of_last_week(
    owner_client, owner
):
    make_entry(owner, practiced_on=D(2026, 11, 16))
    make_entry(owner, practiced_on=D(2026, 11, 9))
    # Last Sunday is past "this point" of a Saturday: not part of the comparison.
    make_entry(owner, practiced_on=D(2026, 11, 15))

    html = owner_client.get(THIS_WEEK).content.decode()

    assert "The same number of entries as by this point last week" in html


def test_on_monday_morning_the_week_has_just_begun_and_nothing_is_compared(
    owner_client, owner
):
    for day in range(9, 15):
        make_entry(owner, practiced_on=D(2026, 11, day))
    monday = datetime.datetime(2026, 11, 16, 8, 0, tzinfo=datetime.UTC)

    with mock.patch.object(timezone, "now", return_value=monday):
        html = owner_client.get(THIS_WEEK).content.decode()

    assert "A new week starts today." in html
    assert "Whenever you are ready, one small moment is enough." in html
    assert "of 7 days" not in html
    assert "last week" not in html and "week before" not in html


def test_a_finished_week_counts_all_seven_days(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 9))
    make_entry(owner, practiced_on=D(2026, 11, 15))
    make_entry(owner, practiced_on=D(2026, 11, 2))
    make_entry(owner, practiced_on=D(2026, 11, 8))

    html = owner_client.get("/journal/week/2026-11-09/").content.decode()

    assert "You practiced on 2 of 7 days." in html
    assert "So far" not in html
    assert "The same number of entries as the week before" in html


def test_distress_figures_from_paired_ratings(owner_client, owner):
    make_entry(
        owner,
        practiced_on=D(2026, 11, 16),
        skill="distress-tolerance",
        distress_before=8,
        distress_after=3,
    )
    make_entry(
        owner,
        practiced_on=D(2026, 11, 17),
        skill="communication",
        distress_before=6,
        distress_after=5,
    )
    make_entry(
        owner, practiced_on=D(2026, 11, 17), skill="communication", distress_before=9
    )

    html = owner_client.get(THIS_WEEK).content.decode()

    assert (
        "Across 2 entries with both ratings, your distress went from 7.0 before "
        "practicing to 4.0 after, on average." in html
    )
    assert (
        "What lowered your distress most this week: <strong>Distress tolerance" in html
    )


def test_no_distress_section_without_paired_ratings(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16), distress_before=5)

    html = owner_client.get(THIS_WEEK).content.decode()

    assert "Distress before and after" not in html


def test_week_page_shows_streaks_and_notes_by_day(owner_client, owner):
    for day in (21, 20, 19, 16, 15, 14, 13, 12):
        make_entry(owner, practiced_on=D(2026, 11, day), note=f"note on the {day}th")

    html = owner_client.get(THIS_WEEK).content.decode()

    assert "Current streak: 3 days." in html
    assert "Longest streak: 5 days." in html
    assert "note on the 19th" in html and "note on the 13th" not in html
    assert html.index("Monday 16 November") < html.index("note on the 16th")


def test_week_page_never_shows_another_users_data(owner_client, other_user):
    make_entry(other_user, practiced_on=D(2026, 11, 17), note="Someone else's words")
    WeeklyReflection.objects.create(
        owner=other_user, week_of=D(2026, 11, 16), what_helped="Their reflection"
    )

    response = owner_client.get(THIS_WEEK)

    html = response.content.decode()
    assert "Someone else" not in html and "Their reflection" not in html
    assert response.context["report"].card.total == 0


def test_week_page_has_no_link_past_the_current_week(owner_client):
    html = owner_client.get(THIS_WEEK).content.decode()

    assert "/journal/week/2026-11-09/" in html
    assert "/journal/week/2026-11-23/" not in html


def test_past_week_links_forward(owner_client):
    html = owner_client.get("/journal/week/2026-11-02/").content.decode()

    assert "/journal/week/2026-11-09/" in html


def test_week_page_needs_login(client):
    assert client.get(THIS_WEEK)["Location"] == f"/accounts/login/?next={THIS_WEEK}"


def test_week_page_refuses_post(owner_client):
    assert owner_client.post(THIS_WEEK).status_code == 405


def test_week_redirect_needs_login(client):
    assert client.get("/journal/week/")["Location"].startswith("/accounts/login/")


def test_week_redirect_refuses_post(owner_client):
    assert owner_client.post("/journal/week/").status_code == 405


def test_week_page_has_no_inline_styles(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 16), distress_before=5, distress_after=2)

    html = owner_client.get(THIS_WEEK).content.decode()

    assert "style=" not in html


# --- reflection ----------------------------------------------------------------------


def test_reflection_is_saved_for_the_week(owner_client, owner):
    response = owner_client.post(f"{THIS_WEEK}reflection/", reflection_data())

    assert response.status_code == 302
    assert response["Location"] == THIS_WEEK
    reflection = WeeklyReflection.objects.get(owner=owner)
    assert (reflection.week_of, reflection.what_helped) == (D(2026, 11, 16), "Walking")
    assert "Walking</textarea>" in owner_client.get(THIS_WEEK).content.decode()


def test_saving_again_updates_the_one_reflection(owner_client, owner):
    owner_client.post(f"{THIS_WEEK}reflection/", reflection_data())
    owner_client.post(f"{THIS_WEEK}reflection/", reflection_data(what_helped="Music"))

    assert WeeklyReflection.objects.filter(owner=owner).count() == 1
    assert WeeklyReflection.objects.get(owner=owner).what_helped == "Music"


def test_too_long_reflection_shows_the_error_on_the_week_page(owner_client, owner):
    response = owner_client.post(
        f"{THIS_WEEK}reflection/", reflection_data(what_was_hard="h" * 2001)
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error_1_id_what_was_hard"' in html
    assert "2,000 characters" in html
    assert "Walking</textarea>" in html
    assert 'id="card-heading"' in html
    assert not WeeklyReflection.objects.exists()


def test_reflection_survives_a_change_of_week_start(owner_client, owner):
    owner_client.post(f"{THIS_WEEK}reflection/", reflection_data())
    Profile.objects.filter(user=owner).update(week_start="sunday")

    html = owner_client.get("/journal/week/2026-11-15/").content.decode()

    assert "Walking</textarea>" in html


def test_reflection_for_another_day_of_the_week_lands_on_its_week(owner_client, owner):
    response = owner_client.post(
        "/journal/week/2026-11-18/reflection/", reflection_data()
    )

    assert response["Location"] == THIS_WEEK
    assert WeeklyReflection.objects.get(owner=owner).week_of == D(2026, 11, 16)


def test_reflection_refuses_get(owner_client):
    assert owner_client.get(f"{THIS_WEEK}reflection/").status_code == 405


def test_reflection_needs_login(client):
    response = client.post(f"{THIS_WEEK}reflection/", reflection_data())

    assert response["Location"].startswith("/accounts/login/")
    assert not WeeklyReflection.objects.exists()


def test_reflection_never_touches_another_users_reflection(
    owner_client, owner, other_user
):
    theirs = WeeklyReflection.objects.create(
        owner=other_user, week_of=D(2026, 11, 16), what_helped="Theirs"
    )

    owner_client.post(f"{THIS_WEEK}reflection/", reflection_data())

    theirs.refresh_from_db()
    assert theirs.what_helped == "Theirs"
    assert WeeklyReflection.objects.filter(owner=owner).count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_reflection_saves_leave_one_row(owner):
    errors = []
    barrier = threading.Barrier(6)

    def save(number):
        try:
            barrier.wait()
            save_reflection(
                owner,
                D(2026, 11, 16),
                D(2026, 11, 22),
                {
                    "what_helped": f"try {number}",
                    "what_was_hard": "",
                    "for_next_session": "",
                },
            )
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=save, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert WeeklyReflection.objects.filter(owner=owner).count() == 1


# --- query bound ---------------------------------------------------------------------


def fill_history(owner, days):
    Entry.objects.bulk_create(
        Entry(
            owner=owner,
            practiced_on=D(2026, 11, 21) - datetime.timedelta(days=n),
            skill="communication",
            note="n",
            distress_before=6,
            distress_after=3,
        )
        for n in range(days)
    )


@pytest.mark.parametrize("days", [7, 3 * 365])
@pytest.mark.parametrize(
    ("url", "again"),
    [(THIS_WEEK, 5), ("/journal/progress/", 3)],
    ids=["week", "progress"],
)
def test_pages_run_a_few_queries_whatever_the_history(
    owner_client, owner, django_assert_max_num_queries, days, url, again
):
    fill_history(owner, days)

    # Session, user, activity, profile, the coming session and the entries starred
    # for it, entries, reflections, rest days, the week before, streaks, and the
    # session's daily renewal: the same count for a week or three years.
    with django_assert_max_num_queries(14):
        response = owner_client.get(url)
    assert response.status_code == 200

    # Again before any write: the figures come from the cache, and only the week's
    # notes and reflection (progress: whether there is a diary card) are read
    # (journal text is never cached).
    with django_assert_max_num_queries(again):
        assert owner_client.get(url).status_code == 200


# --- progress ------------------------------------------------------------------------


def test_progress_shows_totals_chart_table_calendar_and_strength(owner_client, owner):
    for n in range(30):
        make_entry(
            owner,
            practiced_on=D(2026, 11, 21) - datetime.timedelta(days=n),
            skill="communication",
        )
    make_entry(owner, practiced_on=D(2026, 11, 20), skill="distress-tolerance")

    response = owner_client.get("/journal/progress/")

    html = response.content.decode()
    report = response.context["report"]
    assert report.totals.entries == 31
    assert report.totals.days_practised == 30
    assert report.totals.first_day == D(2026, 10, 23)
    assert "<svg" in html and "<table" in html and "<meter" in html
    assert "How is this calculated?" in html
    strengths = {line.skill.slug: line.strength for line in report.strengths}
    assert 79 < strengths["communication"] < 81
    assert strengths["behavioral-activation"] == 0
    assert "You practiced on 30 days in the last 365 days." in html
    calendar = html.split('class="year-calendar"')[1].split("</svg>")[0]
    assert calendar.count('class="heat-') == 365
    assert "style=" not in html


def test_progress_chart_starts_at_the_first_entry(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 10), skill="communication")

    response = owner_client.get("/journal/progress/")

    weeks = response.context["report"].weeks
    assert [week.first_day for week in weeks] == [D(2026, 11, 9), D(2026, 11, 16)]
    assert "Week by week, since your first entry" in response.content.decode()


def test_progress_chart_shows_at_most_twelve_weeks(owner_client, owner):
    make_entry(owner, practiced_on=D(2025, 1, 6), skill="communication")

    response = owner_client.get("/journal/progress/")

    assert len(response.context["report"].weeks) == 12
    assert "The last 12 weeks" in response.content.decode()


def test_progress_draws_the_year_as_one_continuous_calendar(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 10))

    html = owner_client.get("/journal/progress/").content.decode()

    calendar = html.split('class="year-calendar"')[1].split("</svg>")[0]
    rows = set(
        re.findall(r'<rect class="heat-[^"]*" x="[\d.]+" y="([\d.]+)"', calendar)
    )
    assert len(rows) == 7


def test_progress_calendar_key_names_every_shade(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 10))

    html = owner_client.get("/journal/progress/").content.decode()

    key = html.split('class="heat-key')[1].split("</ul>")[0]
    for meaning in ["No entries", "1 entry", "2 entries", "3 or 4 entries"]:
        assert meaning in key
    assert "5 or more entries" in key
    assert "Darker" not in html


def test_progress_strength_says_its_scale(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 20), skill="communication")

    html = owner_client.get("/journal/progress/").content.decode()

    assert "Each bar runs from 0 to 100." in html
    assert "Just started · 5 of 100" in html


def test_progress_is_kind_when_empty(owner_client):
    html = owner_client.get("/journal/progress/").content.decode()

    assert "Your progress will grow here" in html


def test_progress_never_shows_another_users_data(owner_client, other_user):
    make_entry(other_user, practiced_on=D(2026, 11, 20))

    response = owner_client.get("/journal/progress/")

    assert response.context["report"].totals.entries == 0


def test_progress_needs_login(client):
    assert client.get("/journal/progress/")["Location"].startswith("/accounts/login/")


def test_progress_refuses_post(owner_client):
    assert owner_client.post("/journal/progress/").status_code == 405


def test_chart_coordinates_stay_numbers_in_spanish(owner_client, owner):
    import re

    from accounts.models import Profile

    Profile.objects.filter(user=owner).update(language="es")
    make_entry(owner, practiced_on=D(2026, 11, 17))

    html = owner_client.get("/journal/progress/").content.decode()

    # Spanish writes 160,5; an SVG attribute must stay 160.5.
    assert not re.search(r'\b(x|y|x1|x2|y1|y2|width|height)="\d+,\d', html)
    assert 'lang="es"' in html


def test_the_week_reads_its_kept_pieces_in_one_trip_to_the_cache(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17))
    first = owner_client.get(THIS_WEEK).content.decode()  # draws and keeps them

    with cache_trips() as trips:
        again = owner_client.get(THIS_WEEK).content.decode()

    # The session on its own; the coming session and the week's summary (asked
    # for as this week and as another), together.
    assert [key.startswith("django.contrib.sessions") for key in trips.alone] == [True]
    ((coming, this_week, other_week),) = trips.together
    assert "coming-session.v" in coming
    assert "week-summary.v" in this_week
    assert "week-summary.v" in other_week
    assert "At a glance" in again
    assert again.count("data-entry-card") == first.count("data-entry-card") == 1
