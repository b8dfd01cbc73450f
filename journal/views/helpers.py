"""Small pieces every view uses."""

import datetime

from django.utils import timezone

from journal.models import profile_for
from journal.timezones import local_today


def posted_data(request):
    """The POST data to bind a form to, or None on GET.

    ``request.POST or None`` would treat an empty POST as a GET and silently show a
    blank form; a POST always binds, so an empty one gets its "required" messages.
    """
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def user_today(user) -> datetime.date:
    """Today's date on the user's own calendar."""
    return local_today(timezone.now(), profile_for(user).time_zone)
