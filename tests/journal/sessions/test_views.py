"""Therapy sessions as a person uses them: set, skipped, moved, and what to bring."""

import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pypdf import PdfReader

from accounts.models import Profile
from journal import reports, week_reports
from journal.models import SessionSchedule, SessionStar, TalkPoint, TherapySession
from tests.factories import make_entry

pytestmark = pytest.mark.django_db

D = datetime.date
UTC = datetime.UTC
# Monday 23 November 2026, 10:00 in New York.
NOW = datetime.datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
ZONE = "America/New_York"


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def new_york(owner):
    Profile.objects.filter(user=owner).update(time_zone=ZONE)


def weekly_on_thursday(client, **changes):
    data = {"repeats": "1", "on": "2026-11-26", "at": "17:00", "label": "Dr. R."}
    data.update(changes)
    return client.post("/journal/sessions/", data)


def one_off(owner, when, **fields):
    return TherapySession.objects.create(
        owner=owner, starts_at=when, time_zone=ZONE, **fields
    )


# --- setting sessions -----------------------------------------------------------------


def test_a_weekly_session_is_made_ahead_as_rows_in_the_persons_zone(
    owner_client, owner
):
    response = weekly_on_thursday(owner_client)

    assert response.status_code == 302
    sessions = list(TherapySession.objects.filter(owner=owner))
    assert len(sessions) == 27  # the first, then 26 weeks ahead
    first = sessions[0]
    assert first.starts_at == datetime.datetime(2026, 11, 26, 22, 0, tzinfo=UTC)
    assert first.time_zone == ZONE and first.label == "Dr. R."
    assert {
        s.starts_at.astimezone(datetime.timezone(datetime.timedelta(hours=-5))).hour
        for s in sessions[:10]
    } == {17}


def test_a_one_off_session_is_one_row(owner_client, owner):
    owner_client.post(
        "/journal/sessions/", {"repeats": "once", "on": "2026-12-02", "at": "08:30"}
    )

    session = TherapySession.objects.get(owner=owner)
    assert session.schedule is None
    assert session.starts_at == datetime.datetime(2026, 12, 2, 13, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("on", "", "Choose the day of the session."),
        ("on", "next thursday", "Use a date like"),
        ("on", "1999-01-01", "Choose a day no more than a year ago."),
        ("at", "25:61", "Use a time like 17:30."),
        ("repeats", "3", "Choose one of the options shown."),
        ("label", "L" * 61, "Please keep the label to 60 characters"),
        ("label", "Dr\x00", "Null characters are not allowed"),
    ],
)
def test_a_bad_session_is_explained_and_nothing_is_saved(
    owner_client, field, value, message
):
    response = weekly_on_thursday(owner_client, **{field: value})

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TherapySession.objects.exists()
    assert not SessionSchedule.objects.exists()


def test_skipping_one_date_leaves_the_rest(owner_client, owner):
    weekly_on_thursday(owner_client)
    first = TherapySession.objects.filter(owner=owner).first()

    owner_client.post(f"/journal/sessions/{first.pk}/skip/")

    first.refresh_from_db()
    assert first.is_skipped
    assert TherapySession.objects.filter(owner=owner, is_skipped=False).count() == 26
    html = owner_client.get("/journal/").content.decode()
    assert "Next session: Thursday 3 December, 17:00, in 10 days." in html


def test_a_skipped_date_can_come_back(owner_client, owner):
    weekly_on_thursday(owner_client)
    first = TherapySession.objects.filter(owner=owner).first()
    owner_client.post(f"/journal/sessions/{first.pk}/skip/")

    owner_client.post(f"/journal/sessions/{first.pk}/restore/")

    first.refresh_from_db()
    assert not first.is_skipped


def test_moving_one_date_keeps_where_it_came_from(owner_client, owner):
    weekly_on_thursday(owner_client)
    first = TherapySession.objects.filter(owner=owner).first()

    owner_client.post(
        f"/journal/sessions/{first.pk}/move/", {"on": "2026-11-27", "at": "09:00"}
    )

    first.refresh_from_db()
    assert first.starts_at == datetime.datetime(2026, 11, 27, 14, 0, tzinfo=UTC)
    assert first.is_moved and first.scheduled_on == D(2026, 11, 26)


def test_a_session_cannot_be_moved_into_the_past(owner_client, owner):
    session = one_off(owner, NOW + datetime.timedelta(days=2))

    response = owner_client.post(
        f"/journal/sessions/{session.pk}/move/", {"on": "2026-11-20", "at": "09:00"}
    )

    session.refresh_from_db()
    assert "still to come" in response.content.decode()
    assert not session.is_moved


