"""Forwarded headers are believed only from a proxy in DJANGO_TRUSTED_PROXIES."""

import ipaddress
import logging

import pytest
from django.test import RequestFactory

from core import network
from core.network import client_ip

PROXY_NETWORK = [ipaddress.ip_network("10.0.0.0/8")]


@pytest.fixture
def behind_a_proxy(settings):
    settings.TRUST_PROXY = True
    settings.TRUSTED_PROXIES = PROXY_NETWORK
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    network._warned_addresses.clear()


def test_forwarded_for_from_the_trusted_proxy_gives_the_persons_address(
    behind_a_proxy,
):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )

    assert client_ip(request) == "198.51.100.1"


def test_forwarded_for_from_an_untrusted_address_is_ignored(behind_a_proxy):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )

    assert client_ip(request) == "203.0.113.5"


def test_loopback_is_the_trusted_proxy_by_default(settings):
    from config.env import env_networks

    defaults = env_networks("UNSET_VARIABLE_FOR_TEST", "127.0.0.0/8,::1")
    settings.TRUST_PROXY = True
    settings.TRUSTED_PROXIES = defaults
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )

    assert client_ip(request) == "198.51.100.1"


def test_a_forged_https_header_does_not_make_a_request_secure(
    client, behind_a_proxy, settings
):
    settings.SECURE_SSL_REDIRECT = True

    forged = client.get(
        "/help/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_PROTO="https"
    )
    from_proxy = client.get(
        "/help/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_PROTO="https"
    )

    assert forged.status_code == 301
    assert forged["Location"].startswith("https://")
    assert from_proxy.status_code == 200


def test_forged_headers_are_logged_once_per_address(client, behind_a_proxy, caplog):
    with caplog.at_level(logging.WARNING, logger="core.network"):
        for _ in range(3):
            client.get(
                "/help/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="192.0.2.1"
            )

    warnings = [r for r in caplog.records if "not a trusted proxy" in r.getMessage()]
    assert len(warnings) == 1
    assert "203.0.113.5" in warnings[0].getMessage()


def test_without_trust_proxy_forwarded_headers_are_never_believed(client, settings):
    settings.TRUST_PROXY = False
    settings.TRUSTED_PROXIES = PROXY_NETWORK
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1"
    )

    assert client_ip(request) == "10.0.0.1"
