"""Keep secrets out of log lines.

Share tokens are working keys to someone's therapy notes, and search words can be
as private as the notes themselves, so no log line may carry either.
"""

import logging
import re

from django.views.debug import SafeExceptionReporterFilter

SHARE_TOKEN = re.compile(r"/share/[^/\s?\"']+")
# Password-reset and e-mail confirm links work for whoever holds them.
RESET_LINK = re.compile(r"/accounts/reset/[^/\s?\"']+/[^/\s?\"']+")
CONFIRM_LINK = re.compile(r"/accounts/email/confirm/[^/\s?\"']+")
# An unsubscribe link turns someone's reminders off without a log-in.
UNSUBSCRIBE_LINK = re.compile(r"/accounts/reminders/unsubscribe/[^/\s?\"']+")
QUERY_STRING = re.compile(r"\?[^\s\"']*")


def redact(text: str) -> str:
    """Replace share tokens, reset, confirm and unsubscribe links, and query
    strings."""
    text = SHARE_TOKEN.sub("/share/[redacted]", text)
    text = RESET_LINK.sub("/accounts/reset/[redacted]", text)
    text = CONFIRM_LINK.sub("/accounts/email/confirm/[redacted]", text)
    text = UNSUBSCRIBE_LINK.sub("/accounts/reminders/unsubscribe/[redacted]", text)
    return QUERY_STRING.sub("?[redacted]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


class PrivateExceptionReporterFilter(SafeExceptionReporterFilter):
    """Error reports list which fields were posted, never what was typed in them."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)