def test_stopping_a_schedule_keeps_past_sessions_and_drops_coming_ones(
    owner_client, owner, frozen_clock
):
    weekly_on_thursday(owner_client)
    frozen_clock.move_to(datetime.datetime(2026, 12, 4, 15, 0, tzinfo=UTC))
    schedule = SessionSchedule.objects.get(owner=owner)

    owner_client.post(f"/journal/sessions/schedules/{schedule.pk}/stop/")

    kept = list(TherapySession.objects.filter(owner=owner))
    assert [s.starts_at.date() for s in kept] == [D(2026, 11, 26), D(2026, 12, 3)]


def test_a_one_off_can_be_removed(owner_client, owner):
    session = one_off(owner, NOW + datetime.timedelta(days=2))

    owner_client.post(f"/journal/sessions/{session.pk}/delete/")

    assert not TherapySession.objects.exists()


def test_a_session_that_happened_cannot_be_skipped(owner_client, owner):
    session = one_off(owner, NOW - datetime.timedelta(days=2))

    response = owner_client.post(f"/journal/sessions/{session.pk}/skip/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url", ["/journal/sessions/", "/journal/sessions/next/", "/journal/sessions/1/"]
)
def test_a_visitor_is_sent_to_log_in(client, url):
    assert client.get(url)["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("put", "/journal/sessions/"),
        ("post", "/journal/sessions/next/"),
        ("get", "/journal/sessions/next/talk/"),
        ("get", "/journal/entries/1/star/"),
    ],
)
def test_wrong_methods_are_refused(owner_client, method, url):
    assert getattr(owner_client, method)(url).status_code == 405


# --- Today --------------------------------------------------------------------------------


def test_today_says_when_the_next_session_is(owner_client):
    weekly_on_thursday(owner_client)

    html = owner_client.get("/journal/").content.decode()

    assert "Next session: Thursday 26 November, 17:00, in 3 days." in html


def test_today_says_nothing_about_sessions_when_none_is_set(owner_client):
    assert "Next session" not in owner_client.get("/journal/").content.decode()


def test_settings_link_to_the_sessions(owner_client):
    assert (
        "/journal/sessions/" in owner_client.get("/accounts/settings/").content.decode()
    )


# --- since my last session ------------------------------------------------------------------


def test_the_summary_covers_the_days_since_the_last_session(owner_client, owner):
    one_off(owner, datetime.datetime(2026, 11, 19, 22, 0, tzinfo=UTC))  # Thu 17:00
    make_entry(owner, practiced_on=D(2026, 11, 18), note="Before the session")
    make_entry(owner, practiced_on=D(2026, 11, 21), note="After the session")

    html = owner_client.get("/journal/sessions/next/").content.decode()

    assert "After the session" in html
    assert "Before the session" not in html
    assert "Practiced on 1 of 5 days." in html


def test_without_sessions_the_summary_is_the_last_seven_days(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17), note="Inside the week")
    make_entry(owner, practiced_on=D(2026, 11, 16), note="Just outside")

    html = owner_client.get("/journal/sessions/next/").content.decode()

    assert "Inside the week" in html and "Just outside" not in html
    assert "The last 7 days." in html


def test_the_summary_counts_match_the_week_page_for_the_same_days(owner, owner_client):
    # A session on Sunday night: the span Monday to Sunday is a whole week.
    one_off(owner, datetime.datetime(2026, 11, 15, 23, 0, tzinfo=UTC))  # Sun 18:00
    one_off(owner, datetime.datetime(2026, 11, 23, 4, 59, tzinfo=UTC))  # Sun 23:59
    for day, skill in [
        (16, "communication"),
        (16, "communication"),
        (18, "emotional-regulation"),
        (22, "distress-tolerance"),
    ]:
        make_entry(owner, practiced_on=D(2026, 11, day), skill=skill)
    times = list(TherapySession.objects.values_list("starts_at", flat=True))

    from journal.sessions import dates

    span = dates.span_before(times[1], times, ZONE)
    span_report = reports.load_span_report(owner, span, ZONE)
    week = week_reports.load_week_reports(owner, [D(2026, 11, 16)])[0]

    by_skill = {skill.slug: count for skill, count in span_report.skill_counts}
    assert by_skill == {row.skill: row.total for row in week.card.rows}
    assert span_report.days_practised == week.days_practised == 3


