from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from pytest_django.asserts import assertContains

from guide.models import Article
from tests.factories import sign_in_with_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    boss = User.objects.create_superuser("boss", "boss@example.org")
    sign_in_with_second_factor(client, boss)
    call_command("load_guide", stdout=StringIO())
    return client


def test_admin_lists_guide_pages(admin_client):
    response = admin_client.get("/admin/guide/article/")

    assert response.status_code == 200
    assertContains(response, "How therapy works")
    assertContains(response, "Emotional regulation")


def test_admin_searches_page_bodies(admin_client):
    response = admin_client.get("/admin/guide/article/", {"q": "amygdala"})

    assertContains(response, "Emotional regulation")
    assertContains(response, "2 results")


def test_admin_page_shows_html_read_only_and_links_to_the_site(admin_client):
    page = Article.objects.get(slug="communication", language="en")

    response = admin_client.get(f"/admin/guide/article/{page.pk}/change/")

    assert response.status_code == 200
    assertContains(response, "View on site")
    assertContains(response, 'name="body"')
    assert 'name="body_html"' not in response.content.decode()
    assert 'name="reading_minutes"' not in response.content.decode()
