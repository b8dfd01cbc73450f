"""Limits that keep one person from hurting everyone, and still read kindly."""

import datetime
import io
import threading
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from pypdf import PdfReader

from journal.models import Entry
from journal.pdf import RefusedURL, html_to_pdf, static_files_only
from journal.services.entries import MAX_ENTRIES_PER_DAY
from tests.factories import make_entry, make_user
from tests.reliability.live_http import LiveSession

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 11, 18)
MB = 1024 * 1024


def fill_day(user, day=DAY, count=MAX_ENTRIES_PER_DAY):
    Entry.objects.bulk_create(
        Entry(owner=user, practiced_on=day, skill="communication", note=f"n{i}")
        for i in range(count)
    )


def new_entry(day=DAY, **fields):
    return {
        "uuid": str(uuid.uuid4()),
        "skill": "communication",
        "note": "One more moment.",
        "practiced_on": day.isoformat(),
        **fields,
    }


# --- uploads ------------------------------------------------------------------------


class BodyThatMustNotBeRead(io.RawIOBase):
    def read(self, size=-1):
        raise AssertionError("the upload was read")

    readinto = read


def test_an_upload_announced_as_too_large_is_refused_before_any_of_it_is_read():
    request = RequestFactory().post("/accounts/import/")
    request.META.update(
        CONTENT_TYPE="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(6 * MB),
    )
    request._stream = BodyThatMustNotBeRead()
    request._read_started = False

    files = request.FILES

    assert request.upload_too_large
    assert not files


def test_a_file_over_five_megabytes_is_refused_with_a_clear_message(owner_client):
    big = SimpleUploadedFile("export.json", b" " * (5 * MB + 1))

    response = owner_client.post("/accounts/import/", {"file": big})

    assert response.status_code == 200
    assert "larger than 5 MB" in response.context["form"].errors["file"][0]
    assert not Entry.objects.exists()


def test_a_too_large_upload_from_a_real_browser_gets_a_calm_page(owner):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(owner)
    browser.get("/accounts/import/")  # the page sets the CSRF cookie, as in a browser
    big = SimpleUploadedFile("export.json", b" " * (6 * MB))

    response = browser.post("/accounts/import/", {"file": big})

    assert response.status_code == 413
    assert "at most 5 MB" in response.content.decode()


def test_a_large_ordinary_form_is_refused_not_a_server_error(owner_client):
    response = owner_client.post("/journal/entries/new/", {"note": "x" * (2 * MB)})

    assert response.status_code == 400


# --- a hundred a day ------------------------------------------------------------------


def test_the_hundredth_entry_of_a_day_is_saved(owner_client, owner):
    fill_day(owner, count=MAX_ENTRIES_PER_DAY - 1)

    response = owner_client.post("/journal/entries/new/", new_entry())

    assert response.status_code == 302
    assert Entry.objects.filter(practiced_on=DAY).count() == MAX_ENTRIES_PER_DAY


def test_a_hundred_and_first_entry_is_refused_kindly_beside_the_day(
    owner_client, owner
):
    fill_day(owner)

    response = owner_client.post("/journal/entries/new/", new_entry(note="Keep me"))

    assert response.status_code == 200
    assert (
        "already holds 100 entries"
        in response.context["form"].errors["practiced_on"][0]
    )
    assert "Keep me" in response.content.decode()
    assert Entry.objects.count() == MAX_ENTRIES_PER_DAY


def test_moving_an_entry_into_a_full_day_is_refused(owner_client, owner):
    fill_day(owner)
    entry = make_entry(owner, practiced_on=DAY - datetime.timedelta(days=1))

    response = owner_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        {"skill": "communication", "note": "moved", "practiced_on": DAY.isoformat()},
    )

    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.practiced_on == DAY - datetime.timedelta(days=1)


def test_another_persons_full_day_does_not_limit_yours(owner_client):
    fill_day(make_user("sky"))

    response = owner_client.post("/journal/entries/new/", new_entry())

    assert response.status_code == 302


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_simultaneous_posts_never_pass_a_hundred(live_server, owner):
    fill_day(owner, count=MAX_ENTRIES_PER_DAY - 3)
    sessions = [LiveSession(live_server.url, owner) for _ in range(8)]
    statuses = []

    def post(number):
        status, _headers, _body = sessions[number].request(
            "POST", "/journal/entries/new/", new_entry()
        )
        statuses.append(status)

    threads = [threading.Thread(target=post, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert Entry.objects.filter(owner=owner, practiced_on=DAY).count() == 100
    assert sorted(statuses) == [200] * 5 + [302] * 3


# --- pages stay bounded ----------------------------------------------------------------


def test_today_shows_the_latest_twenty_and_links_to_the_rest(owner_client, owner):
    from accounts.models import profile_for

    today = profile_for(owner).today()
    fill_day(owner, day=today, count=25)

    response = owner_client.get("/journal/")

    assert len(response.context["todays_entries"]) == 20
    assert "And 5 more today" in response.content.decode()


def test_the_week_shows_twenty_entries_a_day_and_counts_the_rest(owner_client, owner):
    fill_day(owner, count=25)

    response = owner_client.get("/journal/week/2026-11-16/")

    group = response.context["report"].notes_by_day[0]
    assert (len(group.entries), group.more) == (20, 5)
    assert "And 5 more that day" in response.content.decode()


def test_the_pdf_holds_twenty_entries_a_day_and_says_how_many_more(owner_client, owner):
    fill_day(owner, count=25)

    response = owner_client.get("/journal/week/2026-11-16/pdf/")

    text = "\n".join(
        p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages
    )
    assert "And 5 more entries that day" in " ".join(text.split())


# --- the PDF fetches nothing but our own static files ---------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///static/../../etc/passwd",
        "file://evil.example/static/css/pdf.css",
        "http://127.0.0.1:8000/static/css/pdf.css",
        "https://example.org/tracker.png",
        "data:text/plain,hello",
        "file:///static/no-such-file.css",
    ],
)
def test_the_pdf_fetcher_refuses_anything_but_our_static_files(url):
    with pytest.raises(RefusedURL):
        static_files_only(url)


def test_the_pdf_fetcher_serves_our_own_stylesheet():
    fetched = static_files_only("file:///static/css/pdf.css")

    assert b"@page" in fetched["string"]


def test_a_pdf_asking_for_a_server_file_is_made_without_it(caplog):
    html = (
        '<p>Hello</p><img src="file:///etc/passwd"><img src="http://example.org/x.png">'
    )

    pdf = html_to_pdf(html)

    assert pdf.startswith(b"%PDF")
    assert "root:" not in pdf.decode("latin-1")
