import datetime

import pytest

from partners.models import Kind
from tests.conftest import member  # noqa: F401  (the editor and publisher fixtures' helper)
from tests.factories import AgreementFactory, PartnerFactory

DEMO_PARTNERS = {
    "kobe-fbri": (Kind.FOUNDATION, "JP", datetime.date(2018, 1, 1)),
    "yokohama": (Kind.LOCAL_GOVERNMENT, "JP", datetime.date(2019, 8, 30)),
    "osaka": (Kind.LOCAL_GOVERNMENT, "JP", datetime.date(2020, 9, 7)),
    "mpr": (Kind.CLUSTER, "FR", datetime.date(2021, 2, 5)),
}


@pytest.fixture
def release_partners():
    """Just the four partners the demo releases are about, with their first agreements."""
    for slug, (kind, country, signed_on) in DEMO_PARTNERS.items():
        AgreementFactory(
            partner=PartnerFactory(slug=slug, kind=kind, country=country), signed_on=signed_on
        )
