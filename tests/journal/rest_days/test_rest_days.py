"""Rest days: marked, undone, never breaking a streak, erased with the account.

Export and import of rest days: tests/portability/test_rest_days_export.py.
"""

import datetime

import pytest

from journal import stats
from journal.models import RestDay
from tests.factories import make_entry, make_user

D = datetime.date


# --- pure -------------------------------------------------------------------------


def test_a_rest_day_keeps_the_streak_going():
    practised = [D(2026, 11, 17), D(2026, 11, 19)]

    assert stats.current_streak(practised, D(2026, 11, 19), [D(2026, 11, 18)]) == 2


def test_a_rest_day_adds_nothing_to_the_streak():
    assert stats.current_streak([], D(2026, 11, 19), [D(2026, 11, 19)]) == 0


def test_today_as_a_rest_day_keeps_yesterdays_streak():
    practised = [D(2026, 11, 17), D(2026, 11, 18)]

    assert stats.current_streak(practised, D(2026, 11, 19), [D(2026, 11, 19)]) == 2


def test_a_span_of_rest_keeps_the_longest_streak_together():
    practised = [D(2026, 11, 1), D(2026, 11, 2), D(2026, 11, 10)]
    rest = [D(2026, 11, 3) + datetime.timedelta(days=n) for n in range(7)]

    assert stats.longest_streak(practised, rest) == 3
    assert stats.longest_streak(practised) == 2


def test_strength_neither_grows_nor_fades_on_rest_days():
    practised = [D(2026, 11, 1)]
    today = D(2026, 11, 11)
    rest = [D(2026, 11, 2) + datetime.timedelta(days=n) for n in range(10)]

    resting = stats.practice_strength(practised, today, rest)
    same_day = stats.practice_strength(practised, D(2026, 11, 1))

    assert resting == same_day
    assert stats.practice_strength(practised, today) < resting


def test_a_rest_day_with_practice_counts_as_practised():
    day = D(2026, 11, 19)

    assert stats.current_streak([day], day, [day]) == 1


# --- pages ------------------------------------------------------------------------


@pytest.mark.django_db
def test_marking_a_span_makes_each_day_a_rest_day(owner_client, owner):
    response = owner_client.post(
        "/journal/rest-days/",
        {"first": "2026-11-16", "last": "2026-11-18", "reason": "A cold"},
    )

    days = sorted(RestDay.objects.filter(owner=owner).values_list("day", flat=True))
    assert response.status_code == 302
    assert days == [D(2026, 11, 16), D(2026, 11, 17), D(2026, 11, 18)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"first": ""}, "first"),
        ({"first": "2026-02-30"}, "first"),
        ({"first": "1999-12-31"}, "first"),
        ({"first": "2026-11-18", "last": "2026-11-10"}, "last"),
        ({"first": "2026-01-01", "last": "2026-03-05"}, "last"),
        ({"first": "2026-11-18", "reason": "x" * 281}, "reason"),
    ],
)
def test_bad_rest_input_is_explained_beside_the_field(owner_client, data, field):
    response = owner_client.post("/journal/rest-days/", data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not RestDay.objects.exists()


@pytest.mark.django_db
def test_undo_makes_it_an_ordinary_day(owner_client, owner):
    rest_day = RestDay.objects.create(owner=owner, day=D(2026, 11, 18))

    owner_client.post(f"/journal/rest-days/{rest_day.pk}/delete/")

    assert not RestDay.objects.exists()


@pytest.mark.django_db
def test_another_persons_rest_day_is_a_404(owner_client):
    theirs = RestDay.objects.create(owner=make_user("sky"), day=D(2026, 11, 18))

    response = owner_client.post(f"/journal/rest-days/{theirs.pk}/delete/")

    assert response.status_code == 404
    assert RestDay.objects.filter(pk=theirs.pk).exists()


@pytest.mark.django_db
def test_a_visitor_is_asked_to_log_in(client):
    assert client.get("/journal/rest-days/")["Location"].startswith("/accounts/login/")


@pytest.mark.django_db
def test_the_rest_page_refuses_put(owner_client):
    assert owner_client.put("/journal/rest-days/").status_code == 405


@pytest.mark.django_db
def test_a_visitor_cannot_undo_a_rest_day(client, owner):
    rest_day = RestDay.objects.create(owner=owner, day=D(2026, 11, 18))

    response = client.post(f"/journal/rest-days/{rest_day.pk}/delete/")

    assert response["Location"].startswith("/accounts/login/")
    assert RestDay.objects.filter(pk=rest_day.pk).exists()


@pytest.mark.django_db
def test_undo_refuses_get(owner_client, owner):
    rest_day = RestDay.objects.create(owner=owner, day=D(2026, 11, 18))

    response = owner_client.get(f"/journal/rest-days/{rest_day.pk}/delete/")

    assert response.status_code == 405
    assert RestDay.objects.filter(pk=rest_day.pk).exists()


@pytest.mark.django_db
def test_the_week_says_how_many_days_were_rest(owner_client, owner):
    make_entry(owner, practiced_on=D(2026, 11, 17))
    RestDay.objects.create(owner=owner, day=D(2026, 11, 18))

    response = owner_client.get("/journal/week/2026-11-16/")

    page = response.content.decode()
    assert "You practiced on 1 of 6 days (1 rest day)." in page
    assert '<span class="week-day-rest">Rest day</span>' in page


@pytest.mark.django_db
def test_the_rest_reason_is_stored_encrypted(owner):
    from django.db import connection

    rest_day = RestDay.objects.create(owner=owner, day=D(2026, 11, 18), reason="Flu")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reason FROM journal_restday WHERE id = %s", [rest_day.pk]
        )
        (raw,) = cursor.fetchone()

    assert "Flu" not in raw


