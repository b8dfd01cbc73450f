"""Where the person lives: guessed from the time zone (at sign-up and by migration
0012), changed in settings, asked as the first run's third question."""

import importlib

import pytest
from django.apps import apps
from django.utils import translation

from accounts.countries import country_choices
from accounts.models import Profile
from accounts.timezones import country_of_time_zone
from tests.factories import make_user

WELCOME = "/accounts/welcome/country/"


@pytest.mark.parametrize(
    ("zone", "country"),
    [
        ("Europe/Madrid", "ES"),
        ("Atlantic/Canary", "ES"),
        ("America/Mexico_City", "MX"),
        ("America/New_York", "US"),
        ("America/Toronto", "CA"),
        ("Europe/London", "GB"),
        ("Europe/Dublin", "IE"),
        ("Australia/Sydney", "AU"),
        ("Pacific/Auckland", "NZ"),
        ("America/Buenos_Aires", "AR"),  # an old name browsers still send
        ("UTC", ""),
        ("Etc/GMT+5", ""),
        ("Atlantis/Capital", ""),
    ],
)
def test_the_country_is_guessed_from_the_time_zone(zone, country):
    assert country_of_time_zone(zone) == country


def test_countries_are_sorted_by_their_name_in_spanish():
    with translation.override("es"):
        names = [name for _code, name in country_choices()]

    assert names.index("Egipto") < names.index("España") < names.index("Estados Unidos")
    assert names.index("Irlanda") < names.index("Islas Åland") < names.index("Italia")


@pytest.mark.django_db
def test_the_migration_guesses_existing_profiles_from_their_zone_and_leaves_utc_blank():
    migration = importlib.import_module("accounts.migrations.0012_profile_country")
    madrid = make_user(time_zone="Europe/Madrid")
    utc = make_user(time_zone="UTC")
    chosen = make_user(time_zone="Europe/Madrid", country="MX")

    migration.guess_countries(apps, None)

    assert Profile.objects.get(user=madrid).country == "ES"
    assert Profile.objects.get(user=utc).country == ""
    assert Profile.objects.get(user=chosen).country == "MX"


@pytest.mark.django_db
@pytest.mark.parametrize(("zone", "country"), [("Europe/Madrid", "ES"), ("UTC", "")])
def test_sign_up_guesses_the_country_from_the_time_zone(client, zone, country):
    client.post(
        "/accounts/signup/",
        {
            "username": "ines",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": zone,
        },
    )

    assert Profile.objects.get(user__username="ines").country == country


def settings_data(**overrides):
    data = {
        "display_name": "Sam",
        "time_zone": "Europe/Madrid",
        "week_start": "monday",
        "language": "es",
        "country": "ES",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(("posted", "saved"), [("ES", "ES"), ("mx", "MX"), ("", "")])
def test_settings_save_the_country(owner_client, owner, posted, saved):
    response = owner_client.post(
        "/accounts/settings/", settings_data(country=posted, language="en")
    )

    assert response.status_code == 302
    assert Profile.objects.get(user=owner).country == saved


@pytest.mark.django_db
def test_a_country_not_on_the_list_is_refused_beside_the_field_and_nothing_saved(
    owner_client, owner
):
    response = owner_client.post(
        "/accounts/settings/", settings_data(country="ZZ", language="en")
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error_1_id_country"' in html
    assert "Please choose your country from the list." in html
    assert 'value="Sam"' in html
    profile = Profile.objects.get(user=owner)
    assert (profile.country, profile.display_name, profile.time_zone) == ("", "", "UTC")


@pytest.mark.django_db
def test_the_settings_page_names_countries_in_the_persons_language(client):
    person = make_user(language="es", country="ES")
    client.force_login(person)

    html = client.get("/accounts/settings/").content.decode()

    assert '<option value="ES" selected>España</option>' in html
    assert "Dónde vives" in html


@pytest.mark.django_db
def test_the_third_question_offers_the_guessed_country(client):
    person = make_user(country="IE", time_zone="Europe/Dublin")
    client.force_login(person)

    response = client.get(WELCOME)

    html = response.content.decode()
    assert "Question 3 of 3" in html
    assert "Where do you live?" in html
    assert '<option value="IE" selected>Ireland</option>' in html


@pytest.mark.django_db
def test_answering_the_third_question_saves_the_country_and_goes_to_today(client):
    person = make_user(country="ES")
    client.force_login(person)

    response = client.post(WELCOME, {"country": "MX"}, follow=True)

    assert response.redirect_chain == [("/journal/", 302)]
    assert Profile.objects.get(user=person).country == "MX"
    assert "The crisis lines shown to you are those of Mexico." in response.text


@pytest.mark.django_db
def test_not_now_keeps_the_guess_and_goes_to_today(client):
    person = make_user(country="ES")
    client.force_login(person)

    response = client.post(WELCOME, {"country": "MX", "leave": "not-now"})

    assert response["Location"] == "/journal/"
    assert Profile.objects.get(user=person).country == "ES"


@pytest.mark.django_db
def test_a_bad_answer_to_the_third_question_says_so_and_saves_nothing(client):
    person = make_user(country="ES")
    client.force_login(person)

    response = client.post(WELCOME, {"country": "Narnia"})

    assert response.status_code == 200
    assert 'id="error_1_id_country"' in response.content.decode()
    assert Profile.objects.get(user=person).country == "ES"


@pytest.mark.django_db
def test_the_third_question_needs_login(client):
    response = client.get(WELCOME)

    assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.django_db
def test_the_third_question_refuses_other_methods(owner_client):
    assert owner_client.put(WELCOME).status_code == 405
