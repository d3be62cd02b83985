"""What the sources do not give is marked; names are given as they were at signing."""

import datetime

import pytest

from partners.models import FormerName
from tests.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def test_an_estimated_signing_date_is_marked_in_the_history_table(client):
    AgreementFactory(signed_on=datetime.date(2020, 12, 1), date_is_estimate=True)
    html = client.get("/ja/partners/history/").content.decode()
    assert "推定" in html
    english = client.get("/en/partners/history/").content.decode()
    assert "estimated" in english


def test_a_known_signing_date_carries_no_estimate_mark(client):
    AgreementFactory(signed_on=datetime.date(2020, 9, 7))
    assert "推定" not in client.get("/ja/partners/history/").content.decode()


def test_a_partner_renamed_after_signing_shows_the_name_it_signed_under(client):
    partner = PartnerFactory(
        name_en="Foundation for Biomedical Research and Innovation at Kobe",
        name_ja="神戸医療産業都市推進機構",
    )
    FormerName.objects.create(
        partner=partner,
        name_ja="先端医療振興財団",
        name_en="Foundation for Biomedical Research and Innovation",
        until=datetime.date(2018, 3, 31),
    )
    AgreementFactory(partner=partner, signed_on=datetime.date(2018, 1, 1))
    html = client.get("/en/partners/history/").content.decode()
    assert "Signed as <span>Foundation for Biomedical Research and Innovation</span>" in html
    page = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "Signed as <span>Foundation for Biomedical Research and Innovation</span>" in page


def test_a_name_dropped_before_signing_is_not_given_as_the_name_at_signing(client):
    partner = PartnerFactory()
    FormerName.objects.create(partner=partner, name_ja="旧名称", until=datetime.date(2010, 1, 1))
    AgreementFactory(partner=partner, signed_on=datetime.date(2018, 1, 1))
    assert "旧名称" not in client.get("/ja/partners/history/").content.decode()
