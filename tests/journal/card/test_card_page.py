"""/journal/card/: the person's own rows, added, renamed, reordered, paused,
marked, hidden and removed."""

import pytest
from django.test import Client

from core import fragments
from journal.card import services
from journal.models import CardRow, CheckIn
from tests.factories import make_user, sign_in
from tests.journal.card.helpers import check_in, make_row

pytestmark = pytest.mark.django_db


def test_the_card_page_offers_suggestions_and_chooses_none(owner_client, owner):
    response = owner_client.get("/journal/card/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Sadness" in page
    assert "Hours slept" in page
    assert not CardRow.objects.filter(owner=owner).exists()


def test_risk_suggestions_sit_in_a_folded_section_that_explains_itself(
    owner_client,
):
    page = owner_client.get("/journal/card/").content.decode()

    folded = page.split('<details class="card-risk-suggestions')[1].split("</details>")[
        0
    ]
    assert "Urge to self-harm" in folded
    assert "Nobody watches this journal in real time" in folded
    assert "optional" in folded
    assert page.count("Urge to self-harm") == 1


def test_adding_a_row_saves_its_kind_and_name(owner_client, owner):
    response = owner_client.post(
        "/journal/card/", {"kind": "urge", "name": "  Urge to call my ex "}
    )

    row = CardRow.objects.get(owner=owner)
    assert response.status_code == 302
    assert (row.kind, row.name) == ("urge", "Urge to call my ex")
    assert not row.is_risk


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "urge", "name": ""}, "name"),
        ({"kind": "urge", "name": "x" * 41}, "name"),
        ({"kind": "feeling", "name": "Joy"}, "kind"),
        ({"name": "Joy"}, "kind"),
    ],
)
def test_bad_row_input_is_explained_beside_the_field_and_kept(
    owner_client, owner, data, field
):
    response = owner_client.post("/journal/card/", data)

    form = response.context["form"]
    assert response.status_code == 200
    assert field in form.errors
    assert (
        f'id="error_1_id_{field}"' in response.content.decode()
        or form.errors[field][0] in response.content.decode()
    )
    assert not CardRow.objects.filter(owner=owner).exists()


def test_a_long_name_is_kept_in_the_field_with_a_message(owner_client):
    name = "A name far too long for one row of a diary card"

    page = owner_client.post("/journal/card/", {"kind": "emotion", "name": name})

    content = page.content.decode()
    assert f'value="{name}"' in content
    assert "Please keep the name to 40 characters (it has 47 now)." in content


def test_the_blank_add_row_form_is_kept_per_language_with_nothing_of_anyones(
    owner_client, owner
):
    make_row(owner, "Urge to call my ex")
    reader = sign_in(Client(), make_user("lectora", language="es"))

    english = owner_client.get("/journal/card/").content.decode()
    spanish = reader.get("/journal/card/").content.decode()

    kept = fragments.store("card-add-row")
    kept_english = kept.get(fragments.key("card-add-row", "en"))
    kept_spanish = kept.get(fragments.key("card-add-row", "es"))
    assert 'name="kind"' in kept_english and 'name="name"' in kept_english
    assert kept_english in english and kept_spanish in spanish
    assert ">Kind<" in kept_english.replace("\n", "").replace(" ", "")
    assert ">Tipo<" in kept_spanish.replace("\n", "").replace(" ", "")
    assert "Urge to call my ex" not in kept_english
    assert "csrfmiddlewaretoken" not in kept_english


def test_an_add_row_form_with_its_mistake_is_drawn_afresh_never_kept(owner_client):
    owner_client.get("/journal/card/")

    response = owner_client.post("/journal/card/", {"kind": "urge", "name": "x" * 41})

    kept = fragments.store("card-add-row").get(fragments.key("card-add-row", "en"))
    assert "Please keep the name to 40" in response.content.decode()
    assert "is-invalid" not in kept and "x" * 41 not in kept


