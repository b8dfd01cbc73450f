import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User

from accounts.models import Profile
from tests.factories import make_user

pytestmark = pytest.mark.django_db

STRONG_PASSWORD = "calm-river-stones-42"


def signup_data(**overrides):
    data = {
        "username": "river",
        "email": "",
        "password1": STRONG_PASSWORD,
        "password2": STRONG_PASSWORD,
        "time_zone": "America/Los_Angeles",
    }
    data.update(overrides)
    return data


def test_signup_page_shows_every_field(client):
    response = client.get("/accounts/signup/")

    html = response.content.decode()
    for name in ("username", "email", "password1", "password2", "time_zone"):
        assert f'name="{name}"' in html
    assert "data-detect-time-zone" in html


def test_signup_logs_the_person_in_and_lands_on_the_first_run(client):
    response = client.post("/accounts/signup/", signup_data())

    assert response.status_code == 302
    assert response["Location"] == "/journal/welcome/"
    user = User.objects.get(username="river")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert user.profile.time_zone == "America/Los_Angeles"


def test_signup_maps_an_old_browser_zone_name_to_the_current_one(client):
    client.post("/accounts/signup/", signup_data(time_zone="Europe/Kiev"))

    assert User.objects.get(username="river").profile.time_zone == "Europe/Kyiv"


def test_signup_hashes_the_password_with_argon2(client, settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]

    client.post("/accounts/signup/", signup_data())

    assert User.objects.get(username="river").password.startswith("argon2")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"username": "RIVER"}, "username", "Someone already has that username"),
        ({"password2": "something-else-99"}, "password2", "not the same"),
        # The rules are broken by the password being chosen: said beside it.
        ({"password1": "12345678", "password2": "12345678"}, "password1", "too common"),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice"),
        ({"username": ""}, "username", "Choose a username."),
        ({"email": "not-an-email"}, "email", "valid email"),
    ],
)
def test_signup_with_bad_input_shows_the_message_and_creates_nobody(
    client, overrides, field, message
):
    make_user("river")
    users_before = User.objects.count()

    response = client.post("/accounts/signup/", signup_data(**overrides))

    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    assert f'id="error_1_id_{field}"' in response.content.decode()
    assert User.objects.count() == users_before


def test_signup_keeps_what_was_typed_except_passwords(client):
    response = client.post(
        "/accounts/signup/",
        signup_data(username="new-person", email="me@example.org", password2="nope"),
    )

    html = response.content.decode()
    assert 'value="new-person"' in html
    assert 'value="me@example.org"' in html
    assert STRONG_PASSWORD not in html


def test_signed_in_person_visiting_signup_goes_to_today(owner_client):
    response = owner_client.get("/accounts/signup/")

    assert response["Location"] == "/journal/"


