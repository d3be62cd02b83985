import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions of each test go to a folder of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def _japanese_by_default(settings):
    settings.LANGUAGE_CODE = "ja"


@pytest.fixture
def count_queries():
    """Return a function that runs a callable and reports how many SQL queries it made."""

    def run(func, *args, **kwargs):
        with CaptureQueriesContext(connection) as ctx:
            func(*args, **kwargs)
        return len(ctx.captured_queries)

    return run


def pytest_collection_modifyitems(config, items):
    # On CI a browser test must run; it may never silently skip there.
    if os.environ.get("CI") == "true":
        config.option.reportchars = "A"
