from django.utils import timezone, translation

from accounts import sessions


class SignedInSessionMiddleware:
    """Keep a signed-in session alive while it is used, and note when it was used.

    Sessions end after 14 days without use (or 30 with "keep me signed in"). Renewing
    the expiry on every request would write to the database each time; once a day
    is enough for "days without use", and "last active" is kept to the quarter hour.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = timezone.now()
            today = now.date().isoformat()
            if request.session.get("renewed_on") != today:
                request.session["renewed_on"] = today
            sessions.touch(request, now)
        return self.get_response(request)


class ProfileLanguageMiddleware:
    """Signed in, the profile's language wins: on every page, in e-mails and files.

    Visitors keep what LocaleMiddleware chose (the language cookie, else the
    browser's Accept-Language). Runs after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from accounts.models import profile_for

            language = profile_for(user).language
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
