"""/journal/skills/: the built-in named skills and the person's own."""

import pytest
from django.db import connection
from django.test import Client

from journal.models import Entry, NamedSkill
from journal.skills.services import MAX_NAMED_SKILLS
from tests.factories import make_entry, make_named_skill, sign_in

pytestmark = pytest.mark.django_db

URL = "/journal/skills/"


def test_the_page_lists_built_in_skills_with_tipps_caution(owner_client):
    html = owner_client.get(URL).content.decode()

    assert "TIPP" in html and "Thought record" in html and "DEAR MAN" in html
    assert "ask a doctor first" in html


def test_a_built_in_skill_links_to_logging_it_and_to_its_entries(owner_client, owner):
    for _ in range(2):
        make_entry(owner, skill="distress-tolerance", technique="tipp")

    html = owner_client.get(URL).content.decode()
    tipp = html[html.index(">TIPP<") :]
    tipp = tipp[: tipp.index("</li>")]

    assert "<strong>Check first:</strong>" in tipp
    assert (
        '<a href="/journal/entries/new/?skill=distress-tolerance&amp;technique=tipp">'
        'Log it<span class="visually-hidden"> (TIPP)</span></a>'
    ) in tipp
    assert (
        '<a href="/journal/entries/?technique=tipp">See the 2 entries that name it'
    ) in tipp
    stop = html[html.index(">STOP<") :]
    assert "that name it" not in stop[: stop.index("</li>")]


def test_the_built_in_skills_read_in_spanish(owner):
    owner.profile.language = "es"
    owner.profile.save()
    client = sign_in(Client(), owner)

    html = client.get(URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "<strong>Antes, ten en cuenta:</strong>" in html
    assert 'Registrarla<span class="visually-hidden"> (TIPP)</span>' in html
    assert "Check first" not in html and ">Log it<" not in html


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/journal/skills/")


def test_put_is_refused(owner_client):
    assert owner_client.put(URL).status_code == 405


def test_adding_a_named_skill_saves_it_encrypted_for_its_owner(owner_client, owner):
    response = owner_client.post(
        URL, {"family": "distress-tolerance", "name": "Ice cube in hand"}
    )

    assert response.status_code == 302
    skill = NamedSkill.objects.get(owner=owner)
    assert (skill.family, skill.name) == ("distress-tolerance", "Ice cube in hand")
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM journal_namedskill WHERE id = %s", [skill.pk])
        (stored,) = cursor.fetchone()
    assert "Ice cube" not in stored
    assert "Ice cube in hand" in owner_client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"family": "distress-tolerance", "name": ""}, "Give it a name"),
        ({"family": "distress-tolerance", "name": "x" * 41}, "(it has 41 now)"),
        ({"family": "juggling", "name": "Ice"}, "Choose one of the five skills."),
        ({"family": "distress-tolerance", "name": "tipp"}, "already has a named"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(owner_client, data, message):
    response = owner_client.post(URL, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    if data["name"]:
        assert f'value="{data["name"]}"' in html
    assert not NamedSkill.objects.exists()


def test_the_same_name_under_another_family_is_fine(owner_client, owner):
    make_named_skill(owner, family="distress-tolerance", name="Walk")

    owner_client.post(URL, {"family": "behavioral-activation", "name": "walk"})

    assert NamedSkill.objects.filter(owner=owner).count() == 2


def test_a_person_can_keep_at_most_a_hundred(owner_client, owner):
    for number in range(MAX_NAMED_SKILLS):
        make_named_skill(owner, name=f"Skill {number}")

    response = owner_client.post(URL, {"family": "communication", "name": "One more"})

    assert "the most we keep" in response.content.decode()
    assert NamedSkill.objects.filter(owner=owner).count() == MAX_NAMED_SKILLS


def test_renaming_changes_the_name_entries_show(owner_client, owner):
    skill = make_named_skill(owner)
    make_entry(owner, skill="distress-tolerance", named_skill=skill)

    owner_client.post(
        f"/journal/skills/{skill.pk}/rename/", {f"rename-{skill.pk}-name": "Cold can"}
    )

    skill.refresh_from_db()
    assert skill.name == "Cold can"
    assert "Cold can" in owner_client.get("/journal/entries/").content.decode()


def test_a_bad_new_name_is_explained_beside_it_and_kept(owner_client, owner):
    skill = make_named_skill(owner)

    response = owner_client.post(
        f"/journal/skills/{skill.pk}/rename/", {f"rename-{skill.pk}-name": "y" * 45}
    )

    html = response.content.decode()
    assert "(it has 45 now)" in html
    assert 'value="' + "y" * 45 + '"' in html
    skill.refresh_from_db()
    assert skill.name == "Ice cube in hand"


def test_hiding_keeps_entries_naming_it_but_stops_offering_it(owner_client, owner):
    skill = make_named_skill(owner)
    make_entry(owner, skill="distress-tolerance", named_skill=skill)

    owner_client.post(f"/journal/skills/{skill.pk}/hide/")

    skill.refresh_from_db()
    assert skill.is_hidden
    assert f'value="{skill.uuid}"' not in owner_client.get("/journal/").content.decode()
    assert "Ice cube in hand" in owner_client.get("/journal/entries/").content.decode()
    owner_client.post(f"/journal/skills/{skill.pk}/show/")
    assert f'value="{skill.uuid}"' in owner_client.get("/journal/").content.decode()


def test_removing_asks_first_then_keeps_the_entries_under_their_skill(
    owner_client, owner
):
    skill = make_named_skill(owner)
    entry = make_entry(owner, skill="distress-tolerance", named_skill=skill)

    confirm = owner_client.get(f"/journal/skills/{skill.pk}/delete/")
    owner_client.post(f"/journal/skills/{skill.pk}/delete/")

    assert "1 entry names it" in confirm.content.decode()
    assert not NamedSkill.objects.exists()
    entry.refresh_from_db()
    assert entry.named_skill is None and entry.skill == "distress-tolerance"


@pytest.mark.parametrize("action", ["rename", "hide", "show", "delete"])
def test_another_persons_named_skill_is_a_404(owner_client, other_user, action):
    theirs = make_named_skill(other_user, name="Their secret word")

    response = owner_client.post(
        f"/journal/skills/{theirs.pk}/{action}/", {f"rename-{theirs.pk}-name": "Mine"}
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.is_hidden) == ("Their secret word", False)


@pytest.mark.parametrize("action", ["rename", "hide", "show"])
def test_changes_need_a_post(owner_client, owner, action):
    skill = make_named_skill(owner)

    assert owner_client.get(f"/journal/skills/{skill.pk}/{action}/").status_code == 405


def test_two_people_never_see_each_others_named_skills(owner_client, owner, other_user):
    make_named_skill(owner, name="Owner-only word")
    make_named_skill(other_user, name="Other-only word")

    mine = owner_client.get(URL).content.decode()

    assert "Owner-only word" in mine and "Other-only word" not in mine


def test_the_page_costs_the_same_queries_however_many_skills(
    owner_client, owner, django_assert_max_num_queries
):
    for number in range(30):
        skill = make_named_skill(owner, name=f"Skill {number}")
        make_entry(owner, skill="distress-tolerance", named_skill=skill)
    Entry.objects.filter(owner=owner).first()

    with django_assert_max_num_queries(6):
        owner_client.get(URL)


def test_the_page_in_spanish(owner_client, owner):
    owner.profile.language = "es"
    owner.profile.save()

    html = owner_client.get(URL, HTTP_ACCEPT_LANGUAGE="es").content.decode()

    assert "Habilidades con nombre" in html
    assert "consulta a un médico" in html