def test_one_tap_adds_a_suggested_row(owner_client, owner):
    response = owner_client.post("/journal/card/suggestions/", {"suggestion": "sleep"})

    row = CardRow.objects.get(owner=owner)
    assert response.status_code == 302
    assert (row.kind, row.name) == ("number", "Hours slept")


def test_a_risk_suggestion_is_added_as_a_risk_row(owner_client, owner):
    owner_client.post("/journal/card/suggestions/", {"suggestion": "self-harm"})

    row = CardRow.objects.get(owner=owner)
    assert row.is_urge and row.is_risk and not row.is_hidden


def test_an_unknown_suggestion_is_a_404(owner_client):
    response = owner_client.post("/journal/card/suggestions/", {"suggestion": "x"})

    assert response.status_code == 404


def test_a_suggested_row_speaks_spanish_for_a_spanish_reader(client):
    reader = make_user("lectora", language="es")
    sign_in(client, reader)

    client.post("/journal/card/suggestions/", {"suggestion": "sadness"})
    page = client.get("/journal/card/").content.decode()

    assert CardRow.objects.get(owner=reader).name == "Tristeza"
    assert "Mi tarjeta diaria" in page


def test_copying_a_paper_card_adds_every_line_in_order(owner_client, owner):
    response = owner_client.post(
        "/journal/card/copy/",
        {
            "urges": "Self-harm\nDrinking\n\nQuitting therapy",
            "emotions": "Sadness\nAnger\nFear\nShame",
            "numbers": "Hours slept",
            "yes_no": "Took medication",
        },
    )

    rows = list(CardRow.objects.filter(owner=owner))
    assert response.status_code == 302
    assert [(r.kind, r.name) for r in rows][:3] == [
        ("urge", "Self-harm"),
        ("urge", "Drinking"),
        ("urge", "Quitting therapy"),
    ]
    assert len(rows) == 9
    assert rows[-1].kind == "yes-no"


def test_a_copied_line_too_long_is_explained_and_nothing_is_added(owner_client, owner):
    response = owner_client.post(
        "/journal/card/copy/", {"emotions": "Sadness\n" + "y" * 41}
    )

    assert "Row 2 is 41 characters long" in response.content.decode()
    assert "Sadness" in response.content.decode()
    assert not CardRow.objects.filter(owner=owner).exists()


def test_the_card_holds_at_most_thirty_rows(owner_client, owner):
    services.add_rows(owner, [("emotion", f"Feeling {n}", False) for n in range(30)])

    response = owner_client.post("/journal/card/", {"kind": "urge", "name": "More"})

    assert response.status_code == 200
    assert CardRow.objects.filter(owner=owner).count() == 30


def test_renaming_a_row(owner_client, owner):
    row = make_row(owner)

    owner_client.post(
        f"/journal/card/rows/{row.pk}/rename/",
        {f"r{row.pk}-name": "Urge to drink wine"},
    )

    row.refresh_from_db()
    assert row.name == "Urge to drink wine"


def test_a_blank_new_name_is_explained_beside_the_field(owner_client, owner):
    row = make_row(owner)

    response = owner_client.post(
        f"/journal/card/rows/{row.pk}/rename/", {f"r{row.pk}-name": ""}
    )

    row.refresh_from_db()
    assert response.status_code == 200
    assert "Give the row a name" in response.content.decode()
    assert row.name == "Urge to drink"


def test_moving_a_row_up_swaps_it_with_the_one_above(owner_client, owner):
    first, second = make_row(owner, "A"), make_row(owner, "B")

    owner_client.post(f"/journal/card/rows/{second.pk}/up/")

    assert [r.name for r in CardRow.objects.filter(owner=owner)] == ["B", "A"]
    assert first.pk


def test_moving_the_first_row_up_changes_nothing(owner_client, owner):
    make_row(owner, "A")
    make_row(owner, "B")
    first = CardRow.objects.filter(owner=owner).first()

    owner_client.post(f"/journal/card/rows/{first.pk}/up/")

    assert [r.name for r in CardRow.objects.filter(owner=owner)] == ["A", "B"]


