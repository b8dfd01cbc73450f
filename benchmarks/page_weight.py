"""What a first visit costs: requests and compressed bytes until the page has loaded.

Used by the page benchmark (against gunicorn) and by a browser test (against the live
test server). A response the server sent uncompressed (the HTML: in production the
proxy in front compresses it; whitenoise already sends static files compressed) is
counted as gzip would send it, so both measure what travels to a phone.
"""

import gzip

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def transferred(response) -> int:
    sizes = response.request.sizes()
    headers = sizes["responseHeadersSize"]
    encoding = response.headers.get("content-encoding", "")
    kind = response.headers.get("content-type", "")
    if encoding or not kind.startswith(TEXT_TYPES):
        return headers + sizes["responseBodySize"]
    return headers + len(gzip.compress(response.body()))


def measure(page, url: str) -> dict:
    """Load url in page; requests made and bytes transferred until the load event."""
    responses = []

    def note(response):
        responses.append(response)

    page.on("response", note)
    page.goto(url, wait_until="load")
    loaded = list(responses)
    page.remove_listener("response", note)
    return {
        "requests": len(loaded),
        "bytes": sum(transferred(response) for response in loaded),
        "urls": [response.url for response in loaded],
    }


def first_visit_weight(base_url: str, path: str, *, session_key: str) -> dict:
    """A signed-in person's first visit (empty browser cache) to base_url + path."""
    from urllib.parse import urlparse

    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            context.add_cookies(
                [
                    {
                        "name": "sessionid",
                        "value": session_key,
                        "domain": urlparse(base_url).hostname,
                        "path": "/",
                    }
                ]
            )
            return measure(context.new_page(), base_url + path)
        finally:
            browser.close()
