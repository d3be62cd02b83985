import pytest

from tests.conftest import member


@pytest.fixture
def staff_viewer(db):
    return member("Editors", "viewer")
