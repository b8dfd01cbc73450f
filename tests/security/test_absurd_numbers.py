"""Every number a person or a script can send: absurd ones get a message, never a 500.

5,000 digits (more than Python will turn into an int), 1e309 (past a float),
NaN, infinities, other scripts' digits, signs and spaces, in every numeric form field
and query parameter.
"""

import uuid

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from journal.models import Entry
from sharing.models import ShareLink
from tests.security.test_fuzz_forms import one_example

pytestmark = pytest.mark.django_db

ABSURD = [
    "9" * 5000,
    "-" + "9" * 5000,
    "1e309",
    "-1e309",
    "NaN",
    "nan",
    "inf",
    "-Infinity",
    "-0",
    "0x10",
    "١٢",
    "١e٩",
    " 7 ",
    "+3",
    "1_000",
    "4.0000000000000000001",
    "9" * 20,
    "\x00",
]
numbers = st.one_of(st.sampled_from(ABSURD), st.text(max_size=30))

ENTRY_NUMBERS = ["distress_before", "distress_after", "helpfulness"]
HISTORY_PARAMETERS = ["page", "from", "to", "skill"]


def entry_post(field, value):
    return {
        "uuid": str(uuid.uuid4()),
        "skill": "communication",
        "note": "A moment.",
        "practiced_on": "2026-11-20",
        field: value,
    }


@given(field=st.sampled_from(ENTRY_NUMBERS), value=numbers)
@example(field="distress_before", value="9" * 5000)
@example(field="helpfulness", value="1e309")
@example(field="distress_after", value="NaN")
def test_an_absurd_rating_gets_a_message_and_saves_nothing_wrong(
    owner_client, fixed_clock, field, value
):
    with one_example():
        response = owner_client.post("/journal/entries/new/", entry_post(field, value))

        assert response.status_code in (200, 302)
        for entry in Entry.objects.all():
            rating = getattr(entry, field)
            low = 1 if field == "helpfulness" else 0
            high = 5 if field == "helpfulness" else 10
            assert rating is None or low <= rating <= high
        if response.status_code == 200:
            assert response.context["form"].errors


@given(field=st.sampled_from(ENTRY_NUMBERS), value=numbers)
@example(field="distress_before", value="9" * 5000)
def test_an_absurd_rating_on_an_edit_changes_nothing_wrong(
    owner_client, owner, fixed_clock, field, value
):
    from tests.factories import make_entry

    with one_example():
        entry = make_entry(owner)
        data = entry_post(field, value)
        del data["uuid"]

        response = owner_client.post(f"/journal/entries/{entry.pk}/edit/", data)

        assert response.status_code in (200, 302)
        entry.refresh_from_db()
        rating = getattr(entry, field)
        assert rating is None or 0 <= rating <= 10


@given(name=st.sampled_from(HISTORY_PARAMETERS), value=numbers)
@example(name="page", value="9" * 5000)
@example(name="page", value="1e309")
@example(name="from", value="9" * 5000)
def test_an_absurd_history_parameter_gets_a_page_not_an_error(
    owner_client, name, value
):
    response = owner_client.get("/journal/entries/", {name: value})

    assert response.status_code in (200, 400)


@given(name=st.sampled_from(["skill", "date"]), value=numbers)
@example(name="date", value="9" * 5000)
def test_an_absurd_prefill_is_ignored(owner_client, name, value):
    response = owner_client.get("/journal/entries/new/", {name: value})

    assert response.status_code == 200


@given(field=st.sampled_from(["weeks", "expires_in_days"]), value=numbers)
@example(field="weeks", value="9" * 5000)
@example(field="expires_in_days", value="1e309")
def test_an_absurd_share_setting_makes_no_link(owner_client, fixed_clock, field, value):
    with one_example():
        data = {"weeks": "4", "expires_in_days": "30", field: value}

        response = owner_client.post("/journal/sharing/", data)

        assert response.status_code == 200
        links = list(ShareLink.objects.all())
        assert all(link.weeks in (4, 8, 12) for link in links)


@given(value=numbers)
@example(value="9" * 5000)
def test_an_absurd_guide_search_is_calm(client, value):
    response = client.get("/guide/search/", {"q": value})

    assert response.status_code == 200
