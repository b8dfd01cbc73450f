"""Browser families and systems, read from user agents (no database)."""

import pytest

from core.user_agents import browser_family, describe, operating_system
from tests.user_agents import (
    CHROME_ANDROID,
    CHROME_CHROMEOS,
    CHROME_IPAD,
    EDGE_WINDOWS,
    FIREFOX_IPHONE,
    FIREFOX_WINDOWS,
    OPERA_LINUX,
    SAFARI_IPHONE,
    SAFARI_MAC,
    SAMSUNG_ANDROID,
)


@pytest.mark.parametrize(
    ("user_agent", "label"),
    [
        (FIREFOX_WINDOWS, "Firefox on Windows"),
        (SAFARI_IPHONE, "Safari on iPhone"),
        (CHROME_ANDROID, "Chrome on Android"),
        (EDGE_WINDOWS, "Edge on Windows"),
        (SAFARI_MAC, "Safari on macOS"),
        (CHROME_IPAD, "Chrome on iPad"),
        (FIREFOX_IPHONE, "Firefox on iPhone"),
        (SAMSUNG_ANDROID, "Samsung Internet on Android"),
        (OPERA_LINUX, "Opera on Linux"),
        (CHROME_CHROMEOS, "Chrome on ChromeOS"),
        ("Firefox/128.0", "Firefox"),
    ],
)
def test_a_browser_is_named_by_its_family_and_system(user_agent, label):
    assert describe(browser_family(user_agent), operating_system(user_agent)) == label


@pytest.mark.parametrize("user_agent", ["", "curl/8.5.0", "Python-urllib/3.11"])
def test_what_cannot_be_named_is_left_blank(user_agent):
    assert (browser_family(user_agent), operating_system(user_agent)) == ("", "")


def test_the_name_never_keeps_the_version_or_the_device_model():
    label = describe(browser_family(SAMSUNG_ANDROID), operating_system(SAMSUNG_ANDROID))

    assert "25.0" not in label and "SM-S918B" not in label
