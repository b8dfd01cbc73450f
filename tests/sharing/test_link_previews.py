"""Link previews and prefetches are not people reading (no database)."""

import pytest

from sharing.previews import is_preview
from tests.user_agents import (
    CHROME_ANDROID,
    EDGE_WINDOWS,
    FIREFOX_WINDOWS,
    SAFARI_IPHONE,
)


@pytest.mark.parametrize(
    "user_agent",
    [
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "WhatsApp/2.23.20.0 A",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Twitterbot/1.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "http.rb/5.1.1 (Mastodon/4.2.0; +https://mastodon.social/)",
    ],
)
def test_link_preview_bots_are_previews(user_agent):
    assert is_preview({"User-Agent": user_agent})


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Purpose": "prefetch"},
        {"Sec-Purpose": "prefetch;prerender"},
        {"Purpose": "prefetch"},
        {"X-Purpose": "preview"},
        {"X-Moz": "prefetch"},
    ],
)
def test_prefetches_are_previews(headers):
    assert is_preview({"User-Agent": FIREFOX_WINDOWS, **headers})


@pytest.mark.parametrize(
    "user_agent", [FIREFOX_WINDOWS, SAFARI_IPHONE, CHROME_ANDROID, EDGE_WINDOWS, ""]
)
def test_a_person_in_a_browser_is_not_a_preview(user_agent):
    assert not is_preview({"User-Agent": user_agent})
