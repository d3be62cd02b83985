import pytest
from django.contrib.auth.models import Group

from tests.factories import UserFactory


def _member(group_name: str, username: str):
    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return _member("Editors", "editor")


@pytest.fixture
def publisher(db):
    return _member("Publishers", "publisher")
