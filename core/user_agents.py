"""A few words for a browser, from its user agent: "Firefox on Windows".

Only the family and the system are kept, never the full string: it is enough for a
person to recognise their own devices, and says little about them to anyone else.
"""

import re

from django.utils.translation import gettext as _

# Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
BROWSERS = [
    ("Edge", re.compile(r"\bEdg(e|A|iOS)?/")),
    ("Opera", re.compile(r"\b(OPR|Opera)/")),
    ("Samsung Internet", re.compile(r"\bSamsungBrowser/")),
    ("Firefox", re.compile(r"\b(Firefox|FxiOS)/")),
    ("Chrome", re.compile(r"(Chrome|CriOS|Chromium)/")),
    ("Safari", re.compile(r"\bSafari/")),
]
SYSTEMS = [
    ("iPhone", re.compile(r"\biPhone\b")),
    ("iPad", re.compile(r"\biPad\b")),
    ("Android", re.compile(r"\bAndroid\b")),
    ("ChromeOS", re.compile(r"\bCrOS\b")),
    ("Windows", re.compile(r"\bWindows\b")),
    ("macOS", re.compile(r"\bMac OS X\b|\bMacintosh\b")),
    ("Linux", re.compile(r"\bLinux\b")),
]


def _first_match(rules, user_agent: str) -> str:
    return next((name for name, pattern in rules if pattern.search(user_agent)), "")


def browser_family(user_agent: str) -> str:
    """The browser's name, or "" when it cannot be told."""
    return _first_match(BROWSERS, user_agent or "")


def operating_system(user_agent: str) -> str:
    """The system's name, or "" when it cannot be told."""
    return _first_match(SYSTEMS, user_agent or "")


def describe(browser: str, system: str) -> str:
    """ "Firefox on Windows", "Safari on iPhone", "Chrome", or "" for unknown."""
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser or system
