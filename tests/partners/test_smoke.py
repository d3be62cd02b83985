import pytest

from tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["ja", "en"])
def test_partner_pages_render_in_both_languages(client, language):
    agreement = AgreementFactory()
    for url in [
        f"/{language}/partners/",
        f"/{language}/partners/history/",
        f"/{language}/partners/{agreement.partner.slug}/",
        f"/{language}/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f'<html lang="{language}">' in response.content.decode()
