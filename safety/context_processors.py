from accounts.countries import is_country
from accounts.models import profile_for


def crisis_lines(request) -> dict:
    """Where the person lives, for the crisis lines on the page ("" when unknown).

    Signed in, it is their profile's country (the profile is already on the user:
    ProfileLanguageMiddleware read it, so this costs no query). On the help page
    anyone may look at another country's lines with ?country=XX, which is kept
    nowhere: a visitor has no country otherwise.
    """
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name == "safety:help":
        chosen = request.GET.get("country", "").strip().upper()
        if is_country(chosen):
            return {"crisis_country": chosen}
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"crisis_country": ""}
    return {"crisis_country": profile_for(user).country}
