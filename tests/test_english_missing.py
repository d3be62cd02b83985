"""「英語未入力」: every content change list filters the rows whose English text is missing
(the same fields as its languages column), for editors to find what still needs translating."""

import pytest
from django.urls import reverse

from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.news.factories import ReleaseFactory
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db

FACTORIES = {
    "news_release": (ReleaseFactory, "title"),
    "partners_partner": (PartnerFactory, "name"),
    "events_event": (EventFactory, "title"),
    "pages_page": (PageFactory, "title"),
}


@pytest.mark.parametrize("changelist", list(FACTORIES))
def test_english_missing_lists_only_rows_without_their_english_text(changelist, admin_client):
    factory, field = FACTORIES[changelist]
    translated = factory(**{f"{field}_ja": "翻訳済みの項目", f"{field}_en": "Translated row"})
    untranslated = factory(**{f"{field}_ja": "未翻訳の項目", f"{field}_en": ""})
    url = reverse(f"admin:{changelist}_changelist")

    missing = admin_client.get(url, {"english": "missing"}, HTTP_ACCEPT_LANGUAGE="ja")
    assert missing.status_code == 200
    assert list(missing.context["cl"].result_list) == [untranslated]
    assert "英語未入力" in missing.content.decode()

    complete = admin_client.get(url, {"english": "complete"})
    assert list(complete.context["cl"].result_list) == [translated]
