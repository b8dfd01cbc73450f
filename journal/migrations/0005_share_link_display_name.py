"""Each share link names the person as they chose for it, never by username.

Links made before this showed the profile's display name; they keep showing it.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def copy_profile_names(apps, schema_editor):
    ShareLink = apps.get_model("journal", "ShareLink")
    Profile = apps.get_model("accounts", "Profile")
    profile_name = Profile.objects.filter(user=OuterRef("owner")).values(
        "display_name"
    )[:1]
    # An owner without a profile row (older accounts) gets no name, not NULL.
    ShareLink.objects.update(display_name=Coalesce(Subquery(profile_name), Value("")))


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0004_profile_moves_to_accounts"),
        ("accounts", "0002_profile_table_and_content_type"),
    ]

    operations = [
        migrations.AddField(
            model_name="sharelink",
            name="display_name",
            field=models.CharField(
                blank=True, max_length=60, verbose_name="display name"
            ),
        ),
        migrations.RunPython(copy_profile_names, migrations.RunPython.noop),
    ]
