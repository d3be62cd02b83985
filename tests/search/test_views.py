import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from partners.models import FormerName
from search.views import PAGE_SIZE, PREVIEW_SIZE
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def search_url(language="ja", **params):
    from urllib.parse import urlencode

    with translation.override(language):
        return f"{reverse('search:search')}?{urlencode(params)}"


def results(response, key):
    for group in response.context["groups"]:
        if group["group"].key == key:
            return group["items"]
    raise AssertionError(f"no group {key}")


@pytest.fixture
def yokohama():
    return PartnerFactory(
        slug="yokohama",
        name_ja="横浜市",
        name_en="City of Yokohama",
        name_reading="よこはまし",
        short_name_en="Yokohama",
        description_ja="横浜市の医療産業を支えます。",
        description_en="Supports the medical industry of Yokohama.",
    )


@pytest.fixture
def ucsd():
    partner = PartnerFactory(
        slug="ucsd",
        name_ja="カリフォルニア大学サンディエゴ校",
        name_en="University of California San Diego",
        name_reading="かりふぉるにあだいがくさんでぃえごこう",
        short_name_ja="UCSD",
        short_name_en="UCSD",
    )
    FormerName.objects.create(partner=partner, name_ja="旧サンディエゴ研究機構", name_en="")
    return partner


def test_a_two_character_japanese_word_finds_a_partner_inside_a_longer_name(client, yokohama):
    response = client.get(search_url(q="横浜"))
    assert response.status_code == 200
    assert results(response, "partners") == [yokohama]


def test_a_single_kanji_matches_inside_longer_text(client, yokohama, ucsd):
    response = client.get(search_url(q="浜"))
    assert results(response, "partners") == [yokohama]


def test_hiragana_finds_a_name_written_in_katakana_and_its_reading(client, ucsd, yokohama):
    assert results(client.get(search_url(q="かりふぉるにあ")), "partners") == [ucsd]
    # The kanji name 横浜市 is found by its reading, typed in katakana.
    assert results(client.get(search_url(q="ヨコハマシ")), "partners") == [yokohama]


def test_full_width_letters_and_any_case_find_the_short_name(client, ucsd):
    assert results(client.get(search_url(q="ＵＣＳＤ")), "partners") == [ucsd]
    assert results(client.get(search_url(q="ucsd")), "partners") == [ucsd]


def test_a_former_name_finds_the_partner_and_is_shown_highlighted(client, ucsd):
    response = client.get(search_url(q="研究機構"))
    assert results(response, "partners") == [ucsd]
    assert "旧サンディエゴ<mark>研究機構</mark>" in response.content.decode()


def test_japanese_words_work_on_the_english_page_and_english_words_on_the_japanese_page(
    client, yokohama
):
    assert results(client.get(search_url("en", q="横浜")), "partners") == [yokohama]
    assert results(client.get(search_url("ja", q="yokohama")), "partners") == [yokohama]


def test_every_word_must_match(client, yokohama, ucsd):
    assert results(client.get(search_url(q="横浜 医療")), "partners") == [yokohama]
    assert results(client.get(search_url(q="横浜 UCSD")), "partners") == []


def test_matched_words_are_marked_and_the_rest_is_escaped(client):
    ReleaseFactory(title_ja="<b>横浜</b>で提携", lead_ja="横浜市と覚書を結びました。")
    body = client.get(search_url(q="横浜")).content.decode()
    assert "&lt;b&gt;<mark>横浜</mark>&lt;/b&gt;で提携" in body
    assert "<mark>横浜</mark>市と覚書を結びました。" in body


def test_only_releases_live_in_the_page_language_are_found(client):
    both = ReleaseFactory(title_ja="大阪の提携", title_en="Osaka partnership")
    japanese_only = ReleaseFactory(title_ja="大阪の覚書", title_en="", publish_at_en=None)
    DraftReleaseFactory(title_ja="大阪の下書き", title_en="Osaka draft")
    ReleaseFactory(
        title_ja="大阪の予定",
        publish_at_ja=timezone.now() + datetime.timedelta(days=1),
        publish_at_en=timezone.now() + datetime.timedelta(days=1),
    )
    assert set(results(client.get(search_url("ja", q="大阪")), "releases")) == {
        both,
        japanese_only,
    }
    assert results(client.get(search_url("en", q="大阪")), "releases") == [both]


def test_hidden_partners_and_unpublished_events_are_not_found(client):
    PartnerFactory(name_ja="神戸非公開", is_disclosed=False)
    EventFactory(title_ja="神戸セミナー", publication="draft")
    shown = EventFactory(title_ja="神戸フォーラム")
    response = client.get(search_url(q="神戸"))
    assert results(response, "partners") == []
    assert results(response, "events") == [shown]


def test_results_are_grouped_by_type_with_their_counts(client, yokohama):
    ReleaseFactory(title_ja="横浜で発表")
    EventFactory(title_ja="横浜セミナー")
    response = client.get(search_url(q="横浜"))
    assert [(g["group"].key, g["count"]) for g in response.context["groups"]] == [
        ("partners", 1),
        ("releases", 1),
        ("events", 1),
    ]
    assert response.context["total"] == 3
    body = response.content.decode()
    assert "「横浜」の検索結果：3件" in body
    assert '<span class="search-group__count">（1件）</span>' in body


