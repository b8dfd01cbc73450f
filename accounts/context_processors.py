def person(request) -> dict:
    """The signed-in person's time zone for templates (UTC for a visitor).

    A plain string, never a lazy object: the ``timezone`` filter hands it to
    ``ZoneInfo``, which refuses a proxy for a zone it has not loaded yet. The
    profile is already on the user (ProfileLanguageMiddleware read it), so this
    costs no query.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"person_time_zone": "UTC", "journal_cache_key": None}
    from accounts.models import profile_for

    return {
        "person_time_zone": profile_for(user).time_zone,
        # For {% cache %} around fragments with no journal text, made before the
        # view read anything (accounts/freshness.py).
        "journal_cache_key": getattr(request, "journal_cache_key", None),
    }
