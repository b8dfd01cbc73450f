"""The person's reads that Today and the history make on every visit, prepared
(core/prepared.py): their SQL built once per process, run with the person's id and
day.

Each is the QuerySet a page would write; core/prepared.py says why and what it
checks. They leave out the join to an entry's or an item's own named skill: the
page takes it from the catalogue it already read (Catalogue.name_own_skills).
"""

import datetime

from core.prepared import PreparedRead
from journal.models import ActivityPlan, Entry, NamedSkill, PracticeItem

# Samples of the values: any person's id, any day (core/prepared.py varies them).
_ID, _DAY = 1, datetime.date(2000, 1, 1)

# Today shows the day's latest entries; the history holds the rest.
TODAY_SHOWN = 20
# Plans due today (or left from earlier days) shown on Today; the rest are a tap away.
TODAY_PLANS_SHOWN = 5
# What Today does not show of a practice plan's item: three texts left unread.
TODAY_UNREAD = ("why", "obstacle", "then")

# The day's entries, newest first, one more than shown (only a busy day pays for
# counting the rest).
todays_entries = PreparedRead(
    lambda owner_id, day: (
        Entry.objects.filter(owner_id=owner_id, practiced_on=day)
        .for_cards()
        .order_by("-created_at")[: TODAY_SHOWN + 1]
    ),
    _ID,
    _DAY,
)

# Open activity plans for the day or left from earlier, soonest first, one more
# than shown.
due_plans = PreparedRead(
    lambda owner_id, day: ActivityPlan.objects.for_user(owner_id).due(day)[
        : TODAY_PLANS_SHOWN + 1
    ],
    _ID,
    _DAY,
)

# The history's first page when nothing is filtered: the latest entries, as cards.
HISTORY_PAGE = 25
latest_entries = PreparedRead(
    lambda owner_id: (
        Entry.objects.for_user(owner_id)
        .for_cards()
        .order_by("-practiced_on", "-created_at")[:HISTORY_PAGE]
    ),
    _ID,
)

# The person's own named skills, in the order they added them.
own_skills = PreparedRead(lambda owner_id: NamedSkill.objects.for_user(owner_id), _ID)

# A practice plan's items as Today shows them, in their order.
plan_items = PreparedRead(
    lambda plan_id: (
        PracticeItem.objects.defer(*TODAY_UNREAD)
        .filter(plan_id=plan_id)
        .order_by("position", "pk")
    ),
    _ID,
)
