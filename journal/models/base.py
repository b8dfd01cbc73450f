"""Rows that belong to one person."""

from django.db import models


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person through their ``owner``."""

    def for_user(self, user):
        """``user`` a user or a user's id. Filtered by the id: the same query, a
        little less work than resolving an instance (every page of a person's
        journal asks this several times)."""
        return self.filter(owner_id=getattr(user, "pk", user))
