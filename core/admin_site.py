"""The admin, which outside development asks staff for a second factor.

Staff can read and change what the admin shows (guide pages, accounts), so with
DEBUG off a password alone is not enough: the session must have passed a code from
an authenticator app (django-otp's ``is_verified``).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect, render
from django.urls import reverse


class VerifiedAdminSite(admin.AdminSite):
    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return settings.DEBUG or request.user.is_verified()

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            # Signed in, but without a code this time: say what is missing.
            return render(request, "core/admin_needs_two_factor.html", status=403)
        # Never Django's admin form: it signs in with the password alone, skipping
        # the second step. The site's own log-in asks for the code when it is on.
        next_page = request.GET.get("next") or reverse("admin:index")
        return redirect(f"{reverse('login')}?{urlencode({'next': next_page})}")
