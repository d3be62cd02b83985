import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group

from tests.factories import UserFactory

_groups_migration = importlib.import_module("news.migrations.0002_editor_and_publisher_groups")


def ensure_groups() -> None:
    """The groups come from a data migration; a transactional test's flush removes them."""
    if Group.objects.filter(name__in=_groups_migration.GROUPS).count() < len(
        _groups_migration.GROUPS
    ):
        _groups_migration.create_groups(apps, None)


def member(group_name: str, username: str):
    ensure_groups()
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member("Editors", "editor")


@pytest.fixture
def publisher(db):
    return member("Publishers", "publisher")
