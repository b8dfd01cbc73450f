"""Links made before names were chosen per link keep the profile's name, never a
username."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from sharing.models import ShareLink

BEFORE_NAMES = [
    ("journal", "0004_profile_moves_to_accounts"),
    ("accounts", "0002_profile_table_and_content_type"),
]
AFTER_NAMES = [("journal", "0005_share_link_display_name")]
MOMENT = datetime.datetime(2026, 11, 20, 18, 0, tzinfo=datetime.UTC)

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_apps():
    apps = _migrate(BEFORE_NAMES)
    yield apps
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _old_link(apps, owner, token_hash):
    return apps.get_model("journal", "ShareLink").objects.create(
        owner=owner,
        token_hash=token_hash,
        weeks=4,
        first_day=datetime.date(2026, 10, 26),
        last_day=datetime.date(2026, 11, 22),
        created_at=MOMENT,
        expires_at=MOMENT + datetime.timedelta(days=30),
    )


def test_old_links_take_the_profile_name_or_none_but_never_the_username(old_apps):
    User = old_apps.get_model("auth", "User")
    Profile = old_apps.get_model("accounts", "Profile")
    named = User.objects.create(username="named-user-4411", password="!")
    unnamed = User.objects.create(username="unnamed-user-4412", password="!")
    no_profile = User.objects.create(username="no-profile-user-4413", password="!")
    Profile.objects.create(user=named, display_name="Sam")
    Profile.objects.create(user=unnamed, display_name="")
    for number, owner in enumerate((named, unnamed, no_profile)):
        _old_link(old_apps, owner, f"{number}" * 64)

    _migrate(AFTER_NAMES)

    names = dict(ShareLink.objects.values_list("owner__username", "display_name"))
    assert names == {
        "named-user-4411": "Sam",
        "unnamed-user-4412": "",
        "no-profile-user-4413": "",
    }
