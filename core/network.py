"""Where a request came from, and whether its forwarded headers can be believed."""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO")
# Each process warns once per address about forged headers, and forgets past this
# many addresses, so a flood of forgeries cannot fill the log or the memory.
_MAX_WARNED_ADDRESSES = 1000
_warned_addresses: set[str] = set()


def _ip_address(value: str):
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def is_from_trusted_proxy(request) -> bool:
    """True when forwarded headers on this request were added by our own proxy."""
    if not settings.TRUST_PROXY:
        return False
    peer = _ip_address(request.META.get("REMOTE_ADDR", ""))
    return peer is not None and any(
        peer in network for network in settings.TRUSTED_PROXIES
    )


def drop_untrusted_forwarded_headers(request) -> None:
    """Remove X-Forwarded-* headers that no trusted proxy vouches for."""
    if not settings.TRUST_PROXY or is_from_trusted_proxy(request):
        return
    forged = [name for name in FORWARDED_HEADERS if name in request.META]
    if not forged:
        return
    for name in forged:
        del request.META[name]
    peer = request.META.get("REMOTE_ADDR", "")
    if peer not in _warned_addresses:
        if len(_warned_addresses) >= _MAX_WARNED_ADDRESSES:
            _warned_addresses.clear()
        _warned_addresses.add(peer)
        logger.warning(
            "Ignored forwarded headers from %s, which is not a trusted proxy", peer
        )


def client_ip(request) -> str:
    """The address of the person, not of our proxy.

    X-Forwarded-For is believed only with DJANGO_TRUST_PROXY=1 and only from an
    address in DJANGO_TRUSTED_PROXIES: otherwise anyone could send a false one, and
    behind a proxy without it every client would share the proxy's address, so one
    person's failed log-ins could lock everyone out. The right-most address is the
    one our own proxy added.
    """
    if is_from_trusted_proxy(request):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses and _ip_address(addresses[-1]) is not None:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR", "")
