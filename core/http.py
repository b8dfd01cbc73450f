"""Small request helpers every app's views use."""

from django.utils.http import url_has_allowed_host_and_scheme


def posted_data(request):
    """The POST data to bind a form to, or None on GET.

    ``request.POST or None`` would treat an empty POST as a GET and silently show a
    blank form; a POST always binds, so an empty one gets its "required" messages.
    """
    return request.POST if request.method == "POST" else None


def posted_files(request):
    return request.FILES if request.method == "POST" else None


def safe_next(request, fallback: str) -> str:
    """The ``next`` page if it is a path on this site, else ``fallback``.

    Only paths count: a bare word would be taken for a URL name by redirect().
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    is_local_path = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if is_local_path else fallback
