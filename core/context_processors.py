from django.conf import settings
from django.utils.crypto import salted_hmac


def app(request) -> dict:
    """A one-way mark of the signed-in account, for the offline queue on the device.

    Queued entries carry it, so they are sent only while the same account is signed
    in. Keyed with SECRET_KEY: it reveals nothing about the account.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"account_mark": ""}
    mark = salted_hmac("core.offline-queue", str(user.pk), algorithm="sha256")
    return {"account_mark": mark.hexdigest()[:32]}


def mail(request) -> dict:
    """Whether this server sends e-mail at all (DJANGO_EMAIL_BACKEND=none: it does
    not), so a page never says "check your inbox" for a message never sent."""
    return {"sends_email": settings.EMAIL_BACKEND != settings.NO_EMAIL_BACKEND}
