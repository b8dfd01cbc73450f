"""A newcomer who taps "Log this skill" in the guide keeps that skill through sign-up."""

import pytest

from accounts.models import Profile

pytestmark = pytest.mark.django_db

NEXT = "/journal/entries/new/?skill=distress-tolerance"


def test_the_log_in_page_says_why_it_is_in_the_way(client):
    response = client.get("/journal/entries/new/", {"skill": "distress-tolerance"})
    login_page = client.get(response["Location"]).content.decode()

    assert "Log in or create a journal to log Distress tolerance." in login_page
    link = "/accounts/signup/?next=/journal/entries/new/%3Fskill%3Ddistress-tolerance"
    assert link in login_page


def test_sign_up_keeps_the_skill_and_lands_on_it(client):
    page = client.get("/accounts/signup/", {"next": NEXT}).content.decode()

    response = client.post(
        f"/accounts/signup/?next={NEXT.replace('?', '%3F').replace('=', '%3D')}",
        {
            "username": "newcomer",
            "email": "",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": "UTC",
            "next": NEXT,
        },
    )
    form = client.get(response["Location"]).content.decode()

    assert "then log Distress tolerance straight away" in page
    assert response["Location"] == NEXT
    assert Profile.objects.filter(user__username="newcomer").exists()
    assert 'value="distress-tolerance" checked' in form


def test_sign_up_ignores_a_next_that_leaves_the_site(client):
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newcomer",
            "email": "",
            "password1": "quiet-harbour-lanterns-73",
            "password2": "quiet-harbour-lanterns-73",
            "time_zone": "UTC",
            "next": "https://example.com/phish",
        },
    )

    assert response["Location"] == "/journal/welcome/"


def test_an_unknown_skill_in_next_says_nothing_special(client):
    page = client.get("/accounts/login/", {"next": "/journal/entries/new/?skill=x"})

    assert "create a journal to log" not in page.content.decode()
