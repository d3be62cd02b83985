"""Values every visitor shares (list counts, sitemap figures), kept until the content changes,
whether or not whole pages are cached."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from linkj import cache as page_cache
from tests.news.factories import ReleaseFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 3, 0, tzinfo=datetime.UTC)
LONG_AGO = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def uncached_pages(page_cache_off):
    """Whole pages off: what is measured is what a logged-in member or a new address costs."""


def releases(count: int, **kwargs) -> None:
    for _ in range(count):
        ReleaseFactory(publish_at_ja=LONG_AGO, publish_at_en=LONG_AGO, **kwargs)


def count_statements(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    counts = [q["sql"] for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    return len(counts), response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_the_news_list_is_counted_once_for_all_its_pages(client):
    releases(12)
    assert count_statements(client, "/en/news/")[0] == 1
    counted, html = count_statements(client, "/en/news/?page=2")
    assert counted == 0
    assert len(re.findall(r"/en/news/release-\d+/", html)) == 2  # the 11th and 12th


@time_machine.travel(NOW, tick=False)
def test_other_filters_or_language_are_counted_apart(client):
    releases(3)
    count_statements(client, "/en/news/")
    assert count_statements(client, "/en/news/?partner_name=Nobody")[0] == 1
    assert count_statements(client, "/ja/news/")[0] == 1


@time_machine.travel(NOW, tick=False)
def test_a_new_release_is_counted_at_once(client, settings):
    settings.LANGUAGE_CODE = "en"
    releases(10)
    _counted, html = count_statements(client, "/en/news/")
    assert "?page=2" not in html
    releases(1)
    counted, html = count_statements(client, "/en/news/")
    assert counted == 1
    assert "?page=2" in html


def test_a_release_going_live_is_counted_without_a_save(client):
    go_live = NOW + datetime.timedelta(minutes=5)
    with time_machine.travel(NOW, tick=False):
        releases(10)
        ReleaseFactory(publish_at_ja=go_live, publish_at_en=go_live)
        assert "?page=2" not in count_statements(client, "/en/news/")[1]
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        counted, html = count_statements(client, "/en/news/")
    assert counted == 1
    assert "?page=2" in html


def test_a_value_is_computed_when_the_cache_is_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:8129/0",
        }
    }
    page_cache.local_pages.forget()
    calls = []
    for _ in range(2):
        assert page_cache.remember("answer", lambda: calls.append(1) or 42) == 42
    assert len(calls) == 2


def test_a_value_is_kept_until_the_generation_changes():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert page_cache.remember("n", compute) == page_cache.remember("n", compute) == 1
    page_cache.invalidate()
    assert page_cache.remember("n", compute) == 2


@time_machine.travel(NOW, tick=False)
def test_the_sitemap_index_figures_are_kept(client):
    releases(2)
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/sitemap.xml").status_code == 200
        assert client.get("/sitemap-news.xml").status_code == 200
    assert not [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]


@time_machine.travel(NOW, tick=False)
def test_the_home_page_news_is_read_once_until_a_release_is_published(client):
    releases(2)
    client.get("/en/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/en/")
    assert not [q for q in captured.captured_queries if "news_release" in q["sql"]]
    ReleaseFactory(title_en="Fresh partnership", publish_at_ja=LONG_AGO, publish_at_en=LONG_AGO)
    assert "Fresh partnership" in client.get("/en/").content.decode()
