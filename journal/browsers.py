"""What kind of browser opened a share link, read from request headers (pure).

Only a family and a system are ever kept ("Safari on iPhone"): the full user agent
is detailed enough to help tell one person from another, and the owner only needs
to recognise "that was my therapist on their laptop".
"""

from collections.abc import Mapping

# Link previews and crawlers fetch a page without a person reading it. Matched in
# lower case, anywhere in the user agent.
PREVIEW_AGENTS = (
    "slackbot",
    "slack-imgproxy",
    "whatsapp",
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "twitterbot",
    "telegrambot",
    "discordbot",
    "skypeuripreview",
    "linkedinbot",
    "googlebot",
    "google-inspectiontool",
    "bingbot",
    "bingpreview",
    "applebot",
    "redditbot",
    "pinterestbot",
    "embedly",
    "iframely",
    "vkshare",
    "viber",
    "mastodon/",
    "microsoftpreview",
    "yandexbot",
    "duckduckbot",
    "baiduspider",
    "crawler",
    "spider",
)

# Headers browsers send when they fetch a page ahead of time, before anyone opens it.
PREFETCH_HEADERS = ("Sec-Purpose", "Purpose", "X-Purpose", "X-Moz")
PREFETCH_WORDS = ("prefetch", "prerender", "preview")

# (token in the user agent, family), first match wins: most browsers also claim to
# be Chrome or Safari, so the specific ones come first.
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
MAX_LABEL_LENGTH = 60


def is_preview(headers: Mapping[str, str]) -> bool:
    """True for a prefetch, a link preview or a crawler: nobody is reading yet."""
    for name in PREFETCH_HEADERS:
        value = headers.get(name, "").lower()
        if any(word in value for word in PREFETCH_WORDS):
            return True
    agent = headers.get("User-Agent", "").lower()
    return any(token in agent for token in PREVIEW_AGENTS)


def browser_label(user_agent: str) -> str:
    """ "Firefox on Windows", "Safari on iPhone", "Chrome"; "" when not recognised."""
    agent = user_agent.lower()
    family = _first_match(agent, BROWSER_TOKENS)
    if not family:
        return ""
    system = _first_match(agent, SYSTEM_TOKENS)
    label = f"{family} on {system}" if system else family
    return label[:MAX_LABEL_LENGTH]


def _first_match(agent: str, table) -> str:
    for tokens, name in table:
        if any(token in agent for token in tokens):
            return name
    return ""