def test_starring_an_entry_puts_it_on_the_summary_and_a_second_tap_takes_it_back(
    owner_client, owner
):
    weekly_on_thursday(owner_client)
    entry = make_entry(owner, practiced_on=D(2026, 11, 22), note="Bring this one")

    owner_client.post(f"/journal/entries/{entry.pk}/star/")
    starred = owner_client.get("/journal/sessions/next/").content.decode()
    owner_client.post(f"/journal/entries/{entry.pk}/star/")

    assert "Starred to bring up" in starred
    assert starred.count("Bring this one") == 2  # starred, and in the notes
    assert 'aria-pressed="true"' in starred
    assert not SessionStar.objects.exists()


def test_talk_points_are_added_reordered_ticked_and_removed(owner_client, owner):
    weekly_on_thursday(owner_client)
    for text in ("Sleep", "Work", "My sister"):
        owner_client.post("/journal/sessions/next/talk/", {"text": text})
    points = {p.text: p for p in TalkPoint.objects.filter(owner=owner)}

    owner_client.post(f"/journal/talk/{points['My sister'].pk}/up/")
    owner_client.post(f"/journal/talk/{points['Sleep'].pk}/done/")
    owner_client.post(f"/journal/talk/{points['Work'].pk}/delete/")

    remaining = list(TalkPoint.objects.filter(owner=owner))
    assert [p.text for p in remaining] == ["Sleep", "My sister"]
    assert remaining[0].is_done
    assert remaining[0].session == TherapySession.objects.filter(owner=owner).first()


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Write a few words first."), ("T" * 201, "Please keep it to 200")],
)
def test_a_bad_talk_point_is_explained_and_not_saved(owner_client, text, message):
    response = owner_client.post("/journal/sessions/next/talk/", {"text": text})

    assert message in response.content.decode()
    assert not TalkPoint.objects.exists()


def test_an_unknown_talk_action_is_a_404(owner_client, owner):
    point = TalkPoint.objects.create(owner=owner, text="Sleep")

    assert owner_client.post(f"/journal/talk/{point.pk}/rename/").status_code == 404


def test_a_list_made_before_any_session_joins_the_first_one_set(owner_client, owner):
    owner_client.post("/journal/sessions/next/talk/", {"text": "Sleep"})

    weekly_on_thursday(owner_client)

    point = TalkPoint.objects.get(owner=owner)
    assert point.session == TherapySession.objects.filter(owner=owner).first()


def test_after_the_session_its_list_and_stars_stay_with_it_and_the_page_moves_on(
    owner_client, owner, frozen_clock
):
    weekly_on_thursday(owner_client)
    entry = make_entry(owner, practiced_on=D(2026, 11, 22), note="Brought along")
    owner_client.post(f"/journal/entries/{entry.pk}/star/")
    owner_client.post("/journal/sessions/next/talk/", {"text": "Sleep"})
    first = TherapySession.objects.filter(owner=owner).first()

    frozen_clock.move_to(datetime.datetime(2026, 11, 27, 15, 0, tzinfo=UTC))
    summary = owner_client.get("/journal/sessions/next/").content.decode()
    past = owner_client.get(f"/journal/sessions/{first.pk}/").content.decode()

    assert "Sleep" not in summary and "Brought along" not in summary
    assert "Since your session on Thursday 26 November, 17:00" in summary
    assert "Sleep" in past and "Brought along" in past


def test_the_summary_pdf_holds_the_list_the_stars_and_the_notes(owner_client, owner):
    weekly_on_thursday(owner_client)
    entry = make_entry(owner, practiced_on=D(2026, 11, 22), note="Cold water helped")
    owner_client.post(f"/journal/entries/{entry.pk}/star/")
    owner_client.post("/journal/sessions/next/talk/", {"text": "Ask about sleep"})

    response = owner_client.get("/journal/sessions/next/pdf/")

    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
    )
    assert response["Content-Type"] == "application/pdf"
    assert "Ask about sleep" in text
    assert text.count("Cold water helped") == 2


def test_a_long_span_shows_its_last_twelve_weeks(owner_client, owner):
    one_off(owner, datetime.datetime(2026, 1, 5, 15, 0, tzinfo=UTC))
    make_entry(owner, practiced_on=D(2026, 2, 1), note="Long ago")
    make_entry(owner, practiced_on=D(2026, 11, 20), note="Recent")

    html = owner_client.get("/journal/sessions/next/").content.decode()

    assert "Recent" in html and "Long ago" not in html
    assert "its last 12 weeks are shown" in html


def test_the_summary_runs_the_same_queries_whatever_the_history(
    owner_client, owner, django_assert_max_num_queries
):
    weekly_on_thursday(owner_client)
    for day in range(1, 23):
        make_entry(owner, practiced_on=D(2026, 11, day))

    # 13: one more since the practice plan brought to the session (its items,
    # counts and missed days in one query).
    with django_assert_max_num_queries(13):
        owner_client.get("/journal/sessions/next/")


