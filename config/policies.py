"""The site's fixed policies, kept out of settings.py (which reads the environment):
what a page may load, and how log lines are written.
"""

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # Bootstrap draws checkboxes, selects and the menu icon as data: SVGs.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# The push services of the browsers in use: where a subscription may point.
PUSH_SERVICES = [
    "fcm.googleapis.com",
    "updates.push.services.mozilla.com",
    "push.services.mozilla.com",
    "web.push.apple.com",
    "notify.windows.com",
]


def logging_config(level: str, line_format: str = "text") -> dict:
    """Every log line goes through the redaction filter (core/log_filters.py): no
    journal text, share token, search word or reset, confirm or unsubscribe link.
    With line_format "json" each line is one JSON object (core/log_format.py)."""
    console = {"class": "logging.StreamHandler", "filters": ["redact_secrets"]}
    if line_format == "json":
        console["formatter"] = "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact_secrets": {"()": "core.log_filters.RedactSecretsFilter"}},
        "formatters": {"json": {"()": "core.log_format.JsonFormatter"}},
        "handlers": {"console": console},
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own loggers pass the request path: filter them at the source too.
            "django.request": {"filters": ["redact_secrets"]},
            "django.server": {"filters": ["redact_secrets"]},
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
