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


def logging_config(level: str) -> dict:
    """Every log line goes through the redaction filter (core/log_filters.py): no
    journal text, share token, search word or reset, confirm or unsubscribe link."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact_secrets": {"()": "core.log_filters.RedactSecretsFilter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["redact_secrets"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own loggers pass the request path: filter them at the source too.
            "django.request": {"filters": ["redact_secrets"]},
            "django.server": {"filters": ["redact_secrets"]},
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }
