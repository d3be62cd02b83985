"""Absolute links come from SITE_URL, never from the request's path or Host header."""

import re

import pytest

from linkj.links import absolute_url, site_path
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.news.factories import ReleaseFactory, ReleasePhotoFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'(?:href|content)="([^"]*)"')


def links(html: str) -> list[str]:
    return LINK.findall(html)


@pytest.mark.parametrize("path", ["//evil.example/", "///evil.example/", "/\\evil.example/"])
def test_a_network_path_request_links_only_to_this_site(client, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    html = response.content.decode()
    # A 404 repeats nothing of the address (no canonical, hreflang or og:url; the language
    # switch leads to each home page), so the path cannot turn into another site's link.
    assert "evil.example" not in html
    assert '<a href="/en/" hreflang="en" lang="en">' in html
    for link in links(html):
        assert not link.startswith(("//", "/\\", "http://evil", "https://evil")), link


def test_a_forged_host_header_never_reaches_a_link(client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    partner = PartnerFactory(slug="yokohama")
    release = ReleaseFactory(partners=[partner])
    ReleasePhotoFactory(release=release)
    event = EventFactory()
    pages = [
        "/en/partners/yokohama/",
        f"/en/news/{release.slug}/",
        "/ja/news/",
        f"/en/events/{event.slug}/",
        "/en/news/feed/",
        "/en/news/atom/",
        f"/en/events/{event.slug}/event.ics",
        "/ja/events/calendar.ics",
        "/sitemap.xml",
    ]
    for url in pages:
        response = client.get(url, HTTP_HOST="evil.example", secure=True)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "evil.example" not in body, url
        assert "http://testserver/" in body, url


def test_release_page_links_are_on_the_configured_site(client, settings):
    settings.SITE_URL = "https://www.link-j.example"
    release = ReleaseFactory(slug="yokohama-mou")
    html = client.get(f"/en/news/{release.slug}/").content.decode()
    assert (
        '<meta property="og:url" content="https://www.link-j.example/en/news/yokohama-mou/">'
        in html
    )
    assert 'href="https://www.link-j.example/en/news/feed/"' in html
    assert '"mainEntityOfPage": "https://www.link-j.example/en/news/yokohama-mou/"' in html


def test_paths_are_made_safe_before_they_become_links():
    assert site_path("//evil.example/x") == "/evil.example/x"
    assert site_path("/\\evil.example/") == "/evil.example/"
    assert site_path("/ja/a\\b/") == "/ja/a%5Cb/"
    assert site_path("/ja/\x00/") == "/ja/%00/"
    assert site_path("/ja/横浜/") == "/ja/%E6%A8%AA%E6%B5%9C/"


def test_absolute_urls_keep_urls_that_name_their_scheme(settings):
    settings.SITE_URL = "https://www.link-j.example/"
    assert absolute_url("/ja/") == "https://www.link-j.example/ja/"
    assert absolute_url("//evil.example/") == "https://www.link-j.example/evil.example/"
    stored = "https://bucket.example/news/photo.webp"
    assert absolute_url(stored) == stored
