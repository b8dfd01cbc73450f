"""Where each person lives, for the crisis lines they are shown.

Existing profiles get the country of their time zone (accounts.timezones), the same
guess sign-up makes; a profile on UTC (or any zone that names no country) stays
blank, which shows the US lines and the international directory as before.
"""

from django.db import migrations, models

from accounts.timezones import country_of_time_zone

BATCH = 500


def guess_countries(apps, schema_editor):
    Profile = apps.get_model("accounts", "Profile")
    unknown = Profile.objects.filter(country="").only("pk", "time_zone").order_by("pk")
    guessed = []
    for profile in unknown.iterator(chunk_size=BATCH):
        country = country_of_time_zone(profile.time_zone)
        if country:
            profile.country = country
            guessed.append(profile)
    Profile.objects.bulk_update(guessed, ["country"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0011_profile_has_seen_welcome"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="country",
            field=models.CharField(blank=True, max_length=2, verbose_name="country"),
        ),
        migrations.RunPython(guess_countries, migrations.RunPython.noop),
    ]
