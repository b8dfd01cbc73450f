import pytest

from accounts.models import Profile

pytestmark = pytest.mark.django_db


def settings_data(**overrides):
    data = {
        "display_name": "Sam",
        "time_zone": "Pacific/Kiritimati",
        "week_start": "sunday",
        "language": "en",
    }
    data.update(overrides)
    return data


def test_settings_page_shows_the_current_values(owner_client, owner):
    Profile.objects.filter(user=owner).update(display_name="Sam", week_start="sunday")

    response = owner_client.get("/accounts/settings/")

    html = response.content.decode()
    assert 'value="Sam"' in html
    assert '<option value="sunday" selected>' in html


def test_settings_are_saved(owner_client, owner):
    response = owner_client.post("/accounts/settings/", settings_data())

    assert response.status_code == 302
    profile = Profile.objects.get(user=owner)
    assert (profile.display_name, profile.time_zone, profile.week_start) == (
        "Sam",
        "Pacific/Kiritimati",
        "sunday",
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"time_zone": "Atlantis/Capital"}, "time_zone"),
        ({"week_start": "wednesday"}, "week_start"),
        ({"language": "fr"}, "language"),
        ({"display_name": "x" * 61}, "display_name"),
    ],
)
def test_bad_settings_show_the_error_and_save_nothing(
    owner_client, owner, overrides, field
):
    response = owner_client.post("/accounts/settings/", settings_data(**overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="error_1_id_{field}"' in response.content.decode()
    profile = Profile.objects.get(user=owner)
    assert (profile.display_name, profile.time_zone, profile.week_start) == (
        "",
        "UTC",
        "monday",
    )


def test_settings_need_login(client):
    response = client.get("/accounts/settings/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/settings/"


def test_settings_refuse_other_methods(owner_client):
    response = owner_client.put("/accounts/settings/")

    assert response.status_code == 405


def test_settings_page_is_never_cached(owner_client):
    response = owner_client.get("/accounts/settings/")

    assert "no-store" in response["Cache-Control"]
