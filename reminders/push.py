"""Web Push with VAPID (RFC 8030, 8291, 8292), through pywebpush.

Only a push service's own hosts are sent to (PUSH_SERVICE_HOSTS): a subscription
names a URL our server will POST to, so an arbitrary one would let anyone make the
server call an address of their choosing.
"""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from pywebpush import WebPushException, webpush

from reminders.models import PushSubscription

logger = logging.getLogger(__name__)

GONE = (404, 410)
# A reminder is about today: a phone that is off all evening need not get it later.
TIME_TO_LIVE = 4 * 60 * 60


def is_configured() -> bool:
    return bool(settings.VAPID_PUBLIC_KEY and settings.VAPID_PRIVATE_KEY)


def is_allowed_endpoint(endpoint: str) -> bool:
    """An https URL on a known push service (or one the settings add)."""
    parts = urlsplit(endpoint)
    host = (parts.hostname or "").lower()
    allowed = settings.PUSH_SERVICE_HOSTS
    is_known = any(host == name or host.endswith("." + name) for name in allowed)
    scheme_ok = parts.scheme == "https" or (
        parts.scheme == "http" and host in settings.PUSH_INSECURE_HOSTS
    )
    return is_known and scheme_ok


def send(subscription: PushSubscription, message: dict) -> bool:
    """Push one message; False (and the subscription forgotten) if it is gone."""
    try:
        webpush(
            subscription.info,
            json.dumps(message),
            vapid_private_key=settings.VAPID_PRIVATE_KEY,
            vapid_claims={"sub": settings.VAPID_SUBJECT},
            ttl=TIME_TO_LIVE,
            timeout=10,
        )
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE:
            logger.info("Push subscription %s is gone; removed", subscription.pk)
            subscription.delete()
            return False
        raise
    return True