# --- erasure ------------------------------------------------------------------------


@pytest.mark.django_db
def test_erasing_the_account_erases_its_rest_days(owner):
    from accounts.erasure import erase_account

    RestDay.objects.create(owner=owner, day=D(2026, 11, 18))

    erase_account(owner)

    assert not RestDay.objects.exists()


def test_the_year_calendar_marks_rest_days_in_its_text():
    from journal.charts import calendar_chart

    today = D(2026, 11, 19)
    weeks = stats.year_calendar({}, today, "monday", rest_days=[D(2026, 11, 18)])

    chart = calendar_chart(weeks)

    rest = [rect for rect in chart.rects if "rest-day" in rect.css_class]
    assert len(rest) == 1
    assert rest[0].title.endswith(": rest day")


@pytest.mark.django_db
def test_todays_strip_shows_a_rest_day_in_words(owner_client, owner):
    from accounts.models import profile_for

    RestDay.objects.create(owner=owner, day=profile_for(owner).today())

    page = owner_client.get("/journal/").content.decode()

    assert "is-rest" in page
    assert "rest day</span>" in page
    assert "Today is a rest day." in page


@pytest.mark.django_db
def test_the_share_page_shows_rest_days_in_words(client, owner):
    from django.utils import timezone

    from tests.factories import make_share_link

    make_entry(owner, practiced_on=D(2026, 11, 17))
    RestDay.objects.create(owner=owner, day=D(2026, 11, 18), reason="Flu, private")
    _link, url = make_share_link(owner, timezone.now(), include_notes=True)

    page = client.get(url).content.decode()

    assert "Practiced on 1 of 6 days (1 rest day)." in page
    assert '<span class="week-day-rest">Rest day</span>' in page
    assert "Flu, private" not in page


@pytest.mark.django_db
def test_the_pdf_shows_rest_days_in_words(owner_client, owner):
    import io

    from pypdf import PdfReader

    RestDay.objects.create(owner=owner, day=D(2026, 11, 18), reason="Flu, private")

    response = owner_client.get("/journal/week/2026-11-16/pdf/")

    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "Practiced on 0 of 6 days (1 rest day)." in text
    assert "rest" in text.split("Diary card")[1]
    assert "Flu, private" not in text


@pytest.mark.django_db
def test_the_week_offers_a_rest_day_starting_in_that_week(owner_client):
    page = owner_client.get("/journal/week/2026-11-02/").content.decode()

    assert "/journal/rest-days/?first=2026-11-02" in page


@pytest.mark.django_db
def test_the_rest_page_starts_from_the_suggested_day(owner_client):
    page = owner_client.get("/journal/rest-days/?first=2026-11-02").content.decode()

    assert 'value="2026-11-02"' in page


@pytest.mark.django_db
@pytest.mark.parametrize("suggested", ["soon", "1999-01-01", "2026-11-02\x00", ""])
def test_an_unusable_suggestion_falls_back_to_today(owner_client, suggested):
    response = owner_client.get("/journal/rest-days/", {"first": suggested})

    assert response.status_code == 200
    assert "1999-01-01" not in response.content.decode()


def test_unmarking_a_rest_day_makes_it_an_ordinary_day(owner):
    from journal.rest_days import services

    services.mark(owner, D(2026, 11, 18), D(2026, 11, 19))

    services.unmark(RestDay.objects.get(owner=owner, day=D(2026, 11, 18)))

    assert list(RestDay.objects.values_list("day", flat=True)) == [D(2026, 11, 19)]
