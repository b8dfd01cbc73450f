import os

import pytest
from django.conf import settings as django_settings

from tests.factories import make_user, sign_in

# make test runs the suite in two processes (pytest-xdist); the Redis tests empty
# their database, so each process gets its own (gw0: 15, gw1: 14, …).
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _WORKER.startswith("gw") and "TEST_REDIS_URL" not in os.environ:
    os.environ["TEST_REDIS_URL"] = (
        f"redis://127.0.0.1:6379/{max(15 - int(_WORKER[2:]), 8)}"
    )


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests only need a hash that works.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # Tests never depend on a prior collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    # A request for a Spanish reader activates Spanish in this thread, as a web
    # process does per request; code a later test calls directly must not inherit it.
    from django.utils import translation

    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Log-in lock-outs live in the database (rolled back per test); sign-up limits
    # live in the cache, which outlives a test unless cleared.
    from django.core.cache import caches

    def clear():
        # Some tests swap CACHES for their own: clear whichever are configured.
        for alias in django_settings.CACHES:
            caches[alias].clear()

    clear()
    yield
    clear()


@pytest.fixture
def smtp_inbox(settings):
    """A real SMTP server on this machine; Django sends to it; messages land here.

    Proves the SMTP path (connection, envelope, encoding), not only Django's
    in-memory outbox.
    """
    import email
    import socket

    from aiosmtpd.controller import Controller

    received = []

    class Handler:
        async def handle_DATA(self, server, session, envelope):
            message = email.message_from_bytes(envelope.content)
            message.recipients = list(envelope.rcpt_tos)
            received.append(message)
            return "250 OK"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield received
    controller.stop()


@pytest.fixture
def owner(db):
    return make_user("owner")


@pytest.fixture
def other_user(db):
    return make_user("someone-else")


@pytest.fixture
def owner_client(client, owner):
    return sign_in(client, owner)


@pytest.fixture
def other_client(client, other_user):
    return sign_in(client, other_user)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` need a real server; CI runs them on PostgreSQL.

    On the SQLite run they are deselected (reported as such), never silently passed.
    """
    if django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    selected = [item for item in items if "postgresql" not in item.keywords]
    deselected = [item for item in items if "postgresql" in item.keywords]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected
