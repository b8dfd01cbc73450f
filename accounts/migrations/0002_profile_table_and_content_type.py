"""Give Profile its own app's table name, and move its content type along.

Renaming the content type row (rather than letting Django make a new one) keeps the
permissions and admin history that point at it.
"""

from django.db import migrations


def move_content_type(from_label, to_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        if ContentType.objects.using(db).filter(
            app_label=to_label, model="profile"
        ).exists():
            return
        ContentType.objects.using(db).filter(
            app_label=from_label, model="profile"
        ).update(app_label=to_label)

    return move


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_profile_from_journal"),
        ("journal", "0004_profile_moves_to_accounts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelTable(name="profile", table=None),
        migrations.RunPython(
            move_content_type("journal", "accounts"),
            move_content_type("accounts", "journal"),
        ),
    ]