def test_the_overview_shows_a_few_per_group_and_links_to_all_of_them(client):
    for _n in range(PREVIEW_SIZE + 2):
        ReleaseFactory(title_ja="京都の発表")
    response = client.get(search_url(q="京都"))
    assert len(results(response, "releases")) == PREVIEW_SIZE
    assert response.context["groups"][1]["count"] == PREVIEW_SIZE + 2
    assert "?q=%E4%BA%AC%E9%83%BD&amp;type=releases" in response.content.decode()


def test_one_group_is_paged(client):
    releases = [ReleaseFactory(title_ja="京都の発表") for _n in range(PAGE_SIZE + 3)]
    newest_first = sorted(releases, key=lambda r: (r.date, r.pk), reverse=True)
    first = client.get(search_url(q="京都", type="releases"))
    second = client.get(search_url(q="京都", type="releases", page=2))
    assert [g["group"].key for g in first.context["groups"]] == ["releases"]
    assert results(first, "releases") == newest_first[:PAGE_SIZE]
    assert results(second, "releases") == newest_first[PAGE_SIZE:]
    assert 'rel="next"' in first.content.decode()


def test_an_unknown_group_or_page_shows_everything_or_the_nearest_page(client, yokohama):
    response = client.get(search_url(q="横浜", type="nonsense", page="x"))
    assert response.status_code == 200
    assert len(response.context["groups"]) == 3
    paged = client.get(search_url(q="横浜", type="partners", page="99"))
    assert results(paged, "partners") == [yokohama]


def test_no_query_shows_the_form_without_a_message(client):
    response = client.get(search_url())
    assert response.status_code == 200
    assert "problem" not in response.context
    assert 'id="search-q"' in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("    ", "検索する言葉や名前を入力してください。"),
        ("・、。", "検索する言葉や名前を入力してください。"),
        ("a", "2文字以上の英数字、または1文字以上の漢字・かなを入力してください。"),
        ("ucsd " * 400, "検索語が長すぎます。200文字以内で入力してください。"),
    ],
)
def test_bad_input_gives_the_page_with_a_clear_japanese_message(client, query, message):
    response = client.get(search_url(q=query))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["groups"] == []


def test_two_thousand_kanji_exceed_any_address_and_get_the_sites_414_page(client):
    # 2,000 kanji are 18,000 bytes once encoded, past settings.ADDRESS_MAX_BYTES: the
    # middleware answers before the view, with the site's own page, never a 500.
    response = client.get(search_url(q="横" * 2000))
    assert response.status_code == 414
    assert "<h1>アドレスが長すぎます</h1>" in response.content.decode()


def test_bad_input_messages_are_english_on_the_english_page(client):
    response = client.get(search_url("en", q="x" * 2000))
    assert response.status_code == 200
    assert "Your search is too long. Use at most 200 characters." in response.content.decode()


def test_a_nul_byte_is_refused_with_the_sites_own_page_never_a_500(client):
    response = client.get(search_url(q="横浜\x00"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "<h1>リクエストを処理できません</h1>" in body
    assert "\x00" not in body


def test_the_view_itself_never_hands_a_nul_byte_to_the_database(rf, yokohama):
    from search.views import SearchView

    with translation.override("ja"):
        request = rf.get("/ja/search/", {"q": "横浜\x00市"})
        response = SearchView.as_view()(request)
    assert response.status_code == 200
    found = {group["group"].key: group["items"] for group in response.context_data["groups"]}
    assert found["partners"] == [yokohama]
    assert response.context_data["query"] == "横浜 市"


def test_the_header_has_a_search_box_that_works_without_javascript(client):
    body = client.get(reverse("home")).content.decode()
    assert f'action="{reverse("search:search")}"' in body
    assert 'name="q"' in body


def test_the_search_page_is_not_indexed(client):
    assert (
        '<meta name="robots" content="noindex">'
        in client.get(search_url(q="横浜")).content.decode()
    )


def seed(count):
    for n in range(count):
        partner = PartnerFactory(name_ja=f"東京研究所{n}")
        FormerName.objects.create(partner=partner, name_ja=f"旧東京研究所{n}")
        ReleaseFactory(title_ja=f"東京の発表{n}", lead_ja="東京で提携しました。")
        EventFactory(title_ja=f"東京セミナー{n}")


@pytest.mark.parametrize("params", [{"q": "東京"}, {"q": "東京", "type": "partners"}])
def test_the_search_page_makes_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, params
):
    seed(3)
    with django_assert_max_num_queries(6):
        client.get(search_url(**params))
    seed(30)
    with django_assert_max_num_queries(6):
        response = client.get(search_url(**params))
    assert response.context["total"] > 3


def test_counts_and_paging_stop_at_the_limit_for_very_common_words(client, monkeypatch):
    from search import query, views

    monkeypatch.setattr(query, "COUNT_LIMIT", 3)
    monkeypatch.setattr(views, "COUNT_LIMIT", 3)
    for _n in range(5):
        ReleaseFactory(title_ja="京都の発表")
    overview = client.get(search_url(q="京都"))
    assert overview.context["groups"][1]["count"] == 3
    body = overview.content.decode()
    assert "「京都」の検索結果：3件以上" in body
    assert "（3件以上）" in body
    paged = client.get(search_url(q="京都", type="releases"))
    assert len(results(paged, "releases")) == 3
    assert "最初の3件だけを表示しています。" in paged.content.decode()
