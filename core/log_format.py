"""Log lines as JSON objects (DJANGO_LOG_FORMAT=json), for log collectors.

The same redaction as the text lines: the filter (core/log_filters.py) has already
cleaned the message; a traceback's text is cleaned here too, since an exception's
message may quote a path with a share token or a query string.
"""

import datetime
import json
import logging

from core.log_filters import redact


def json_line(fields: dict) -> str:
    return json.dumps(fields, ensure_ascii=False, default=str)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC)
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
        }
        if record.exc_info:
            fields["exception"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            fields["stack"] = redact(self.formatStack(record.stack_info))
        return json_line(fields)
