from django.utils.functional import SimpleLazyObject


def person(request) -> dict:
    """The signed-in person's time zone for templates, read only if a page uses it."""
    user = getattr(request, "user", None)

    def zone():
        from accounts.models import profile_for

        if user is None or not user.is_authenticated:
            return "UTC"
        return profile_for(user).time_zone

    return {"person_time_zone": SimpleLazyObject(zone)}
