"""Entries saved from a guided exercise before named skills existed name the
exercise's built-in skill, as new ones do (the thought record is "thought-record")."""

from django.db import migrations

EXERCISE_TECHNIQUES = {
    "name-the-feeling": "name-the-feeling",
    "ride-the-wave": "ride-the-wave",
    "thought-record": "thought-record",
    "conversation-plan": "i-statements",
    "activity-plan": "activity-scheduling",
}


def name_their_skill(apps, schema_editor):
    Entry = apps.get_model("journal", "Entry")
    for exercise, technique in EXERCISE_TECHNIQUES.items():
        Entry.objects.filter(
            exercise=exercise, technique="", named_skill__isnull=True
        ).update(technique=technique)


class Migration(migrations.Migration):
    dependencies = [("journal", "0014_named_skills")]

    operations = [migrations.RunPython(name_their_skill, migrations.RunPython.noop)]
