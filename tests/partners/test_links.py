"""The partner page links to what other apps say about the partner."""

import datetime

import pytest

from tests.events.factories import EventFactory
from tests.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_partner_page_lists_its_published_events_but_not_drafts(client):
    partner = PartnerFactory(name_en="Kobe foundation")
    AgreementFactory(partner=partner)
    EventFactory(partners=[partner], title_en="Regenerative medicine forum")
    EventFactory(partners=[partner], title_en="Secret draft", publication="draft")
    EventFactory(
        partners=[partner],
        title_en="Embargoed",
        publish_at=datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC),
    )
    text = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "Events with this partner" in text
    assert "Regenerative medicine forum" in text
    assert "Secret draft" not in text and "Embargoed" not in text


def test_partner_page_query_count_does_not_grow_with_its_events(client, count_queries):
    partner = PartnerFactory()
    AgreementFactory(partner=partner)
    EventFactory(partners=[partner])
    url = f"/ja/partners/{partner.slug}/"
    few = count_queries(client.get, url)
    for _ in range(10):
        EventFactory(partners=[partner])
    assert count_queries(client.get, url) == few


def test_sitemap_lists_partner_pages_with_language_alternates(client):
    partner = PartnerFactory(slug="yokohama")
    AgreementFactory(partner=partner)
    PartnerFactory(slug="secret", is_disclosed=False)
    assert "http://testserver/sitemap-partners.xml" in client.get("/sitemap.xml").content.decode()
    text = client.get("/sitemap-partners.xml").content.decode()
    assert "http://testserver/ja/partners/yokohama/" in text
    assert "http://testserver/en/partners/yokohama/" in text
    assert 'hreflang="x-default"' in text
    assert "/partners/secret/" not in text
