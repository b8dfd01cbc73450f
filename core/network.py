"""Where a request came from."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The address of the person, not of our proxy.

    X-Forwarded-For is trusted only with DJANGO_TRUST_PROXY=1: otherwise anyone could
    send a false one, and behind a proxy without it every client would share the
    proxy's address, so one person's failed log-ins could lock everyone out. The
    right-most address is the one our own proxy added.
    """
    if settings.TRUST_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses and _is_ip_address(addresses[-1]):
            return addresses[-1]
    return request.META.get("REMOTE_ADDR", "")


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
