import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions of each test go to a folder of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def empty_cache():
    """A cache that starts and ends empty: what is remembered about files (renditions made,
    sizes) belongs to each test's own temporary MEDIA_ROOT."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def japanese_is_active():
    """Each test starts in Japanese, the site's default: a language activated by one test
    (a request, translation.activate) must not leak into the next one on the same thread."""
    translation.activate("ja")
    yield
    translation.deactivate()


@pytest.fixture
def demo_partners(db):
    """The site's demo partners: all sixteen partnerships of the seed releases."""
    from partners import demo

    demo.load(stdout=io.StringIO())


@pytest.fixture
def count_queries():
    """Return a function that runs a callable and reports how many SQL queries it made."""

    def run(func, *args, **kwargs):
        with CaptureQueriesContext(connection) as ctx:
            func(*args, **kwargs)
        return len(ctx.captured_queries)

    return run
