"""Repair therapy sessions whose start time no page can load.

Before imports checked them, a file could store a session starting at, say,
"0001-01-01T00:00:00+14:00": on PostgreSQL that is a moment in 1 BC, which psycopg
refuses to load ("timestamp too small"), so the sessions pages and the export
answered 500 for that person. A start in year 1 (or year 9999) that does load still
breaks a page once shown in a zone behind (or ahead of) UTC. Such a time was never
chosen by anyone: it came from a crafted or damaged file.

Which rows: those starting before 0002-01-01 or from 9999-01-01 (UTC), found in SQL
without loading them. The repair keeps every row's id, so its stars
(journal_sessionstar) and talk points (journal_talkpoint) stay with it:

- A session a schedule gave a date (``scheduled_on``) starts on that date at the
  schedule's time (noon when the schedule is gone), on the wall clock of the
  session's own zone: what the schedule would have made.
- Any other session has no date anyone chose. It is put at the journal's earliest
  moment, 2000-01-01 00:00 UTC, and marked skipped: a past, skipped session is
  shown as held nowhere, changes no "since my last session" span and cannot be
  moved, yet it and what belongs to it go out in the export.

On SQLite a moment outside years 1 to 9999 in UTC was never stored: Django turns
the time into UTC in Python before writing, which raised (the old 500) and wrote
nothing. A start in year 1 or 9999 that is within them could be stored, and breaks
pages the same way; SQLite keeps it as ISO text, which compares in the same order,
so the same query and repair serve both databases. Reversing is a no-op.
"""

import datetime
import zoneinfo

from django.db import migrations

FIRST_SAFE = datetime.datetime(2, 1, 1, tzinfo=datetime.UTC)
LAST_SAFE = datetime.datetime(9999, 1, 1, tzinfo=datetime.UTC)
# journal.stats.EARLIEST_DAY, at midnight in UTC (copied: migrations stay frozen).
EARLIEST = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
NOON = datetime.time(12)


def _as_date(value):
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _as_time(value):
    return datetime.time.fromisoformat(value) if isinstance(value, str) else value


def _wall_clock(day, at, zone_name):
    """``day`` at ``at`` in the zone, as sessions.dates.local_moment makes it."""
    try:
        zone = zoneinfo.ZoneInfo(zone_name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        zone = datetime.UTC
    moment = datetime.datetime.combine(day, at, tzinfo=zone)
    return moment.astimezone(datetime.UTC)


def repair(apps, schema_editor):
    connection = schema_editor.connection
    adapt = connection.ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.id, s.scheduled_on, s.time_zone, sch.at "
            "FROM journal_therapysession s "
            "LEFT JOIN journal_sessionschedule sch ON sch.id = s.schedule_id "
            "WHERE s.starts_at < %s OR s.starts_at >= %s",
            [adapt(FIRST_SAFE), adapt(LAST_SAFE)],
        )
        broken = cursor.fetchall()
        for pk, scheduled_on, zone_name, at in broken:
            if scheduled_on is not None:
                starts_at = _wall_clock(
                    _as_date(scheduled_on), _as_time(at) or NOON, zone_name
                )
                cursor.execute(
                    "UPDATE journal_therapysession SET starts_at = %s WHERE id = %s",
                    [adapt(starts_at), pk],
                )
            else:
                cursor.execute(
                    "UPDATE journal_therapysession SET starts_at = %s, "
                    "is_skipped = %s WHERE id = %s",
                    [adapt(EARLIEST), True, pk],
                )


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0011_share_links_move_to_sharing"),
    ]

    operations = [
        migrations.RunPython(repair, migrations.RunPython.noop, elidable=True),
    ]
