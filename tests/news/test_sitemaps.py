import pytest

from news.sitemaps import ReleaseSitemap
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


class Site:
    domain = "testserver"
    name = "testserver"


def test_sitemap_lists_each_release_in_the_languages_it_is_live_in():
    both = ReleaseFactory()
    japanese_only = ReleaseFactory(publish_at_en=None)
    DraftReleaseFactory()
    urls = sorted(entry["location"] for entry in ReleaseSitemap().get_urls(site=Site()))
    assert urls == sorted(
        [
            f"http://testserver/ja/news/{both.slug}/",
            f"http://testserver/en/news/{both.slug}/",
            f"http://testserver/ja/news/{japanese_only.slug}/",
        ]
    )
