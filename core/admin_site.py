"""The admin, which outside development asks staff for a second factor.

Staff can read and change what the admin shows (guide pages, accounts), so with
DEBUG off a password alone is not enough: the session must have passed a code from
an authenticator app (django-otp's ``is_verified``).
"""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render


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
        return super().login(request, extra_context)
