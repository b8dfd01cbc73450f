"""Move every authenticator out of django-otp's table, whose keys are plain text.

Each TOTPDevice becomes an AuthenticatorDevice with the same key (now encrypted),
time step, drift and last used step (so a code already used stays used), name and
confirmation; then the old rows are deleted, so no plain key is left behind. Sessions
that passed a code with an old device simply count as signed in without one.
"""

from django.db import migrations

COPIED = (
    "user_id",
    "name",
    "confirmed",
    "key",
    "step",
    "t0",
    "digits",
    "tolerance",
    "drift",
    "last_t",
    "throttling_failure_timestamp",
    "throttling_failure_count",
    "created_at",
    "last_used_at",
)


def _copy(source, target):
    for device in source.objects.order_by("pk"):
        target.objects.create(**{field: getattr(device, field) for field in COPIED})
    source.objects.all().delete()


def move_to_encrypted(apps, schema_editor):
    _copy(
        apps.get_model("otp_totp", "TOTPDevice"),
        apps.get_model("accounts", "AuthenticatorDevice"),
    )


def move_back(apps, schema_editor):
    _copy(
        apps.get_model("accounts", "AuthenticatorDevice"),
        apps.get_model("otp_totp", "TOTPDevice"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0009_authenticator_device"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(move_to_encrypted, move_back)]
