from django.conf import settings
from django.utils.crypto import salted_hmac

from core.pwa import is_kept_offline


def account_mark(user) -> str:
    """A one-way mark of a signed-in account, for the offline queue on the device.

    Queued entries carry it, so they are sent only while the same account is signed
    in. Keyed with SECRET_KEY: it reveals nothing about the account.
    """
    mark = salted_hmac("core.offline-queue", str(user.pk), algorithm="sha256")
    return mark.hexdigest()[:32]


def app(request) -> dict:
    """The account mark for a page no device keeps; None on a page one may keep.

    A kept page is shown later, offline, to whoever holds the device: it must not
    name the account that was signed in when it was read.
    """
    if is_kept_offline(request):
        return {"account_mark": None}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"account_mark": ""}
    return {"account_mark": account_mark(user)}


def mail(request) -> dict:
    """Whether this server sends e-mail at all (DJANGO_EMAIL_BACKEND=none: it does
    not), so a page never says "check your inbox" for a message never sent."""
    return {"sends_email": settings.EMAIL_BACKEND != settings.NO_EMAIL_BACKEND}
