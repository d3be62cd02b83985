import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from news.models import Release, Status
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")
SIGNING = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=TOKYO)


def visible(client, release, language: str) -> bool:
    response = client.get(f"/{language}/news/{release.slug}/")
    assert response.status_code in (200, 404)
    return response.status_code == 200


def listed(client, release, language: str) -> bool:
    return (
        release.get_absolute_url().split("/")[-2]
        in client.get(f"/{language}/news/").content.decode()
    )


@pytest.mark.parametrize("language", ["ja", "en"])
@pytest.mark.parametrize(
    "state",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.WITHDRAWN},
        {"status": Status.PUBLISHED, "publish_at_ja": None, "publish_at_en": None},
    ],
    ids=["draft", "review", "withdrawn", "published-without-time"],
)
def test_unpublished_release_is_hidden_from_visitors(client, language, state):
    release = ReleaseFactory(**state)
    assert not visible(client, release, language)
    assert not listed(client, release, language)
    assert release.slug not in client.get(f"/{language}/news/feed/").content.decode()


@pytest.mark.parametrize("language", ["ja", "en"])
def test_published_release_is_public_in_both_languages(client, language):
    release = ReleaseFactory()
    assert visible(client, release, language)
    assert listed(client, release, language)


def test_embargoed_release_goes_live_at_its_time_without_a_scheduler(client):
    with time_machine.travel(SIGNING - datetime.timedelta(days=1), tick=False):
        release = ReleaseFactory(publish_at_ja=SIGNING, publish_at_en=SIGNING)
        assert not visible(client, release, "ja")
        assert not visible(client, release, "en")
    with time_machine.travel(SIGNING - datetime.timedelta(seconds=1), tick=False):
        assert not visible(client, release, "ja")
        assert Release.objects.live("ja").count() == 0
    with time_machine.travel(SIGNING, tick=False):
        assert visible(client, release, "ja")
        assert visible(client, release, "en")


def test_release_disappears_after_its_unpublish_time(client):
    end = SIGNING + datetime.timedelta(days=30)
    with time_machine.travel(SIGNING, tick=False):
        release = ReleaseFactory(publish_at_ja=SIGNING, publish_at_en=SIGNING, unpublish_at=end)
        assert visible(client, release, "en")
    with time_machine.travel(end - datetime.timedelta(minutes=1), tick=False):
        assert visible(client, release, "ja")
    with time_machine.travel(end, tick=False):
        assert not visible(client, release, "ja")
        assert not visible(client, release, "en")
        assert not listed(client, release, "ja")
        assert release.language_state("ja") == "expired"


def test_each_language_is_published_on_its_own(client):
    later = SIGNING + datetime.timedelta(days=3)
    with time_machine.travel(SIGNING, tick=False):
        release = ReleaseFactory(publish_at_ja=SIGNING, publish_at_en=later)
        assert visible(client, release, "ja")
        assert not visible(client, release, "en")
        assert release.language_state("en") == "scheduled"
        assert release.live_languages() == ["ja"]
    with time_machine.travel(later, tick=False):
        assert visible(client, release, "en")
        assert release.live_languages() == ["ja", "en"]


def test_english_version_without_a_title_is_not_published_in_english(client):
    release = ReleaseFactory(title_en="")
    assert visible(client, release, "ja")
    assert not visible(client, release, "en")


def test_english_list_marks_a_japanese_only_release_and_links_to_japanese(client):
    japanese_only = ReleaseFactory(publish_at_en=None, title_ja="日本語だけのお知らせ")
    both = ReleaseFactory(title_en="Published in English too")
    html = client.get("/en/news/").content.decode()
    assert "Published in English too" in html
    assert "Japanese only" in html
    assert f'href="/ja/news/{japanese_only.slug}/" hreflang="ja" lang="ja"' in html
    assert f"/en/news/{japanese_only.slug}/" not in html
    japanese = client.get("/ja/news/").content.decode()
    assert "Japanese only" not in japanese and "日本語のみ" not in japanese
    assert f"/ja/news/{both.slug}/" in japanese


def test_model_is_live_mirrors_the_queryset_rule():
    now = datetime.datetime(2026, 6, 1, tzinfo=TOKYO)
    before = now - datetime.timedelta(days=2)
    cases = [
        ReleaseFactory(publish_at_ja=now, publish_at_en=None),
        ReleaseFactory(publish_at_ja=now + datetime.timedelta(hours=1)),
        ReleaseFactory(publish_at_ja=before, publish_at_en=before, unpublish_at=now),
        DraftReleaseFactory(),
        ReleaseFactory(publish_at_ja=before, publish_at_en=before, title_en=""),
    ]
    for language in ("ja", "en"):
        live = set(Release.objects.live(language, now=now).values_list("pk", flat=True))
        assert live == {r.pk for r in cases if r.is_live(language, now=now)}


def test_staff_preview_a_draft_at_its_real_url_in_both_languages_with_no_cache(client, editor):
    release = DraftReleaseFactory()
    client.force_login(editor)
    for language in ("ja", "en"):
        response = client.get(f"/{language}/news/{release.slug}/")
        assert response.status_code == 200
        assert "no-cache" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response.content.decode()
    assert client.get(f"/en/news/{release.slug}/").content.decode().count(release.title_en) >= 1


def test_a_visitor_logged_in_without_staff_rights_cannot_preview(client):
    from tests.factories import UserFactory

    release = DraftReleaseFactory()
    client.force_login(UserFactory(is_staff=False))
    assert client.get(f"/ja/news/{release.slug}/").status_code == 404


def test_a_japanese_only_release_offers_no_english_switch_or_hreflang(client):
    release = ReleaseFactory(publish_at_en=None, title_ja="日本語だけのお知らせ")
    html = client.get(f"/ja/news/{release.slug}/").content.decode()
    assert '<link rel="alternate" hreflang="ja"' in html
    assert 'hreflang="en"' not in html
    assert 'hreflang="x-default"' not in html
    assert f"/en/news/{release.slug}/" not in html


def test_a_release_in_both_languages_keeps_both_switch_links(client):
    release = ReleaseFactory()
    html = client.get(f"/ja/news/{release.slug}/").content.decode()
    assert f'<a href="/en/news/{release.slug}/" hreflang="en" lang="en">' in html
    assert '<link rel="alternate" hreflang="en"' in html


def test_the_english_address_of_a_japanese_only_release_explains_and_links_japanese(client):
    release = ReleaseFactory(publish_at_en=None, title_ja="日本語だけのお知らせ")
    response = client.get(f"/en/news/{release.slug}/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>This release is not available in this language</h1>" in html
    assert (
        f'<a href="/ja/news/{release.slug}/" hreflang="ja" lang="ja">日本語だけのお知らせ</a>'
        in html
    )
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html
    assert '<link rel="alternate" hreflang="en"' not in html


def test_an_unknown_release_address_is_a_plain_404(client):
    response = client.get("/en/news/no-such-release/")
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()
