import contextlib
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from linkj.cache import local_pages, next_change


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads and renditions of each test go to a folder of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def japanese_is_active():
    """Each test starts in Japanese, the site's default: a language activated by one test
    (a request, translation.activate) must not leak into the next one on the same thread."""
    translation.activate("ja")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts and ends with an empty cache (local memory or Redis): a page cached by
    one test must not answer the next, and what is remembered about files (renditions made,
    sizes) belongs to each test's own temporary MEDIA_ROOT. The page cache stays on, as in
    production."""
    cache.clear()
    local_pages.forget()
    yield
    cache.clear()
    local_pages.forget()


@pytest.fixture(autouse=True)
def responses_are_closed_like_a_server_does(monkeypatch):
    """A WSGI server calls close() on every response, read to the end or not; Django's test
    client only closes a streamed response (a file from /media/) once its content is read.
    Tests that look only at the status code would leave the file open (a ResourceWarning,
    an error here): close what is left at the end of each test, as a server would."""
    from django.core.signals import request_finished
    from django.db import close_old_connections
    from django.test import client as test_client

    responses = []
    wrapper = test_client.closing_iterator_wrapper

    def remembering(iterable, close):
        responses.append(close.__self__)
        return wrapper(iterable, close)

    monkeypatch.setattr(test_client, "closing_iterator_wrapper", remembering)
    yield
    # As the test client does: closing must not close the test's database connection.
    request_finished.disconnect(close_old_connections)
    try:
        for response in responses:
            if not response.closed:
                response.close()
    finally:
        request_finished.connect(close_old_connections)


def member(group_name: str, username: str):
    """A staff account in one of the roles of linkj/roles.py."""
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return member("Editors", "editor")


@pytest.fixture
def publisher(db):
    return member("Publishers", "publisher")


@pytest.fixture
def demo_partners(db):
    """The site's demo partners: all sixteen partnerships of the seed releases."""
    from partners import demo

    demo.load(stdout=io.StringIO())


@pytest.fixture
def page_cache_off(settings):
    settings.LINKJ_PAGE_CACHE = False


@pytest.fixture
def rendered_in_full(settings):
    """Neither whole pages nor shared fragments: every request renders its page in full."""
    settings.LINKJ_PAGE_CACHE = False
    settings.LINKJ_SHARED_FRAGMENTS = False


# Query counts measure what a view costs: with the page cache or shared fragments on, a
# repeated request would count 0 and a first one would include the cache's own schedule query.
# Every query-count fixture therefore renders in full (tests/test_page_cache.py and
# tests/test_shared_fragments.py count the cached paths on their own). The next scheduled change (linkj.cache.next_change: a few aggregates,
# once per content change for the whole site, which remembered counts also rely on) is worked
# out before counting, as the site's chrome is.
@pytest.fixture
def django_assert_num_queries(django_assert_num_queries, rendered_in_full):
    return _after_next_change(django_assert_num_queries)


@pytest.fixture
def django_assert_max_num_queries(django_assert_max_num_queries, rendered_in_full):
    return _after_next_change(django_assert_max_num_queries)


def _after_next_change(assert_queries):
    @contextlib.contextmanager
    def counted(*args, **kwargs):
        next_change()
        with assert_queries(*args, **kwargs) as context:
            yield context

    return counted


@pytest.fixture
def count_queries(rendered_in_full):
    """Return a function that runs a callable and reports how many SQL queries it made.

    Each run starts from an empty cache: the site's chrome (menus) and other cached parts are
    then built in every counted request alike, so two counts compare like with like."""

    def run(func, *args, **kwargs):
        cache.clear()
        local_pages.forget()
        next_change()
        with CaptureQueriesContext(connection) as ctx:
            func(*args, **kwargs)
        return len(ctx.captured_queries)

    return run
