"""Profile now belongs to the accounts app; its table and rows are untouched here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0003_share_link"),
        ("accounts", "0001_profile_from_journal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Profile")],
            database_operations=[],
        ),
    ]
