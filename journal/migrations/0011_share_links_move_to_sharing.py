"""ShareLink and ShareLinkView now belong to the sharing app.

Only Django's record of the models moves (sharing 0001 takes them up); their tables,
rows, indexes and constraints are untouched, so a live link keeps opening.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0010_therapy_sessions"),
        ("sharing", "0001_share_links_from_journal"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ShareLinkView"),
                migrations.DeleteModel(name="ShareLink"),
            ],
            database_operations=[],
        ),
    ]
