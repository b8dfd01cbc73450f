"""Signing in with a username and password, and reading the person back.

Django's ModelBackend, except that the person is read with their profile: every
signed-in page reads the profile (their language, time zone and journal version),
so one query does instead of two on every request.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

# What a session records for a person signed in here (accounts/signin_views.py).
MODEL_BACKEND = "accounts.backends.ModelBackend"


class ModelBackend(DjangoModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("profile")
        try:
            user = users.get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
