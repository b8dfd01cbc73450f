"""A tiny HTTP client for tests against pytest-django's live server.

Plain http.client, so concurrent threads each hold their own connection and nothing
follows redirects behind the test's back.
"""

import http.client
import re
import urllib.parse

from django.conf import settings
from django.test import Client

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class LiveSession:
    """A signed-in browser stand-in: session cookie, CSRF cookie and token."""

    def __init__(self, live_server_url: str, user):
        parsed = urllib.parse.urlparse(live_server_url)
        self.host, self.port = parsed.hostname, parsed.port
        client = Client()
        client.force_login(user)
        self.cookies = {
            settings.SESSION_COOKIE_NAME: client.cookies[
                settings.SESSION_COOKIE_NAME
            ].value
        }
        status, _headers, body = self.request("GET", "/journal/")
        assert status == 200, status
        self.csrf_token = CSRF_FIELD.search(body).group(1)

    def request(self, method: str, path: str, fields: dict | None = None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(
                {**fields, "csrfmiddlewaretoken": self.csrf_token}
            )
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}/journal/"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), text
        finally:
            connection.close()
