"""The smoke test's visitor (scripts/smoke.sh): signs up, logs an entry and finds it
on Today, through the published port, like a person with a browser. Standard
library only, so it runs on the host with any Python 3.
"""

import datetime
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The form's hidden fields (the entry form's uuid, which makes a resent form
# harmless), sent back as a browser would.
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')


class Visitor:
    def __init__(self, base: str):
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post_form(self, path: str, fields: dict) -> tuple[str, str]:
        _url, page = self.get(path)
        match = TOKEN.search(page)
        if match is None:
            raise SystemExit(f"no form on {path}")
        hidden = dict(HIDDEN.findall(page))
        body = urllib.parse.urlencode(
            {**hidden, **fields, "csrfmiddlewaretoken": match[1]}
        )
        with self.opener.open(self.base + path, body.encode(), timeout=30) as response:
            return response.geturl(), response.read().decode()


def main(base: str) -> None:
    visitor = Visitor(base)
    username = "smoke-" + datetime.datetime.now().strftime("%H%M%S")
    password = "a-long-smoke-test-password-42"  # noqa: S105 - a throw-away site
    url, _page = visitor.post_form(
        "/accounts/signup/",
        {
            "username": username,
            "email": "",
            "password1": password,
            "password2": password,
            "time_zone": "UTC",
        },
    )
    print(f"signed up as {username}; now at {urllib.parse.urlsplit(url).path}")
    note = "Smoke test: named the feeling before answering."
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    url, _page = visitor.post_form(
        "/journal/entries/new/",
        {"practiced_on": today, "skill": "emotional-regulation", "note": note},
    )
    print(f"logged an entry; now at {urllib.parse.urlsplit(url).path}")
    _url, today_page = visitor.get("/journal/")
    if note not in today_page:
        raise SystemExit("the entry is not on Today")
    print("Today shows the entry")


if __name__ == "__main__":
    main(sys.argv[1])
