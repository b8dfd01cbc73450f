"""Sensitive actions ask for the password again if it was not typed recently.

Creating a share link, downloading everything, changing the e-mail address, turning
two-factor off and erasing the account are what a stolen session would be used for;
asking for the password (or a code) within the last SUDO_DURATION stops that.

A GET that needs it is sent to the confirm page and back. A POST that needs it is
answered with the confirm form in place, carrying what was posted in a signed field,
so after the password the action goes ahead exactly as the person asked.
"""

import datetime
from functools import partial, wraps
from urllib.parse import urlencode

from django.core import signing
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

SUDO_DURATION = datetime.timedelta(minutes=10)
SESSION_KEY = "sudo_until"
PAYLOAD_FIELD = "sudo_payload"
PAYLOAD_SALT = "accounts.sudo.payload"
PAYLOAD_MAX_AGE = 60 * 60


def has_sudo(request) -> bool:
    return request.session.get(SESSION_KEY, 0) > timezone.now().timestamp()


def grant(request) -> None:
    request.session[SESSION_KEY] = (timezone.now() + SUDO_DURATION).timestamp()


def _pack(request) -> str:
    fields = {
        name: values
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", PAYLOAD_FIELD)
        and not name.startswith("confirm-")
    }
    return signing.dumps(
        {"user": request.user.pk, "path": request.path, "fields": fields},
        salt=PAYLOAD_SALT,
    )


def _unpack(request, packed: str) -> QueryDict | None:
    try:
        payload = signing.loads(packed, salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
    except signing.BadSignature:
        return None
    if payload.get("user") != request.user.pk or payload.get("path") != request.path:
        return None
    data = QueryDict(mutable=True)
    for name, values in payload["fields"].items():
        data.setlist(name, values)
    data["csrfmiddlewaretoken"] = request.POST.get("csrfmiddlewaretoken", "")
    data._mutable = False
    return data


def sudo_required(
    view=None, *, only_post: bool = False, is_download: bool = False, when=None
):
    """Let the view run only with a password (or code) typed in the last minutes.

    ``only_post``: reading the page needs nothing; acting on it does.
    ``is_download``: after confirming, the page says the download is starting (a
    file answer would otherwise leave the confirm form on screen).
    ``when``: a test of the request; only the requests it picks need the password
    (a settings form asks only when the e-mail address changes).
    """
    if view is None:
        return partial(
            sudo_required, only_post=only_post, is_download=is_download, when=when
        )

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        is_answer = request.method == "POST" and PAYLOAD_FIELD in request.POST
        needs_it = not (only_post and request.method != "POST") and (
            when is None or is_answer or when(request)
        )
        if has_sudo(request) or not needs_it:
            return view(request, *args, **kwargs)
        if request.method != "POST":
            query = {"next": request.get_full_path()}
            if is_download:
                query["download"] = "1"
            return redirect(f"{reverse('accounts:confirm')}?{urlencode(query)}")

        from accounts.forms.confirm import ConfirmIdentityForm

        if PAYLOAD_FIELD not in request.POST:
            form = ConfirmIdentityForm(user=request.user, request=request)
            packed = _pack(request)
        else:
            packed = request.POST[PAYLOAD_FIELD]
            original = _unpack(request, packed)
            if original is None:
                context = {"is_expired": True}
                return render(
                    request, "accounts/confirm_identity.html", context, status=400
                )
            form = ConfirmIdentityForm(request.POST, user=request.user, request=request)
            if form.is_valid():
                grant(request)
                request.POST = original
                return view(request, *args, **kwargs)
        context = {"form": form, "payload": packed, "action": request.get_full_path()}
        return render(request, "accounts/confirm_identity.html", context)

    return wrapper
