"""`manage.py wait_for_database`: what the one-shot migrate service runs first, so
that migrations wait for PostgreSQL whatever the compose tool does with health
conditions."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.utils import ConnectionHandler, OperationalError

from core.management.commands import wait_for_database


class FakeClock:
    """time.monotonic and time.sleep for the command: sleeping moves the clock on."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(wait_for_database.time, "monotonic", fake.monotonic)
    monkeypatch.setattr(wait_for_database.time, "sleep", fake.sleep)
    return fake


def closed_port_connections(port):
    """A PostgreSQL connection to a port where nothing listens on this machine."""
    return ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "HOST": "127.0.0.1",
                "PORT": str(port),
                "NAME": "between_sessions",
                "USER": "between_sessions",
                "PASSWORD": "not-a-real-password",
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )


def free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_an_answering_database_passes_at_the_first_try(clock):
    out = StringIO()

    call_command("wait_for_database", "--timeout", "5", stdout=out)

    assert "The database accepts connections (after 1 try)." in out.getvalue()
    assert clock.sleeps == []


@pytest.mark.django_db  # lets the test connect at all; the connection is its own
def test_a_closed_port_fails_clearly_after_the_timeout(monkeypatch, clock):
    connections = closed_port_connections(free_port())
    monkeypatch.setattr(wait_for_database, "connections", connections)

    with pytest.raises(CommandError) as raised:
        call_command("wait_for_database", "--timeout", "3", "--interval", "1")

    message = str(raised.value)
    assert message.startswith(
        "The database did not accept connections within 3 seconds (4 tries)."
    )
    assert "Last error:" in message
    assert "refused" in message.lower()
    # The password is never part of what is shown.
    assert "not-a-real-password" not in message
    assert clock.sleeps == [1, 1, 1]


class FlakyConnection:
    """Refuses the first `failures` connections, then answers."""

    def __init__(self, failures):
        self.failures = failures
        self.attempts = 0
        self.closed = 0

    def ensure_connection(self):
        self.attempts += 1
        if self.attempts <= self.failures:
            raise OperationalError("connection refused (starting up)")

    def close(self):
        self.closed += 1


def test_a_database_that_comes_up_late_is_waited_for(monkeypatch, clock):
    flaky = FlakyConnection(failures=4)
    monkeypatch.setattr(wait_for_database, "connections", {"default": flaky})
    out = StringIO()

    call_command("wait_for_database", "--timeout", "90", stdout=out)

    assert "The database accepts connections (after 5 tries)." in out.getvalue()
    assert clock.sleeps == [1, 1, 1, 1]
    assert flaky.closed == 4


def test_the_other_database_alias_is_the_one_asked(monkeypatch, clock):
    other = FlakyConnection(failures=0)
    monkeypatch.setattr(
        wait_for_database, "connections", {"default": None, "replica": other}
    )

    call_command("wait_for_database", "--database", "replica", stdout=StringIO())

    assert other.attempts == 1
