"""The text of /.well-known/security.txt (RFC 9116), from settings passed in."""

import datetime

PREFERRED_LANGUAGES = ("en", "es")


def security_txt(contact: str, expires_on: datetime.date, canonical_url: str) -> str:
    """The file's fields, one per line; Canonical only when a URL is given."""
    # RFC 9116 wants an RFC 3339 time: the file goes stale at the start of that day.
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires_on.isoformat()}T00:00:00Z",
        f"Preferred-Languages: {', '.join(PREFERRED_LANGUAGES)}",
    ]
    if canonical_url:
        lines.append(f"Canonical: {canonical_url}")
    return "\n".join(lines) + "\n"
