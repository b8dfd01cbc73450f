import datetime

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from accounts import lockout, two_factor
from accounts.models import AuthenticatorDevice
from journal.card import services as card_services
from journal.models import WeeklyReflection
from journal.practice import services as practice_services
from journal.practice.goals import PlanSpan
from sharing.models import ShareLink, ShareLinkView
from tests.factories import make_entry, make_signed_in_session, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


def fill_account(user):
    """Something of every kind a person can leave behind."""
    make_entry(user)
    WeeklyReflection.objects.create(owner=user, week_of=datetime.date(2026, 11, 16))
    (row,) = card_services.add_rows(user, [("urge", "Urge to drink", True)])
    card_services.save_check_in(
        user,
        datetime.date(2026, 11, 17),
        {str(row.uuid): {"value": 5, "acted": True}},
        3,
        "A hard day",
    )
    plan = practice_services.create_plan(
        user,
        PlanSpan(datetime.date(2026, 11, 16), datetime.date(2026, 11, 22)),
        [{"text": "Evening walk", "times": 3, "why": "Clears my head"}],
    )
    practice_services.tick(plan.items.get(), datetime.date(2026, 11, 17))
    practice_services.set_missed_reason(plan, datetime.date(2026, 11, 18), "forgot")
    link = ShareLink.objects.create(
        owner=user,
        token_hash=f"{user.pk:064d}",
        weeks=4,
        first_day=datetime.date(2026, 10, 26),
        last_day=datetime.date(2026, 11, 22),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    ShareLinkView.objects.create(link=link, viewed_at=timezone.now(), browser="Safari")
    AuthenticatorDevice.objects.create(user=user, name="Authenticator app")
    two_factor.new_recovery_codes(user)
    make_signed_in_session(user)
    lockout.record_failure(user.username, "192.0.2.1", timezone.now())
    AccessAttempt.objects.create(
        username=user.username,
        ip_address="192.0.2.1",
        user_agent="test",
        failures_since_start=1,
    )
    user_type = ContentType.objects.get_for_model(user)
    LogEntry.objects.create(
        user=user,
        content_type=user_type,
        object_id=str(user.pk),
        object_repr=user.username,
        action_flag=CHANGE,
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
    found += [
        f"LogEntry {entry.pk}"
        for entry in LogEntry.objects.all()
        if entry.object_id == str(user.pk) or user.username in entry.object_repr
    ]
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
