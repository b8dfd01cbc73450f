"""Requests that fetch a share link without a person reading it (pure).

Link previews in chat apps, crawlers and browsers fetching ahead of time would
otherwise show up in the owner's view log as a therapist reading the summary.
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


def is_preview(headers: Mapping[str, str]) -> bool:
    """True for a prefetch, a link preview or a crawler: nobody is reading yet."""
    for name in PREFETCH_HEADERS:
        value = headers.get(name, "").lower()
        if any(word in value for word in PREFETCH_WORDS):
            return True
    agent = headers.get("User-Agent", "").lower()
    return any(token in agent for token in PREVIEW_AGENTS)
