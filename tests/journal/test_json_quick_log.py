"""The quick-log POST for scripts (the offline queue): the same rules, as JSON."""

import uuid

import pytest
from django.test import Client

from journal.models import Entry
from tests.factories import make_user

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def entry(**fields):
    return {
        "uuid": str(uuid.uuid4()),
        "skill": "distress-tolerance",
        "note": "Breathed through the wave on the bus.",
        "practiced_on": "2026-11-20",
        **fields,
    }


def test_a_saved_entry_answers_its_uuid(owner_client, owner):
    data = entry()

    response = owner_client.post("/journal/entries/new/", data, **JSON)

    assert response.status_code == 201
    assert response.json() == {"uuid": data["uuid"], "status": "saved"}
    assert Entry.objects.get(owner=owner).note == data["note"]


def test_a_resent_entry_is_one_entry(owner_client, owner):
    data = entry()

    first = owner_client.post("/journal/entries/new/", data, **JSON)
    again = owner_client.post("/journal/entries/new/", data, **JSON)

    assert first.json() == again.json()
    assert Entry.objects.filter(owner=owner).count() == 1


def test_bad_fields_answer_their_messages_and_save_nothing(owner_client):
    response = owner_client.post(
        "/journal/entries/new/", entry(note="", distress_before="11"), **JSON
    )

    errors = response.json()["errors"]
    assert response.status_code == 400
    assert errors["note"] == ["Write a few words about what happened."]
    assert errors["distress_before"] == ["Use a number from 0 to 10."]
    assert not Entry.objects.exists()


def test_a_signed_out_script_is_sent_to_log_in_and_nothing_is_saved(client):
    response = client.post("/journal/entries/new/", entry(), **JSON)

    assert response.status_code == 302
    assert not Entry.objects.exists()


def test_the_csrf_token_endpoint_gives_a_token_that_works(db):
    owner = make_user("river")
    script = Client(enforce_csrf_checks=True)
    script.force_login(owner)

    token = script.get("/accounts/csrf-token/").json()["token"]
    response = script.post(
        "/journal/entries/new/", entry(), HTTP_X_CSRFTOKEN=token, **JSON
    )

    assert response.status_code == 201


def test_the_csrf_token_is_never_cached(client):
    response = client.get("/accounts/csrf-token/")

    assert (
        "no-cache" in response["Cache-Control"]
        or "no-store" in response["Cache-Control"]
    )


def test_the_csrf_token_endpoint_refuses_post(client):
    assert client.post("/accounts/csrf-token/").status_code in (403, 405)
