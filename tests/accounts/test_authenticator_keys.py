"""Authenticator keys are encrypted at rest, rotate with the field keys, and stay
out of the admin (accounts.models.AuthenticatorDevice)."""

import base64
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django_otp.oath import TOTP

from accounts import two_factor
from accounts.models import AuthenticatorDevice
from tests.factories import make_user, sign_in_with_second_factor

pytestmark = pytest.mark.django_db

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()
HEX_KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key


def code_for(hex_key: str) -> str:
    return f"{TOTP(bytes.fromhex(hex_key)).token():06d}"


def stored_key(device) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT key FROM accounts_authenticatordevice WHERE id = %s", [device.pk]
        )
        return cursor.fetchone()[0]


@pytest.fixture
def river(db):
    return make_user("river")


def test_the_database_row_holds_no_readable_key(river):
    device = two_factor.pending_device(river)
    base32 = base64.b32encode(device.bin_key).decode().rstrip("=")

    stored = stored_key(device)

    assert device.key.lower() not in stored.lower()
    assert base32 not in stored.upper()
    assert stored.startswith("gAAAAA")


def test_a_used_code_is_refused_the_second_time(river):
    device = AuthenticatorDevice.objects.create(user=river, key=HEX_KEY)
    code = code_for(HEX_KEY)

    first = two_factor.verify(river, code)
    again = two_factor.verify(river, code)

    assert first == device
    assert again is None


def test_reencrypt_moves_the_key_to_the_newest_key(river, settings):
    settings.FIELD_ENCRYPTION_KEYS = [OLD_KEY]
    device = AuthenticatorDevice.objects.create(user=river, key=HEX_KEY)
    settings.FIELD_ENCRYPTION_KEYS = [NEW_KEY, OLD_KEY]

    call_command("reencrypt", stdout=StringIO())

    token = stored_key(device).encode()
    assert Fernet(NEW_KEY.encode()).decrypt(token).decode() == HEX_KEY


def test_the_admin_shows_no_authenticator_and_no_key(client):
    boss = User.objects.create_superuser("boss", "boss@example.org", "a-long-password")
    sign_in_with_second_factor(client, boss)
    key = AuthenticatorDevice.objects.get(user=boss).key

    index = client.get("/admin/").content.decode()
    old_list = client.get("/admin/otp_totp/totpdevice/")
    new_list = client.get("/admin/accounts/authenticatordevice/")

    assert "totpdevice" not in index and "authenticatordevice" not in index
    assert key not in index
    assert old_list.status_code == 404
    assert new_list.status_code == 404


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_a_device_and_its_codes_still_verify():
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", "0009_authenticator_device")])
    old_apps = executor.loader.project_state(
        [("accounts", "0009_authenticator_device"), ("otp_totp", "0003_add_timestamps")]
    ).apps
    OldUser = old_apps.get_model("auth", "User")
    OldDevice = old_apps.get_model("otp_totp", "TOTPDevice")
    sam = OldUser.objects.create(username="sam", password="!")
    OldDevice.objects.create(
        user=sam, name="Phone", confirmed=True, key=HEX_KEY, last_t=41, drift=1
    )

    MigrationExecutor(connection).migrate(
        MigrationExecutor(connection).loader.graph.leaf_nodes()
    )

    device = AuthenticatorDevice.objects.get(user__username="sam")
    assert (device.key, device.last_t, device.drift) == (HEX_KEY, 41, 1)
    assert (device.name, device.confirmed) == ("Phone", True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM otp_totp_totpdevice")
        assert cursor.fetchone()[0] == 0
    assert two_factor.verify(device.user, code_for(HEX_KEY)) == device
