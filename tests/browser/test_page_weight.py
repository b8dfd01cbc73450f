"""A first visit to Today stays light: few requests, few bytes, on a phone.

The budget (issue #19): at most 12 requests and 80 KB transferred, compressed, up to
the page's load event, fonts and icons included. The service worker registers after
the load event, so its precache never competes with the first visit. Bytes are
counted as production sends them (benchmarks/page_weight.py): whitenoise serves
static files compressed and the proxy compresses the HTML.
"""

import pytest

from benchmarks.page_weight import measure
from tests.browser.helpers import PHONE, login

pytestmark = pytest.mark.browser

MOST_REQUESTS = 12
MOST_BYTES = 80 * 1024


def test_a_first_visit_to_today_fits_the_budget(open_context, person, live_server):
    context, _watch = open_context(**PHONE)
    login(context, person, live_server)
    page = context.new_page()

    weight = measure(page, f"{live_server.url}/journal/")

    assert weight["requests"] <= MOST_REQUESTS, weight["urls"]
    assert weight["bytes"] <= MOST_BYTES, weight
    assert not any("/sw.js" in url for url in weight["urls"])
    assert page.get_by_role("heading", name="Log a skill you used").is_visible()
