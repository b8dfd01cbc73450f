"""The digest of each person's newest check-ins (journal/card/digest.py), made for
everyone who has check-ins already. A copy of the packing as it is today: a
migration must not change when the app's code does."""

import core.encryption
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


DIGEST_DAYS = 91


def _pack(check_ins) -> dict:
    keys, days = {}, []
    for day, values in check_ins:
        values = values or {}
        answers = []
        for key, answer in (values.get("rows") or {}).items():
            if not answer:
                continue
            index = keys.setdefault(key, len(keys))
            answers += (index, answer.get("value"), answer.get("acted"))
        days.append([day.toordinal(), values.get("skills") is not None, answers])
    return {"keys": list(keys), "days": days}


def make_digests(apps, schema_editor):
    CheckIn = apps.get_model("journal", "CheckIn")
    CheckInDigest = apps.get_model("journal", "CheckInDigest")
    owners = CheckIn.objects.order_by().values_list("owner_id", flat=True).distinct()
    for owner_id in list(owners):
        newest = list(
            CheckIn.objects.filter(owner_id=owner_id)
            .order_by("-day")
            .values_list("day", "values")[: DIGEST_DAYS + 1]
        )
        kept = newest[:DIGEST_DAYS]
        CheckInDigest.objects.update_or_create(
            owner_id=owner_id,
            defaults={
                "days": _pack(kept),
                "complete_from": kept[-1][0] if len(newest) > DIGEST_DAYS else None,
            },
        )


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('journal', '0016_practice_plans'),
    ]

    operations = [
        migrations.CreateModel(
            name='CheckInDigest',
            fields=[
                ('owner', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='check_in_digest', serialize=False, to=settings.AUTH_USER_MODEL)),
                ('days', core.encryption.EncryptedJSONField()),
                ('complete_from', models.DateField(blank=True, null=True)),
            ],
        ),
        # Nothing to undo: going back drops the table with the digests in it.
        migrations.RunPython(make_digests, migrations.RunPython.noop, elidable=True),
    ]