def test_login_with_right_password_goes_to_today(client):
    make_user("river", password=STRONG_PASSWORD)

    response = client.post(
        "/accounts/login/", {"username": "river", "password": STRONG_PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/journal/"


def test_failed_login_reads_the_same_for_unknown_and_known_usernames(client):
    make_user("river", password=STRONG_PASSWORD)

    known = client.post("/accounts/login/", {"username": "river", "password": "wrong"})
    unknown = client.post("/accounts/login/", {"username": "nobody", "password": "x"})

    assert known.context["form"].non_field_errors() == (
        unknown.context["form"].non_field_errors()
    )
    assert "data-focus-on-load" in known.content.decode()


def test_logout_refuses_get(owner_client):
    response = owner_client.get("/accounts/logout/")

    assert response.status_code == 405
    assert "_auth_user_id" in owner_client.session


def test_logout_by_post_ends_the_session(owner_client):
    response = owner_client.post("/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in owner_client.session


def test_password_change_page_needs_login(client):
    response = client.get("/accounts/password_change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_password_change_page_renders_for_the_owner(owner_client):
    response = owner_client.get("/accounts/password_change/")

    assert response.status_code == 200
    assert 'name="old_password"' in response.content.decode()


def test_password_reset_sends_an_email(client, mailoutbox):
    user = make_user("river")
    user.email = "river@example.org"
    user.save()

    response = client.post("/accounts/password_reset/", {"email": "river@example.org"})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "river@example.org" in mailoutbox[0].to


@pytest.mark.parametrize("how", ["create_user", "create_superuser"])
def test_every_user_gets_a_profile_however_they_are_made(how):
    user = getattr(get_user_model().objects, how)("made", "made@example.org", "pw")

    assert Profile.objects.filter(user=user).exists()


def test_password_reset_link_lets_the_person_choose_a_new_password(client, mailoutbox):
    user = make_user("river")
    user.email = "river@example.org"
    user.save()
    client.post("/accounts/password_reset/", {"email": "river@example.org"})
    link = next(
        line for line in mailoutbox[0].body.splitlines() if "/accounts/reset/" in line
    )
    path = link[link.index("/accounts/reset/") :].strip()

    form_page = client.get(path, follow=True)
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": STRONG_PASSWORD, "new_password2": STRONG_PASSWORD},
    )

    assert 'name="new_password1"' in form_page.content.decode()
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password(STRONG_PASSWORD)


def test_an_old_password_reset_link_says_so_kindly(client):
    response = client.get("/accounts/reset/MQ/not-a-token/")

    assert "This link has expired" in response.content.decode()


def test_signup_page_gives_the_script_the_legacy_zone_names(client):
    html = client.get("/accounts/signup/").content.decode()

    assert 'id="legacy-time-zones"' in html
    assert "Asia/Kolkata" in html


def test_a_too_short_new_password_is_explained_beside_the_new_password(owner_client):
    response = owner_client.post(
        "/accounts/password_change/",
        {
            "old_password": "a-long-test-password",
            "new_password1": "short",
            "new_password2": "short",
        },
    )

    form = response.context["form"]
    assert "too short" in " ".join(form.errors["new_password1"])
    assert "new_password2" not in form.errors


def test_the_password_rules_are_a_list_the_page_can_tick_off(client):
    html = client.get("/accounts/signup/").content.decode()

    assert 'data-password-rules="true"' in html
    assert 'data-rule="length" data-value="8"' in html


def test_logging_out_says_so_and_offers_a_way_back(owner_client):
    response = owner_client.post("/accounts/logout/", follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/accounts/logged-out/"
    assert "You are logged out" in html
    assert 'href="/accounts/login/"' in html


def test_a_username_with_a_space_is_refused_in_our_words(client):
    response = client.post("/accounts/signup/", signup_data(username="river stone"))

    said = " ".join(response.context["form"].errors["username"])
    assert "letters, digits and @ . + - _ only: no spaces" in said
    assert "This value may contain only" not in response.content.decode()


def test_the_username_and_password_rules_are_on_the_page_before_typing(client):
    html = client.get("/accounts/signup/").content.decode()

    assert "Letters, digits and @ . + - _ only." in html
    assert "At least 8 characters" in html
    assert "Not a common password" in html


def test_a_wrong_password_is_said_in_our_words_not_djangos(client):
    make_user("river", password=STRONG_PASSWORD)

    response = client.post("/accounts/login/", {"username": "river", "password": "no"})

    html = response.content.decode()
    assert (
        "That username and password don&#x27;t match. Check both: capitals count."
        in html
    )
    assert "case-sensitive" not in html


def test_a_wrong_password_is_said_in_spanish_to_a_spanish_browser(client):
    make_user("river", password=STRONG_PASSWORD)

    response = client.post(
        "/accounts/login/",
        {"username": "river", "password": "no"},
        HTTP_ACCEPT_LANGUAGE="es",
    )

    assert "no coinciden. Revisa los dos" in response.content.decode()
