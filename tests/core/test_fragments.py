"""{% cache_with_token %}: a kept fragment with a form gets each response's token."""

import re

import pytest
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.middleware.csrf import _does_token_match  # Django's own check
from django.template import engines
from django.test import RequestFactory

TEMPLATE = (
    "{% load fragments %}{% cache_with_token 60 a-form which %}"
    '<form method="post">{% csrf_token %}<button>Go</button></form>{{ drawn }}'
    "{% endcache_with_token %}"
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def render(**context):
    request = RequestFactory().get("/")
    template = engines["django"].from_string(TEMPLATE)
    return template.render({"which": "one", **context}, request), request


def test_the_fragment_is_kept_and_each_response_gets_its_own_token():
    first, first_request = render(drawn="first drawing")
    again, again_request = render(drawn="second drawing")

    assert "first drawing" in again  # kept, not drawn again
    assert TOKEN.search(first).group(1) != TOKEN.search(again).group(1)
    for html, request in ((first, first_request), (again, again_request)):
        # This request's secret, masked: what CsrfViewMiddleware will accept.
        secret = request.META["CSRF_COOKIE"]
        assert _does_token_match(TOKEN.search(html).group(1), secret)


@pytest.mark.parametrize("token", [None, "NOTPROVIDED"])
def test_without_a_token_there_is_no_token_field(token):
    template = engines["django"].from_string(TEMPLATE)

    html = template.render({"which": "two", "csrf_token": token})

    assert "csrfmiddlewaretoken" not in html
    assert "<button>Go</button>" in html


def test_the_cache_never_holds_a_real_token():
    html, request = render()

    kept = cache.get(make_template_fragment_key("a-form", ["one"]))
    assert "<button>Go</button>" in kept
    assert TOKEN.search(html).group(1) not in kept
    assert request.META["CSRF_COOKIE"] not in kept
