"""Journal text is stored encrypted (core/encryption.py); existing rows are encrypted.

In three steps, so the data step sees plain text columns: the situation column
becomes unbounded text (a token is longer than its text), every existing value is
encrypted under the newest key, then the fields become encrypted fields (no change
to the columns). Reversible: the data step decrypts.
"""

from django.db import migrations, models

import core.encryption

ENTRY_FIELDS = ["note", "situation"]
REFLECTION_FIELDS = ["what_helped", "what_was_hard", "for_next_session"]


def _convert(apps, change):
    for model_name, fields in (
        ("Entry", ENTRY_FIELDS),
        ("WeeklyReflection", REFLECTION_FIELDS),
    ):
        model = apps.get_model("journal", model_name)
        for row in model.objects.values("pk", *fields).iterator(chunk_size=500):
            values = {name: change(row[name]) for name in fields}
            model.objects.filter(pk=row["pk"]).update(**values)


def encrypt_rows(apps, schema_editor):
    _convert(apps, core.encryption.encrypt)


def decrypt_rows(apps, schema_editor):
    _convert(apps, core.encryption.decrypt)


def plain(verbose_name, max_length, blank=False):
    return models.TextField(verbose_name=verbose_name, max_length=max_length, blank=blank)


def encrypted(verbose_name, max_length, blank=False):
    return core.encryption.EncryptedTextField(
        verbose_name=verbose_name, max_length=max_length, blank=blank
    )


FIELDS = [
    ("entry", "note", "what happened", 2000, False),
    ("entry", "situation", "situation", 280, True),
    ("weeklyreflection", "what_helped", "What helped this week?", 2000, True),
    ("weeklyreflection", "what_was_hard", "What was hard?", 2000, True),
    (
        "weeklyreflection",
        "for_next_session",
        "What do you want to bring to your next session?",
        2000,
        True,
    ),
]


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0006_share_link_view_log"),
    ]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="situation",
            field=plain("situation", 280, blank=True),
        ),
        migrations.RunPython(encrypt_rows, decrypt_rows),
        *[
            migrations.AlterField(
                model_name=model_name,
                name=name,
                field=encrypted(verbose_name, max_length, blank),
            )
            for model_name, name, verbose_name, max_length, blank in FIELDS
        ],
    ]
