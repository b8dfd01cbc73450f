"""Profile moves from the journal app to accounts, keeping every row.

Only Django's record of the model moves here: the table stays ``journal_profile``
until 0002 renames it, so a database made by an older version keeps its profiles.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("journal", "0003_share_link"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Profile",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("display_name", models.CharField(blank=True, max_length=60, verbose_name="display name")),
                        ("time_zone", models.CharField(default="UTC", max_length=64, verbose_name="time zone")),
                        ("week_start", models.CharField(choices=[("monday", "Monday"), ("sunday", "Sunday")], default="monday", max_length=6, verbose_name="week starts on")),
                        ("language", models.CharField(choices=[("en", "English")], default="en", max_length=8, verbose_name="language")),
                        ("user", models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="profile", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={"db_table": "journal_profile"},
                ),
            ],
            database_operations=[],
        ),
    ]
