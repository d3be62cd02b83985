import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.news.factories import QuoteFactory, ReleaseFactory, ReleasePhotoFactory

CATALOGUE = Path(settings.BASE_DIR) / "news" / "locale" / "ja" / "LC_MESSAGES"


def test_japanese_catalogue_is_complete_and_compiled():
    po = (CATALOGUE / "django.po").read_text(encoding="utf-8")
    entries = po.split("\n\n")[1:]
    assert entries
    for entry in entries:
        assert "#, fuzzy" not in entry, entry
        assert not re.search(r'^msgstr(\[\d\])? ""$', entry, re.MULTILINE) or re.search(
            r'^msgstr(\[\d\])? ""\n"', entry, re.MULTILINE
        ), entry
    # The compiled catalogue holds every entry of the .po file (it was compiled after the edit).
    with (CATALOGUE / "django.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)._catalog
    compiled = {key[0] if isinstance(key, tuple) else key for key in catalog} - {""}
    assert len(compiled) == len(entries)
    assert "年" in catalog.values() and "日本語のみ" in catalog.values()


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
