"""Error reports to a Sentry-compatible service, off unless DJANGO_SENTRY_DSN is set.

An error report is sent to someone else's computer, so it carries what an operator
needs to find the fault (the exception's type, the code's lines, the page's route)
and nothing a person wrote or holds: the scrubbers below run on every event and
breadcrumb before it leaves. Gone: request bodies (a journal note), cookies and
query strings (search words), every header but a few harmless ones, local variables
of each frame (the note again, in memory), log parameters, SQL breadcrumbs and
anything past an exception's first line (a database error's DETAIL quotes the
row). What stays is redacted like a log line: share tokens, reset, confirm and
unsubscribe links, query strings. sentry-sdk is an optional extra
(`pip install "between-sessions[sentry]"`); the site runs without it.
"""

from importlib.metadata import PackageNotFoundError, version

from django.core.exceptions import ImproperlyConfigured

from core.log_filters import redact

KEPT_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type"}
DROPPED_BREADCRUMBS = {"query", "redis", "django.db.backends"}
KEPT_CONTEXTS = {"runtime", "os", "trace", "device"}


def start(dsn: str, environment: str = "") -> None:
    """Start sending error reports (called from settings when a DSN is given)."""
    try:
        import sentry_sdk
    except ImportError:
        raise ImproperlyConfigured(
            "DJANGO_SENTRY_DSN is set, but sentry-sdk is not installed: pip install "
            '"between-sessions[sentry]" (for the image: make image '
            'IMAGE_BUILD_ARGS="--build-arg EXTRAS=sentry").'
        ) from None
    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        release=_release(),
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        traces_sample_rate=0,
        before_send=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
    )


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """The event with everything personal removed or redacted (see the module)."""
    request = event.get("request")
    if isinstance(request, dict):
        event["request"] = _scrub_request(request)
    for section in ("exception", "threads"):
        for value in (event.get(section) or {}).get("values") or []:
            _scrub_exception(value)
    if isinstance(event.get("logentry"), dict):
        entry = event["logentry"]
        event["logentry"] = {
            key: redact(str(entry[key]))
            for key in ("message", "formatted")
            if key in entry
        }
    if isinstance(event.get("message"), str):
        event["message"] = redact(event["message"])
    breadcrumbs = event.get("breadcrumbs")
    if isinstance(breadcrumbs, dict):
        kept = [scrub_breadcrumb(crumb) for crumb in breadcrumbs.get("values") or []]
        breadcrumbs["values"] = [crumb for crumb in kept if crumb is not None]
    event.pop("extra", None)
    if isinstance(event.get("user"), dict):
        event["user"] = {"id": event["user"]["id"]} if "id" in event["user"] else {}
    if isinstance(event.get("contexts"), dict):
        event["contexts"] = {
            name: context
            for name, context in event["contexts"].items()
            if name in KEPT_CONTEXTS
        }
    if isinstance(event.get("transaction"), str):
        event["transaction"] = redact(event["transaction"])
    if isinstance(event.get("tags"), dict):
        event["tags"] = {key: redact(str(v)) for key, v in event["tags"].items()}
    return event


def scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict | None:
    """A breadcrumb's category, level and redacted message; SQL ones not at all."""
    if crumb.get("category") in DROPPED_BREADCRUMBS:
        return None
    kept = {
        key: crumb[key]
        for key in ("type", "category", "level", "timestamp")
        if key in crumb
    }
    if isinstance(crumb.get("message"), str):
        kept["message"] = redact(crumb["message"])
    return kept


def _scrub_request(request: dict) -> dict:
    headers = request.get("headers") or {}
    return {
        "method": request.get("method"),
        "url": redact(str(request.get("url", ""))).split("?")[0],
        "headers": {
            name: redact(str(value))
            for name, value in dict(headers).items()
            if name.lower() in KEPT_HEADERS
        },
    }


def _scrub_exception(value: dict) -> None:
    if isinstance(value.get("value"), str):
        first_line = value["value"].strip().splitlines()[:1]
        value["value"] = redact(first_line[0]) if first_line else ""
    for frame in (value.get("stacktrace") or {}).get("frames") or []:
        frame.pop("vars", None)


def _release() -> str | None:
    try:
        return f"between-sessions@{version('between-sessions')}"
    except PackageNotFoundError:
        return None