def test_a_paused_row_leaves_the_check_in_and_keeps_its_history(owner_client, owner):
    row = make_row(owner)
    check_in(owner, owner.profile.today(), {row: (2, False)})

    owner_client.post(f"/journal/card/rows/{row.pk}/pause/")
    page = owner_client.get("/journal/check-in/").content.decode()

    row.refresh_from_db()
    assert row.is_paused
    assert "Urge to drink" not in page
    assert CheckIn.objects.get(owner=owner).row_answer(row.uuid)["value"] == 2


def test_a_risk_row_is_hidden_from_the_week_in_one_tap(owner_client, owner):
    row = make_row(owner, "Urge to self-harm", risk=True)

    owner_client.post(f"/journal/card/rows/{row.pk}/hide/")

    row.refresh_from_db()
    assert row.is_hidden


def test_an_ordinary_row_has_no_hide_button(owner_client, owner):
    row = make_row(owner, "Sadness", kind="emotion")

    response = owner_client.post(f"/journal/card/rows/{row.pk}/hide/")

    assert response.status_code == 404


def test_the_person_can_mark_their_own_urge_as_a_risk_row(owner_client, owner):
    row = make_row(owner, "Urge to cut")

    owner_client.post(f"/journal/card/rows/{row.pk}/mark-risk/")

    row.refresh_from_db()
    assert row.is_risk


def test_removing_asks_first(owner_client, owner):
    row = make_row(owner)

    response = owner_client.get(f"/journal/card/rows/{row.pk}/remove/")

    assert response.status_code == 200
    assert "Remove “Urge to drink”?" in response.content.decode()
    assert CardRow.objects.filter(pk=row.pk).exists()


def test_removing_a_row_removes_its_past_values(owner_client, owner):
    row, kept = make_row(owner), make_row(owner, "Sadness", kind="emotion")
    check_in(owner, owner.profile.today(), {row: (3, True), kept: 2})

    owner_client.post(f"/journal/card/rows/{row.pk}/remove/")

    saved = CheckIn.objects.get(owner=owner)
    assert not CardRow.objects.filter(pk=row.pk).exists()
    assert saved.row_answer(row.uuid) == {}
    assert saved.row_answer(kept.uuid)["value"] == 2


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/journal/card/rows/{pk}/rename/"),
        ("post", "/journal/card/rows/{pk}/up/"),
        ("post", "/journal/card/rows/{pk}/pause/"),
        ("post", "/journal/card/rows/{pk}/mark-risk/"),
        ("get", "/journal/card/rows/{pk}/remove/"),
        ("post", "/journal/card/rows/{pk}/remove/"),
    ],
)
def test_another_persons_row_is_a_404(other_client, owner, method, path):
    row = make_row(owner)

    response = getattr(other_client, method)(path.format(pk=row.pk))

    row.refresh_from_db()
    assert response.status_code == 404
    assert (row.name, row.is_paused, row.is_risk) == ("Urge to drink", False, False)


@pytest.mark.parametrize(
    "path", ["/journal/card/", "/journal/card/copy/", "/journal/check-in/"]
)
def test_a_visitor_is_sent_to_log_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(f"/accounts/login/?next={path}")


@pytest.mark.parametrize(
    "path",
    [
        "/journal/card/suggestions/",
        "/journal/card/rows/1/up/",
        "/journal/card/rows/1/rename/",
    ],
)
def test_a_get_to_a_change_is_refused(owner_client, path):
    assert owner_client.get(path).status_code == 405


def test_the_card_page_costs_the_same_queries_for_many_rows(
    owner_client, owner, django_assert_max_num_queries
):
    services.add_rows(owner, [("emotion", f"Feeling {n}", False) for n in range(25)])

    with django_assert_max_num_queries(8):
        response = owner_client.get("/journal/card/")

    assert response.status_code == 200


def test_a_row_name_is_encrypted_at_rest(owner):
    from django.db import connection

    make_row(owner, "Urge to self-harm", risk=True)

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, marks FROM journal_cardrow")
        name, marks = cursor.fetchone()
    assert "self-harm" not in name
    assert "risk" not in marks
