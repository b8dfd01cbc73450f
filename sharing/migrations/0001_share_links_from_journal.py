"""ShareLink and ShareLinkView move from the journal app to sharing, keeping every row.

Only Django's record of the models moves: the tables keep their names
(``journal_sharelink``, ``journal_sharelinkview``), so the workers of the previous
release keep serving the share page during a deploy, and a database made by an older
version keeps its links and their view logs. The content types move too (renamed,
not remade), so permissions and admin history that point at them follow.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MODELS = ("sharelink", "sharelinkview")


def move_content_types(from_label, to_label):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        for model in MODELS:
            if ContentType.objects.using(db).filter(
                app_label=to_label, model=model
            ).exists():
                continue
            ContentType.objects.using(db).filter(
                app_label=from_label, model=model
            ).update(app_label=to_label)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("journal", "0010_therapy_sessions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ShareLink",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("token_hash", models.CharField(editable=False, max_length=64, unique=True)),
                        ("weeks", models.PositiveSmallIntegerField(choices=[(4, "The last 4 weeks"), (8, "The last 8 weeks"), (12, "The last 12 weeks")], null=True)),
                        ("is_since_last_session", models.BooleanField(default=False)),
                        ("include_notes", models.BooleanField(default=False)),
                        ("display_name", models.CharField(blank=True, max_length=60, verbose_name="display name")),
                        ("first_day", models.DateField()),
                        ("last_day", models.DateField()),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("expires_at", models.DateTimeField()),
                        ("revoked_at", models.DateTimeField(blank=True, null=True)),
                        ("view_count", models.PositiveIntegerField(default=0)),
                        ("last_viewed_at", models.DateTimeField(blank=True, null=True)),
                        ("owner", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="share_links", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "journal_sharelink",
                        "ordering": ["-created_at"],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(models.Q(("is_since_last_session", False), ("weeks__in", [4, 8, 12])), models.Q(("is_since_last_session", True), ("weeks__isnull", True)), _connector="OR"),
                                name="share_link_span_valid",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="ShareLinkView",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("viewed_at", models.DateTimeField()),
                        ("browser", models.CharField(blank=True, max_length=40)),
                        ("system", models.CharField(blank=True, max_length=40)),
                        ("visitor_mark", models.CharField(blank=True, editable=False, max_length=64)),
                        ("link", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="views", to="sharing.sharelink")),
                    ],
                    options={
                        "db_table": "journal_sharelinkview",
                        "ordering": ["-viewed_at"],
                        "indexes": [
                            models.Index(fields=["link", "-viewed_at"], name="share_view_link_time_idx"),
                            models.Index(condition=models.Q(("visitor_mark", ""), _negated=True), fields=["viewed_at"], name="share_view_marked_idx"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            move_content_types("journal", "sharing"),
            move_content_types("sharing", "journal"),
        ),
    ]
