"""A few words for a browser, from its user agent: "Firefox on Windows".

Only the family and the system are kept, never the full string: it is enough for a
person to recognise their own devices (or "my therapist on their laptop"), and says
little about them to anyone else. Pure functions, no database.
"""

from django.utils.translation import gettext as _

# (tokens in the lower-cased user agent, name), first match wins: most browsers also
# claim to be Chrome or Safari, so the specific ones come first.
BROWSER_TOKENS = (
    (("edg/", "edga/", "edgios/"), "Edge"),
    (("opr/", "opios/", "opera"), "Opera"),
    (("samsungbrowser/",), "Samsung Internet"),
    (("firefox/", "fxios/"), "Firefox"),
    (("crios/", "chrome/", "chromium/"), "Chrome"),
    (("safari/",), "Safari"),
)
SYSTEM_TOKENS = (
    (("iphone",), "iPhone"),
    (("ipad",), "iPad"),
    (("android",), "Android"),
    (("cros ",), "ChromeOS"),
    (("windows",), "Windows"),
    (("macintosh", "mac os x"), "macOS"),
    (("linux",), "Linux"),
)


def _first_match(user_agent: str, table) -> str:
    agent = (user_agent or "").lower()
    for tokens, name in table:
        if any(token in agent for token in tokens):
            return name
    return ""


def browser_family(user_agent: str) -> str:
    """The browser's name, or "" when it cannot be told."""
    return _first_match(user_agent, BROWSER_TOKENS)


def operating_system(user_agent: str) -> str:
    """The system's name, or "" when it cannot be told (or no browser was named)."""
    if not browser_family(user_agent):
        return ""
    return _first_match(user_agent, SYSTEM_TOKENS)


def describe(browser: str, system: str) -> str:
    """ "Firefox on Windows", "Safari on iPhone", "Chrome", or "" for unknown."""
    if browser and system:
        return _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    return browser
