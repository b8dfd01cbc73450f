import datetime

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from journal.models import ShareLink, WeeklyReflection
from tests.factories import make_entry, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def fill_account(user):
    make_entry(user)
    WeeklyReflection.objects.create(owner=user, week_of=datetime.date(2026, 11, 16))
    ShareLink.objects.create(
        owner=user,
        token_hash=f"{user.pk:064d}",
        weeks=4,
        first_day=datetime.date(2026, 10, 26),
        last_day=datetime.date(2026, 11, 22),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )


def rows_mentioning(user) -> list[str]:
    """Every row in every table of ours that points at the user or holds their name."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            target = getattr(field, "related_model", None)
            if (
                target is get_user_model()
                and model.objects.filter(**{field.name: user.pk}).exists()
            ):
                found.append(f"{model.__name__}.{field.name}")
            if (
                field.name == "username"
                and model.objects.filter(username=user.username).exists()
            ):
                found.append(f"{model.__name__}.username")
    for session in Session.objects.all():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            found.append("Session")
    return found


def test_delete_page_explains_and_suggests_exporting_first(owner_client):
    html = owner_client.get("/accounts/delete/").content.decode()

    assert "cannot be undone" in html
    assert 'href="/accounts/import/"' in html
    assert 'name="password"' in html


def test_wrong_password_deletes_nothing(owner_client, owner):
    fill_account(owner)

    response = owner_client.post("/accounts/delete/", {"password": "not-it"})

    assert response.status_code == 200
    assert 'id="error_1_id_password"' in response.content.decode()
    assert get_user_model().objects.filter(pk=owner.pk).exists()
    assert owner.entries.count() == 1


def test_empty_password_deletes_nothing(owner_client, owner):
    response = owner_client.post("/accounts/delete/", {})

    assert "Type your password to confirm." in response.content.decode()
    assert get_user_model().objects.filter(pk=owner.pk).exists()


def test_right_password_erases_every_row_and_logs_out(owner):
    fill_account(owner)
    other_device = Client()
    other_device.force_login(owner)
    this_device = Client()
    this_device.force_login(owner)
    bystander = make_user("bystander")
    fill_account(bystander)

    response = this_device.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert rows_mentioning(owner) == []
    assert other_device.get("/journal/").status_code == 302
    assert bystander.entries.count() == 1
    assert rows_mentioning(bystander)


def test_delete_account_needs_login(client):
    assert client.get("/accounts/delete/")["Location"].startswith("/accounts/login/")


def test_delete_account_refuses_other_methods(owner_client):
    assert owner_client.put("/accounts/delete/").status_code == 405
