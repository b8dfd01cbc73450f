"""accounts 0011: everyone who had an account before the first run counts as
having seen it, so nobody settled in is asked; people who sign up later are."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import Profile
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("accounts", "0010_authenticator_keys_from_django_otp")


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_apps():
    """Historical models before 0011; today's schema after the test."""
    targets = [BEFORE if app == "accounts" else (app, name) for app, name in _latest()]
    yield _migrate(targets)
    _migrate(_latest())


def test_an_account_from_before_the_first_run_is_never_asked(old_apps):
    user = old_apps.get_model("auth", "User").objects.create(username="settled")
    old_apps.get_model("accounts", "Profile").objects.create(user_id=user.pk)

    _migrate(_latest())

    assert Profile.objects.get(user_id=user.pk).has_seen_welcome


def test_an_account_made_after_the_migration_is_asked():
    user = make_user("newcomer")

    assert not Profile.objects.get(user=user).has_seen_welcome
