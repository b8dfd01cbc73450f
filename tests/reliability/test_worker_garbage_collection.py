"""A gunicorn worker freezes what its first requests leave behind, after answering.

Left in the collector's oldest generation, those objects (compiled templates,
catalogues, caches) were walked by every full collection, in the middle of a
request: see config/gunicorn.py.
"""

import gc
import importlib.util
from pathlib import Path
from types import SimpleNamespace

import pytest

CONFIG_FILE = Path(__file__).resolve().parents[2] / "config" / "gunicorn.py"


@pytest.fixture
def gunicorn_settings():
    spec = importlib.util.spec_from_file_location("gunicorn_settings", CONFIG_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    gc.unfreeze()  # this test process goes on collecting as before


def after_request(settings, number):
    worker = SimpleNamespace(nr=number)
    settings.post_request(worker, req=None, environ={}, resp=None)


def test_the_first_request_freezes_what_it_left(gunicorn_settings):
    gc.unfreeze()
    long_lived = [[n] for n in range(1000)]  # lists: always tracked

    after_request(gunicorn_settings, 1)

    assert gc.get_freeze_count() >= len(long_lived)
    still_walked = {id(item) for item in gc.get_objects()}
    assert not still_walked & {id(item) for item in long_lived}


def test_later_requests_freeze_only_at_the_set_counts(gunicorn_settings):
    gc.unfreeze()
    after_request(gunicorn_settings, 1)
    frozen = gc.get_freeze_count()
    made_since = [[n] for n in range(1000)]

    for number in range(2, 10):
        after_request(gunicorn_settings, number)
    # Nothing new frozen (the thousand lists above would be): an exact count would
    # also see a frozen object freed meanwhile by another thread (pytest-xdist's).
    assert gc.get_freeze_count() < frozen + len(made_since)

    after_request(gunicorn_settings, 10)
    assert gc.get_freeze_count() >= frozen + len(made_since)
