"""A PostgreSQL backup restores whole: every kind of record, every value, every
share link, and the accounts erased since stay erased.

The database is backed up with `manage.py backup`, restored by `manage.py restore`
run as its own process into a new, empty database, and read back through Django.
A model with no row here would be a kind of record this test never checked: the
test fails until one is made below.
"""

import datetime
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from accounts.erasure import erase_account
from accounts.models import AuthenticatorDevice, LoginFailure, RecoveryCode
from benchmarks.people import make_person, share_token
from journal.models import Entry, TherapySession
from reminders.models import Delivery, PushSubscription, ReminderSettings, SessionNudge
from sharing.models import ShareLink, ShareLinkView
from tests.factories import make_entry, make_share_link, make_user, sign_in

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SHARED_NOTE = "Asked for a pause in the meeting and came back calmer."
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"


def make_every_kind_of_record() -> dict:
    """Rows of every model, through the app's own services where they exist."""
    now = timezone.now()
    make_person("backup-person", days=21, seed=3)
    person = get_user_model().objects.get(username="backup-person")
    call_command("load_guide", stdout=StringIO())
    make_entry(
        person,
        note=SHARED_NOTE,
        situation="Team meeting",
        distress_before=7,
        distress_after=3,
    )
    _link, shared_page = make_share_link(person, now, include_notes=True)

    signed_in = sign_in(Client(HTTP_USER_AGENT=USER_AGENT), person)
    signed_in.get("/journal/")
    therapist = Client(HTTP_USER_AGENT=USER_AGENT)
    assert therapist.get(shared_page).status_code == 200
    Client().post("/accounts/login/", {"username": person.username, "password": "x"})

    device = AuthenticatorDevice.objects.create(user=person, name="Phone")
    RecoveryCode.objects.create(user=person, code_hash="0" * 64)
    LoginFailure.objects.get_or_create(username=person.username)
    _axes_records(person, now)
    ReminderSettings.objects.update_or_create(user=person, defaults={"enabled": True})
    Delivery.objects.create(user=person, local_date=now.date(), channels="email")
    PushSubscription.objects.create(
        user=person,
        endpoint="https://updates.push.services.mozilla.com/wpush/v2/abc",
        p256dh="BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        auth="tBHItJI5svbpez7KI4CCXg",
    )
    SessionNudge.objects.create(
        session=TherapySession.objects.filter(owner=person).first(), channels="push"
    )
    group = Group.objects.create(name="Staff")
    person.groups.add(group)
    LogEntry.objects.log_actions(
        user_id=person.pk,
        queryset=[group],
        action_flag=ADDITION,
        change_message="Added",
    )
    return {
        "person": person,
        "device": device,
        "signed_in": signed_in,
        "shared_pages": [shared_page, f"/share/{share_token('backup-person')}/"],
    }


def _axes_records(person, now) -> None:
    from axes.models import (
        AccessAttempt,
        AccessAttemptExpiration,
        AccessFailureLog,
        AccessLog,
    )
    from django_otp.plugins.otp_totp.models import TOTPDevice

    common = {
        "user_agent": "Firefox",
        "ip_address": "10.0.0.1",
        "username": person.username,
        "http_accept": "text/html",
        "path_info": "/accounts/login/",
    }
    attempt = AccessAttempt.objects.create(
        **common, get_data="", post_data="", failures_since_start=1
    )
    AccessAttemptExpiration.objects.create(
        access_attempt=attempt, expires_at=now + datetime.timedelta(minutes=15)
    )
    AccessFailureLog.objects.create(**common, locked_out=False)
    AccessLog.objects.create(**common)
    TOTPDevice.objects.create(user=person, name="Old phone")


def every_row() -> dict[str, list[tuple]]:
    """Each model's rows as their field values, read through the models (so
    encrypted text is compared as the person wrote it), in a stable order."""
    return {
        model._meta.label: sorted(
            tuple(repr(getattr(row, field.attname)) for field in model._meta.fields)
            for row in model._base_manager.all()
        )
        for model in apps.get_models()
    }


def create_database(name: str) -> None:
    with _server() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}"')
        server.execute(f'CREATE DATABASE "{name}"')


def drop_database(name: str) -> None:
    with _server() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _server():
    settings_dict = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"] or None,
        password=settings_dict["PASSWORD"] or None,
        autocommit=True,
    )


def restore_into(name: str, backup: Path, erased_list: Path) -> str:
    """`manage.py restore` in its own process, as an operator would run it."""
    settings_dict = connection.settings_dict
    url = (
        f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
        f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/{name}"
    )
    environment = {
        **os.environ,
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": url,
        # Never the shared Redis of the machine running the tests.
        "DJANGO_CACHE_URL": "locmem://",
        "DJANGO_ERASED_ACCOUNTS_FILE": str(erased_list),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(backup)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return result.stdout


@pytest.fixture
def restored_name():
    name = f"{connection.settings_dict['NAME']}_restored"
    create_database(name)
    yield name
    drop_database(name)


@pytest.fixture
def erased_list(settings, tmp_path):
    settings.ERASED_ACCOUNTS_FILE = str(tmp_path / "erased-accounts.jsonl")
    return tmp_path / "erased-accounts.jsonl"


def test_a_backup_restores_every_record_and_every_share_link(
    tmp_path, restored_name, erased_list
):
    made = make_every_kind_of_record()
    leaving = make_user("leaving-after-the-backup")
    make_entry(leaving, note="Written by someone who later erased their account.")
    call_command("backup", str(tmp_path / "site.backup"), stdout=StringIO())
    erase_account(leaving)
    before = every_row()
    empty = [label for label, rows in before.items() if not rows]
    assert not empty, f"make a row of each of these kinds above: {empty}"

    output = restore_into(restored_name, tmp_path / "site.backup", erased_list)

    assert "Erased again 1 accounts" in output
    original_name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = restored_name
    try:
        after = every_row()
        caches["default"].clear()
        pages = [made["signed_in"].get("/journal/")]
        pages += [Client().get(page) for page in made["shared_pages"]]
        rotation = StringIO()
        call_command("reencrypt", "--dry-run", stdout=rotation)
        # The counters came back too: new rows get new ids.
        new_entry = make_entry(made["person"], note="Written after the restore.")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original_name

    assert after == before
    # Still signed in (the session came back), and both links open their pages.
    assert [page.status_code for page in pages] == [200, 200, 200]
    assert SHARED_NOTE in pages[1].content.decode()
    assert "Alex" in pages[2].content.decode()
    assert rotation.getvalue().startswith("0 values would be re-encrypted")
    assert new_entry.pk > max(Entry.objects.values_list("pk", flat=True))
    assert ShareLinkView.objects.exists() and ShareLink.objects.count() == 2
