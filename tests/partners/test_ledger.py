import datetime
import io

import pytest

from partners import demo, ledger
from partners.models import Agreement, Kind, Partner
from tests.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def first_agreement(slug):
    return Agreement.objects.filter(partner__slug=slug).order_by("signed_on", "pk").first()


def test_yokohama_is_the_11th_partnership_and_the_2nd_with_a_local_government(demo_partners):
    standing = ledger.standing_of(first_agreement("yokohama"))
    assert standing.ordinal == 11
    assert standing.kind_ordinal == 2


def test_osaka_is_the_13th_and_the_3rd_local_government_with_7_of_13_overseas(demo_partners):
    standing = ledger.standing_of(first_agreement("osaka"))
    assert (standing.ordinal, standing.kind_ordinal) == (13, 3)
    assert (standing.total, standing.overseas) == (13, 7)


def test_kanagawa_is_the_14th_and_the_4th_local_government(demo_partners):
    standing = ledger.standing_of(first_agreement("kanagawa"))
    assert (standing.ordinal, standing.kind_ordinal) == (14, 4)


def test_medicen_paris_region_is_the_16th_with_8_of_16_overseas(demo_partners):
    standing = ledger.standing_of(first_agreement("mpr"))
    assert standing.ordinal == 16
    assert (standing.total, standing.overseas, standing.domestic) == (16, 8, 8)


def test_kobe_foundation_is_the_6th_partnership(demo_partners):
    assert ledger.standing_of(first_agreement("kobe-fbri")).ordinal == 6


def test_ledger_windows_agree_with_per_agreement_standing(demo_partners):
    for row in ledger.ledger():
        standing = ledger.standing_of(row)
        assert (row.ordinal, row.kind_ordinal, row.overseas_so_far) == (
            standing.ordinal,
            standing.kind_ordinal,
            standing.overseas,
        )


def test_totals_as_of_a_date_count_only_earlier_partnerships(demo_partners):
    assert ledger.totals(datetime.date(2019, 8, 30)).total == 11
    assert ledger.totals(datetime.date(2019, 8, 29)).total == 10
    as_of_osaka = ledger.totals(datetime.date(2020, 9, 7))
    assert (as_of_osaka.total, as_of_osaka.overseas) == (13, 7)
    assert ledger.totals().total == 16


def test_ledger_as_of_a_date_keeps_earlier_ordinals(demo_partners):
    rows = list(ledger.ledger(datetime.date(2018, 1, 31)))
    assert [row.ordinal for row in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[-1].partner.slug == "kobe-fbri"


def test_the_undisclosed_15th_partnership_counts_but_is_not_public(demo_partners):
    row = list(ledger.ledger())[14]
    assert row.ordinal == 15
    assert not row.partner.is_disclosed
    assert not Partner.objects.live().filter(pk=row.partner_id).exists()


def test_a_renewed_agreement_does_not_make_a_new_partnership():
    first = AgreementFactory(signed_on=datetime.date(2016, 5, 1))
    second = AgreementFactory(signed_on=datetime.date(2017, 1, 1))
    renewal = AgreementFactory(partner=first.partner, signed_on=datetime.date(2021, 5, 1))
    assert ledger.standing_of(renewal) is None
    assert ledger.totals().total == 2
    assert [row.pk for row in ledger.ledger()] == [first.pk, second.pk]


def test_same_day_agreements_are_ordered_by_entry():
    day = datetime.date(2016, 5, 1)
    earlier = AgreementFactory(signed_on=day)
    later = AgreementFactory(signed_on=day)
    assert ledger.standing_of(earlier).ordinal == 1
    assert ledger.standing_of(later).ordinal == 2


def test_kind_ordinal_counts_only_partners_of_the_same_kind():
    AgreementFactory(
        partner=PartnerFactory(kind=Kind.UNIVERSITY), signed_on=datetime.date(2016, 1, 1)
    )
    AgreementFactory(partner=PartnerFactory(kind=Kind.CLUSTER), signed_on=datetime.date(2016, 2, 1))
    second_university = AgreementFactory(
        partner=PartnerFactory(kind=Kind.UNIVERSITY), signed_on=datetime.date(2016, 3, 1)
    )
    standing = ledger.standing_of(second_university)
    assert (standing.ordinal, standing.kind_ordinal) == (3, 2)


def test_per_year_splits_domestic_and_overseas(demo_partners):
    years = {row["year"]: row for row in ledger.per_year()}
    assert years[2016] == {"year": 2016, "overseas": 2, "domestic": 0, "total": 2}
    assert years[2020]["total"] == 4
    assert sum(row["total"] for row in years.values()) == 16


def test_demo_loader_is_idempotent():
    assert demo.load(stdout=io.StringIO()) > 0
    assert demo.load(stdout=io.StringIO()) == 0
    assert Partner.objects.count() == 16
