"""/sitemap.xml is an index of per-section sitemaps, each in pages of a bounded size."""

import re

import pytest

from linkj.sitemaps import I18nSitemap
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def locations(response) -> list[str]:
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_the_index_points_to_one_sitemap_per_section(client):
    assert locations(client.get("/sitemap.xml")) == [
        f"http://testserver/sitemap-{section}.xml"
        for section in ("pages", "partners", "news", "events", "venues", "about")
    ]


def test_large_sections_are_split_into_pages_listed_in_the_index(client, monkeypatch):
    monkeypatch.setattr(I18nSitemap, "limit", 2)
    releases = ReleaseFactory.create_batch(5)
    index = locations(client.get("/sitemap.xml"))
    assert "http://testserver/sitemap-news.xml?p=3" in index
    assert "http://testserver/sitemap-news.xml?p=4" not in index
    pages = [locations(client.get("/sitemap-news.xml", {"p": p})) for p in (1, 2, 3)]
    # Two releases a page, each in both languages; the newest first.
    assert [len(page) for page in pages] == [4, 4, 2]
    assert pages[0][0] == f"http://testserver/ja/news/{releases[-1].slug}/"
    assert client.get("/sitemap-news.xml", {"p": 4}).status_code == 404


def test_a_section_lists_each_address_with_its_alternates_and_x_default(client):
    release = ReleaseFactory(publish_at_en=None)
    DraftReleaseFactory()
    text = client.get("/sitemap-news.xml").content.decode()
    assert locations(client.get("/sitemap-news.xml")) == [
        f"http://testserver/ja/news/{release.slug}/"
    ]
    assert f'hreflang="x-default" href="http://testserver/news/{release.slug}/"' in text
    assert 'hreflang="en"' not in text


def test_the_pages_section_lists_the_home_and_list_pages_in_both_languages(client):
    found = locations(client.get("/sitemap-pages.xml"))
    for path in ("", "partners/", "partners/history/", "news/", "events/", "events/past/"):
        assert f"http://testserver/ja/{path}" in found
        assert f"http://testserver/en/{path}" in found


def test_a_section_page_is_a_count_and_one_page_of_slugs(client, django_assert_max_num_queries):
    PartnerFactory.create_batch(3)
    EventFactory.create_batch(3)
    ReleaseFactory.create_batch(3)
    for section in ("partners", "news", "events", "venues"):
        with django_assert_max_num_queries(2) as queries:
            client.get(f"/sitemap-{section}.xml")
        page_query = queries.captured_queries[-1]["sql"]
        assert '."slug"' in page_query
        assert '."body' not in page_query and '."description' not in page_query
    with django_assert_max_num_queries(5):  # one query per section with rows in a table
        client.get("/sitemap.xml")
