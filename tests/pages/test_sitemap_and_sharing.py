import pytest

from pages.sitemaps import PageSitemap
from tests.pages.factories import DraftPageFactory, PageFactory

pytestmark = pytest.mark.django_db


class Site:
    domain = "testserver"
    name = "testserver"


def test_sitemap_lists_each_page_in_the_languages_it_is_live_in():
    both = PageFactory(slug="access")
    PageFactory(slug="terms", title_en="")
    DraftPageFactory(slug="draft")
    urls = sorted(entry["location"] for entry in PageSitemap().get_urls(site=Site()))
    assert urls == [
        "http://testserver/en/about/access/",
        "http://testserver/ja/about/access/",
        "http://testserver/ja/about/terms/",
    ]
    assert both.slug in "".join(urls)


def test_the_site_sitemap_includes_standing_pages(client):
    PageFactory(slug="access")
    assert "http://testserver/sitemap-about.xml" in client.get("/sitemap.xml").content.decode()
    section = client.get("/sitemap-about.xml").content.decode()
    assert "http://testserver/ja/about/access/" in section
