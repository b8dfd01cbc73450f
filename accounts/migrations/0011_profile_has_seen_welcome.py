"""The first run is asked once, and only of people who sign up from now on.

The column is added with True, so every existing profile counts as having seen it;
then the default becomes False for the profiles sign-up makes from here on.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0010_authenticator_keys_from_django_otp"),
    ]

    operations = [
        migrations.AddField(
            model_name="profile",
            name="has_seen_welcome",
            field=models.BooleanField(default=True, editable=False),
        ),
        migrations.AlterField(
            model_name="profile",
            name="has_seen_welcome",
            field=models.BooleanField(default=False, editable=False),
        ),
    ]
