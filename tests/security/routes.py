"""Every URL pattern of ours, read from the resolver, for the sweeps to walk."""

from dataclasses import dataclass

from django.urls import URLResolver, get_resolver

# django.contrib.auth's reset flow takes a signed uid and token, not an object of
# ours; Django tests it. The admin is Django's, behind its own staff check.
SKIPPED_ROUTES = {"password_reset_confirm"}
SKIPPED_NAMESPACES = {"admin"}


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    has_parameters: bool


def _walk(resolver, prefix, namespace):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = (
                    f"{namespace}:{pattern.namespace}"
                    if namespace
                    else pattern.namespace
                )
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        else:
            route = prefix + str(pattern.pattern)
            name = pattern.name or route
            qualified = f"{namespace}:{name}" if namespace else name
            yield Route(qualified, route, pattern.pattern.regex.groups > 0)


def our_routes() -> list[Route]:
    """Every URL pattern of ours: Django's admin and reset-confirm flow left out."""
    return [
        route
        for route in _walk(get_resolver(), "/", "")
        if route.name.split(":")[0] not in SKIPPED_NAMESPACES
        and route.name not in SKIPPED_ROUTES
    ]
