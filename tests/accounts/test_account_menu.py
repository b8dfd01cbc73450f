"""The Account menu leads to the person's sessions and reminders."""

import re

import pytest

pytestmark = pytest.mark.django_db


def account_menu(page: str) -> str:
    found = re.search(r'<ul class="dropdown-menu[^"]*">(.*?)</ul>', page, re.S)
    assert found, "No Account menu on the page."
    return found.group(1)


@pytest.mark.parametrize(
    ("href", "name"),
    [
        ("/journal/sessions/", "Your therapy sessions"),
        ("/accounts/reminders/", "Reminders"),
        ("/journal/safety-plan/", "My safety plan"),
    ],
)
def test_the_account_menu_links_to(owner_client, href, name):
    menu = account_menu(owner_client.get("/journal/").content.decode())

    assert f'href="{href}">{name}</a>' in menu


def test_the_links_are_named_in_spanish_too(owner_client):
    owner_client.post("/i18n/setlang/", {"language": "es", "next": "/journal/"})

    menu = account_menu(owner_client.get("/journal/").content.decode())

    assert "Tus sesiones de terapia" in menu and "Recordatorios" in menu
    assert "Mi plan de seguridad" in menu
