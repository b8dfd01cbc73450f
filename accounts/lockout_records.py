"""What the lock-out records keep, and for how long.

django-axes would keep, for each failed log-in, the query string and the form (a
search word can ride along in ``next``), the full user agent and the Accept header.
None of that decides a pause; it would only make the table a record of what people
looked for and on which exact browser. So a failure keeps the username, the
address, the time, the path and a browser family ("Firefox"), as the sessions list
does, and the periodic job forgets the rows (``forget_old``).
"""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.http import QueryDict

from accounts.lockout import ADDRESS_WINDOW, USERNAME_WINDOW
from accounts.models import LoginFailure
from core.user_agents import browser_family

# Long after any pause (15 minutes) has ended, so an operator can still look into
# an attack a person reports after the "log-in was paused" notice, for a month; no
# longer, so the table never grows into a history of where people were.
RETENTION = datetime.timedelta(days=30)


class MinimalAxesHandler(AxesDatabaseHandler):
    """django-axes' database handler, storing only what the pause needs."""

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        if request is None:
            return super().user_login_failed(sender, credentials, request, **kwargs)
        request.axes_user_agent = browser_family(
            request.META.get("HTTP_USER_AGENT", "")
        )
        request.axes_http_accept = ""
        # Only for the handler's write: the page answering this request still reads
        # its own query and form (where the person was going).
        query, form = request.GET, request.POST
        request.GET = request.POST = QueryDict()
        try:
            return super().user_login_failed(sender, credentials, request, **kwargs)
        finally:
            request.GET, request.POST = query, form


def forget_old(now: datetime.datetime, dry_run: bool) -> str:
    """The periodic job: drop django-axes rows older than RETENTION, and our own
    failure counts once no rule reads them (they are never shown to anyone)."""
    cutoff = now - RETENTION
    old = [
        model.objects.filter(attempt_time__lt=cutoff)
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    ]
    counts = LoginFailure.objects.filter(
        failed_at__lt=now - max(USERNAME_WINDOW, ADDRESS_WINDOW)
    )
    records = sum(rows.count() for rows in old)
    failures = counts.count()
    if not dry_run:
        for rows in old:
            rows.delete()
        counts.delete()
    verb = "would be forgotten" if dry_run else "forgotten"
    return f"{records} lock-out records and {failures} failure counts {verb}."
