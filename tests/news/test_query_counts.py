import pytest

from tests.factories import AgreementFactory, PartnerFactory
from tests.news.factories import QuoteFactory, ReleaseFactory, ReleasePhotoFactory

pytestmark = pytest.mark.django_db


def make_releases(count: int):
    partners = PartnerFactory.create_batch(2)
    releases = []
    for index in range(count):
        release = ReleaseFactory(partners=partners, show_history_table=True)
        if index % 2:
            release.publish_at_en = None
            release.save()
        releases.append(release)
    return releases


@pytest.mark.parametrize("language", ["ja", "en"])
def test_list_page_query_count_stays_flat_as_releases_grow(client, count_queries, language):
    make_releases(3)
    client.get(f"/{language}/news/")  # warm caches (content types, sessions)
    few = count_queries(client.get, f"/{language}/news/")
    make_releases(27)
    many = count_queries(client.get, f"/{language}/news/")
    assert few == many


@pytest.mark.parametrize("language", ["ja", "en"])
def test_detail_page_query_count_stays_flat_as_content_grows(client, count_queries, language):
    small = ReleaseFactory(show_history_table=True)
    ReleasePhotoFactory(release=small)
    QuoteFactory(release=small)
    small.partners.set([PartnerFactory()])
    AgreementFactory.create_batch(3)
    client.get(small.get_absolute_url())
    few = count_queries(client.get, f"/{language}/news/{small.slug}/")

    large = ReleaseFactory(show_history_table=True)
    ReleasePhotoFactory.create_batch(10, release=large)
    QuoteFactory.create_batch(10, release=large)
    large.partners.set(PartnerFactory.create_batch(10))
    large.agreements.set(AgreementFactory.create_batch(30))
    ReleaseFactory.create_batch(20)
    client.get(f"/{language}/news/{large.slug}/")  # renditions are made on first view
    many = count_queries(client.get, f"/{language}/news/{large.slug}/")
    assert few == many


def test_feed_query_count_stays_flat(client, count_queries):
    make_releases(3)
    few = count_queries(client.get, "/en/news/feed/")
    make_releases(27)
    assert count_queries(client.get, "/en/news/feed/") == few
