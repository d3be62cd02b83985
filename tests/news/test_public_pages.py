import datetime
import json

import feedparser
import pytest
from django.utils import timezone

from news.models import Category
from tests.factories import PartnerFactory
from tests.news.factories import (
    DraftReleaseFactory,
    QuoteFactory,
    ReleaseFactory,
    ReleasePhotoFactory,
    pdf_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["feed", "atom"])
def test_feeds_parse_and_carry_only_what_is_live_in_their_language(client, kind):
    both = ReleaseFactory(title_ja="両方で公開", title_en="Live in both")
    japanese_only = ReleaseFactory(title_ja="日本語のみ公開", publish_at_en=None)
    DraftReleaseFactory(title_ja="下書き", title_en="Draft")
    ReleaseFactory(
        title_ja="予約",
        title_en="Embargoed",
        publish_at_ja=timezone.now() + datetime.timedelta(days=1),
        publish_at_en=timezone.now() + datetime.timedelta(days=1),
    )
    ja = feedparser.parse(client.get(f"/ja/news/{kind}/").content)
    en = feedparser.parse(client.get(f"/en/news/{kind}/").content)
    assert not ja.bozo and not en.bozo
    assert {e.title for e in ja.entries} == {"両方で公開", "日本語のみ公開"}
    assert {e.title for e in en.entries} == {"Live in both"}
    assert en.entries[0].link.endswith(f"/en/news/{both.slug}/")
    assert any(e.link.endswith(f"/ja/news/{japanese_only.slug}/") for e in ja.entries)


def test_pages_link_to_both_feeds_in_their_language(client):
    release = ReleaseFactory()
    for url in ("/en/news/", f"/en/news/{release.slug}/"):
        html = client.get(url).content.decode()
        assert 'rel="alternate" type="application/rss+xml"' in html
        assert "/en/news/feed/" in html and "/en/news/atom/" in html


def test_detail_shows_photos_quotes_attachment_partners_and_neighbours(client):
    from django.core.files.base import ContentFile

    partner = PartnerFactory(name_en="Osaka Prefecture")
    older = ReleaseFactory(date=datetime.date(2020, 1, 1), title_en="Older one")
    release = ReleaseFactory(date=datetime.date(2020, 6, 1), partners=[partner])
    newer = ReleaseFactory(date=datetime.date(2021, 1, 1), title_en="Newer one")
    DraftReleaseFactory(date=datetime.date(2020, 7, 1), title_en="Hidden draft")
    ReleasePhotoFactory(release=release, alt_en="Signatories shaking hands")
    QuoteFactory(release=release, text_en="We are delighted.", speaker_en="Taro Yamada")
    release.attachment_en.save("release.pdf", ContentFile(pdf_bytes(padding=2000)))
    html = client.get(f"/en/news/{release.slug}/").content.decode()
    assert 'alt="Signatories shaking hands"' in html
    assert "srcset=" in html and 'width="480"' in html and "height=" in html
    assert "<blockquote><p>We are delighted.</p></blockquote>" in html
    assert "Taro Yamada" in html
    assert ".pdf" in html and "KB" in html
    assert "Osaka Prefecture" in html and partner.get_absolute_url() in html
    assert f'href="/en/news/{older.slug}/" rel="prev"' in html
    assert f'href="/en/news/{newer.slug}/" rel="next"' in html
    assert "Hidden draft" not in html


def test_detail_has_opengraph_and_safely_escaped_json_ld(client):
    release = ReleaseFactory(title_en="</script><script>alert(1)</script>", lead_en="A lead")
    html = client.get(f"/en/news/{release.slug}/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="&lt;/script&gt;' in html
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    data = json.loads(block)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert "<" not in block


def test_history_table_option_appends_the_partnership_table_as_of_the_release_date(client):
    from tests.factories import AgreementFactory

    before = AgreementFactory(signed_on=datetime.date(2018, 1, 1))
    after = AgreementFactory(signed_on=datetime.date(2021, 1, 1))
    release = ReleaseFactory(date=datetime.date(2019, 1, 1), show_history_table=True)
    html = client.get(f"/en/news/{release.slug}/").content.decode()
    assert "history-table" in html
    assert before.partner.name_en in html
    assert after.partner.name_en not in html
    plain = ReleaseFactory(show_history_table=False)
    assert "history-table" not in client.get(f"/en/news/{plain.slug}/").content.decode()


def test_list_filters_by_year_category_and_partner(client):
    partner = PartnerFactory(slug="osaka")
    ReleaseFactory(date=datetime.date(2019, 8, 30), title_en="In 2019", partners=[partner])
    ReleaseFactory(date=datetime.date(2021, 2, 5), title_en="In 2021")
    ReleaseFactory(
        date=datetime.date(2022, 10, 6), title_en="A report", category=Category.EVENT_REPORT
    )

    def titles(**params):
        html = client.get("/en/news/", params).content.decode()
        return {t for t in ("In 2019", "In 2021", "A report") if t in html}

    assert titles(year="2019") == {"In 2019"}
    assert titles(category="event_report") == {"A report"}
    assert titles(partner="osaka") == {"In 2019"}
    assert titles() == {"In 2019", "In 2021", "A report"}


def test_filter_labels_are_translated(client):
    ReleaseFactory()
    html = client.get("/ja/news/").content.decode()
    assert '<label for="id_year">年</label>' in html
    assert "カテゴリー" in html


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"category": "zzz"},
        {"partner": "unknown"},
        {"page": "9999"},
        {"page": "abc"},
        {"page": "-1"},
        {"year": "x" * 1000, "category": "y" * 1000, "partner": "z" * 1000},
        {"partner": "<script>"},
    ],
)
def test_bad_filter_values_never_give_a_server_error(client, params):
    ReleaseFactory.create_batch(3)
    for language in ("ja", "en"):
        response = client.get(f"/{language}/news/", params)
        assert response.status_code == 200


def test_unknown_slug_is_a_404(client):
    assert client.get("/en/news/does-not-exist/").status_code == 404


def test_home_page_lists_the_latest_live_releases(client):
    ReleaseFactory(title_en="Latest live one")
    DraftReleaseFactory(title_en="Unseen draft")
    html = client.get("/en/").content.decode()
    assert "Latest live one" in html
    assert "Unseen draft" not in html
