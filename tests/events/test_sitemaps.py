import pytest

from events.sitemaps import EventSitemap, VenueSitemap
from linkj.publishing import Status
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_published_events_in_both_languages_and_hides_drafts():
    live = EventFactory()
    EventFactory(publication=Status.DRAFT)
    urls = [entry["location"] for entry in EventSitemap().get_urls(site=_site())]
    assert sorted(urls) == sorted(
        [f"http://testserver/ja/events/{live.slug}/", f"http://testserver/en/events/{live.slug}/"]
    )


def test_the_venue_sitemap_lists_every_venue():
    event = EventFactory()
    urls = [entry["location"] for entry in VenueSitemap().get_urls(site=_site())]
    assert f"http://testserver/en/events/venues/{event.venue.slug}/" in urls


def _site():
    class Site:
        domain = "testserver"
        name = "testserver"

    return Site()
