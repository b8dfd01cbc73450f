"""Rows that belong to one person."""

from django.db import models


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person through their ``owner``."""

    def for_user(self, user):
        return self.filter(owner=user)
