from pathlib import Path

import pytest
from django.conf import settings

from tests.news.factories import QuoteFactory, ReleaseFactory, ReleasePhotoFactory

CATALOGUE = Path(settings.BASE_DIR) / "news" / "locale" / "ja" / "LC_MESSAGES"


@pytest.mark.django_db
def test_japanese_pages_show_no_english_interface_text(client):
    release = ReleaseFactory(show_history_table=True)
    ReleasePhotoFactory(release=release)
    QuoteFactory(release=release)
    english = [
        "Japanese only", "Follow by RSS", "All categories", "Comments", "Previous:",
        "Partners in this release", "Filter by", "releases", "Download",
    ]  # fmt: skip
    for url in ("/ja/news/", f"/ja/news/{release.slug}/"):
        html = client.get(url).content.decode()
        for text in english:
            assert text not in html, (url, text)
    html = client.get("/ja/news/").content.decode()
    assert "RSS で購読" in html and "すべてのカテゴリー" in html