# --- a week that starts on the session day ------------------------------------------


def test_the_week_can_start_on_the_session_weekday(owner_client, owner):
    Profile.objects.filter(user=owner).update(week_start="session")
    weekly_on_thursday(owner_client)

    response = owner_client.get("/journal/week/")

    # Monday 23 November belongs to the week from Thursday 19 November.
    assert response["Location"] == "/journal/week/2026-11-19/"


def test_a_session_week_starts_on_monday_until_a_session_is_set(owner_client, owner):
    Profile.objects.filter(user=owner).update(week_start="session")

    response = owner_client.get("/journal/week/")

    assert response["Location"] == "/journal/week/2026-11-23/"


def test_session_is_a_week_start_the_settings_accept(owner_client, owner):
    response = owner_client.post(
        "/accounts/settings/",
        {
            "display_name": "",
            "email": "",
            "time_zone": ZONE,
            "week_start": "session",
            "language": "en",
        },
    )

    assert response.status_code == 302
    assert Profile.objects.get(user=owner).week_start == "session"


SESSION_URLS = [
    # (url template, methods it answers) -- {pk} is a session of the owner's.
    ("/journal/sessions/", {"GET", "POST"}),
    ("/journal/sessions/next/", {"GET"}),
    ("/journal/sessions/next/pdf/", {"GET"}),
    ("/journal/sessions/next/talk/", {"POST"}),
    ("/journal/sessions/{pk}/", {"GET"}),
    ("/journal/sessions/{pk}/move/", {"GET", "POST"}),
    ("/journal/sessions/{pk}/skip/", {"POST"}),
    ("/journal/sessions/{pk}/restore/", {"POST"}),
    ("/journal/sessions/{pk}/delete/", {"POST"}),
    ("/journal/sessions/schedules/{schedule}/stop/", {"POST"}),
    ("/journal/talk/{point}/done/", {"POST"}),
    ("/journal/entries/{entry}/star/", {"POST"}),
]


@pytest.fixture
def own_things(owner):
    schedule = SessionSchedule.objects.create(
        owner=owner,
        starts_on=D(2026, 11, 26),
        at=datetime.time(17),
        time_zone=ZONE,
        made_until=D(2026, 11, 26),
    )
    session = one_off(owner, NOW + datetime.timedelta(days=3), schedule=schedule)
    point = TalkPoint.objects.create(owner=owner, session=session, text="Sleep")
    entry = make_entry(owner, practiced_on=D(2026, 11, 22))
    return {
        "pk": session.pk,
        "schedule": schedule.pk,
        "point": point.pk,
        "entry": entry.pk,
    }


@pytest.mark.parametrize(("template", "methods"), SESSION_URLS)
def test_every_session_url_sends_a_visitor_to_log_in(
    client, own_things, template, methods
):
    url = template.format(**own_things)

    response = client.get(url) if "GET" in methods else client.post(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize(("template", "methods"), SESSION_URLS)
def test_every_session_url_refuses_the_methods_it_does_not_take(
    owner_client, own_things, template, methods
):
    url = template.format(**own_things)

    refused = [
        method
        for method in ("get", "post", "put", "delete")
        if method.upper() not in methods
        and getattr(owner_client, method)(url).status_code != 405
    ]

    assert refused == []


@pytest.mark.parametrize(("template", "methods"), SESSION_URLS)
def test_every_session_url_works_for_the_owner(
    owner_client, own_things, template, methods
):
    url = template.format(**own_things)

    response = owner_client.get(url) if "GET" in methods else owner_client.post(url)

    assert response.status_code in (200, 302)


# --- reading writes nothing ---------------------------------------------------------

WRITES = ("INSERT", "UPDATE", "DELETE")
SESSION_PAGES = [template for template, methods in SESSION_URLS if "GET" in methods]


@pytest.mark.parametrize("template", SESSION_PAGES)
def test_opening_a_session_page_writes_nothing(owner_client, own_things, template):
    # own_things' schedule has made its sessions only up to 26 November: a page
    # that made the coming months itself would write here.
    url = template.format(**own_things)
    owner_client.get("/journal/")  # the log-in and profile rows already exist

    with CaptureQueriesContext(connection) as queries:
        response = owner_client.get(url)

    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert response.status_code in (200, 503)  # 503: PDF tools missing here
    assert writes == []


def test_opening_the_sessions_list_makes_no_sessions_ahead(owner_client, own_things):
    before = TherapySession.objects.count()

    owner_client.get("/journal/sessions/")
    owner_client.get("/journal/sessions/next/")

    assert TherapySession.objects.count() == before
    assert SessionSchedule.objects.get().made_until == D(2026, 11, 26)
