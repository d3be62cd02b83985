import pytest

from tests.news.conftest import editor, publisher  # noqa: F401  (the same two roles)


@pytest.fixture
def staff_viewer(db):
    from tests.news.conftest import member

    return member("Editors", "viewer")
