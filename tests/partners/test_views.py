import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Kind, Partner
from tests.factories import AgreementFactory, PartnerFactory, ScopeItemFactory

pytestmark = pytest.mark.django_db


def slugs_on(response):
    return re.findall(r'href="/(?:ja|en)/partners/([a-z0-9-]+)/"', response.content.decode())


def partner_slugs(client, url):
    response = client.get(url)
    assert response.status_code == 200
    found = set(slugs_on(response)) - {"history"}
    return found


@pytest.mark.parametrize("language", ["ja", "en"])
class TestFilters:
    def test_without_filters_every_public_partner_is_listed(self, client, demo_partners, language):
        found = partner_slugs(client, f"/{language}/partners/")
        assert len(found) == 15
        assert "undisclosed-15" not in found

    def test_country_filter_keeps_partners_of_that_country(self, client, demo_partners, language):
        found = partner_slugs(client, f"/{language}/partners/?country=GB")
        assert found == {"one-nucleus", "medcity", "oui"}

    def test_region_filter_splits_japan_and_overseas(self, client, demo_partners, language):
        overseas = partner_slugs(client, f"/{language}/partners/?region=overseas")
        domestic = partner_slugs(client, f"/{language}/partners/?region=domestic")
        assert len(overseas) == 8 and "mpr" in overseas and "osaka" not in overseas
        assert len(domestic) == 7 and "osaka" in domestic and "undisclosed-15" not in domestic

    def test_kind_filter(self, client, demo_partners, language):
        found = partner_slugs(client, f"/{language}/partners/?kind=local_government")
        assert found == {"kawasaki", "yokohama", "osaka", "kanagawa"}

    def test_year_filter_uses_the_signing_year(self, client, demo_partners, language):
        found = partner_slugs(client, f"/{language}/partners/?year=2018")
        assert found == {"kobe-fbri", "keio-iab", "medcity", "kawasaki"}

    def test_scope_filter(self, client, demo_partners, language):
        found = partner_slugs(client, f"/{language}/partners/?scope=symposia")
        assert found == {"ucsd", "ucla"}

    def test_japanese_search_works_on_either_language_page(self, client, demo_partners, language):
        assert partner_slugs(client, f"/{language}/partners/?q=横浜") == {"yokohama"}

    def test_english_search_works_on_either_language_page(self, client, demo_partners, language):
        assert partner_slugs(client, f"/{language}/partners/?q=oxford") == {"oui"}

    def test_search_matches_short_names(self, client, demo_partners, language):
        assert partner_slugs(client, f"/{language}/partners/?q=UCSD") == {"ucsd"}

    def test_search_matches_former_names_in_both_languages(self, client, demo_partners, language):
        assert partner_slugs(client, f"/{language}/partners/?q=先端医療振興財団") == {"kobe-fbri"}
        assert partner_slugs(client, f"/{language}/partners/?q=Biomedical Research") == {
            "kobe-fbri"
        }

    def test_filters_combine(self, client, demo_partners, language):
        url = f"/{language}/partners/?region=overseas&kind=cluster&year=2017"
        assert partner_slugs(client, url) == {"eurobiomed", "one-nucleus"}
        url = f"/{language}/partners/?country=US&scope=symposia&q=Los"
        assert partner_slugs(client, url) == {"ucla"}

    def test_sorting_by_signing_date(self, client, demo_partners, language):
        response = client.get(f"/{language}/partners/?sort=signed")
        order = [slug for slug in slugs_on(response) if slug != "history"]
        assert order[:3] == ["ucsd", "biocom", "eurobiomed"]
        response = client.get(f"/{language}/partners/?sort=-signed")
        assert [s for s in slugs_on(response) if s != "history"][0] == "mpr"

    def test_count_is_shown(self, client, demo_partners, language):
        response = client.get(f"/{language}/partners/?kind=local_government")
        text = response.content.decode()
        assert {"ja": "4 件", "en": "4 partners"}[language] in text


@pytest.mark.parametrize(
    "query",
    [
        "country=ZZ",
        "year=abc",
        "kind=spaceship",
        "region=moon",
        "scope=no-such-scope",
        "sort=%27%3BDROP",
        "q=" + "横" * 300,
        "year=99999999999999999999",
    ],
)
@pytest.mark.parametrize("language", ["ja", "en"])
def test_bad_filter_values_give_a_normal_page(client, demo_partners, query, language):
    response = client.get(f"/{language}/partners/?{query}")
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


def test_bad_filter_value_explains_itself_in_the_visitors_language(client, demo_partners):
    english = client.get("/en/partners/?country=ZZ").content.decode()
    assert "Select a valid choice" in english
    japanese = client.get("/ja/partners/?country=ZZ").content.decode()
    assert "正しく選択してください" in japanese
    long_query = client.get("/en/partners/?q=" + "a" * 3000).content.decode()
    assert "at most 100 characters" in long_query


def test_unknown_slug_answers_404_with_a_normal_page(client, demo_partners):
    response = client.get("/en/partners/no-such-partner/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("page", ["9999", "abc", "-1", "0"])
def test_a_page_out_of_range_shows_the_nearest_page(client, page):
    for _ in range(30):
        AgreementFactory()
    response = client.get(f"/en/partners/?page={page}")
    assert response.status_code == 200
    assert response.context["page_obj"].number == (1 if page == "abc" else 2)


def test_undisclosed_partner_page_is_not_found(client, demo_partners):
    assert client.get("/en/partners/undisclosed-15/").status_code == 404


def test_history_table_lists_every_partnership_in_order_without_naming_the_confidential_one(
    client, demo_partners
):
    response = client.get("/en/partners/history/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Undisclosed partner" in text
    assert "Undisclosed partner (demo)" not in text
    rows = re.findall(r"<td class=\"num\"[^>]*>(\d+)</td>", text.split("history-table")[1])
    assert rows == [str(n) for n in range(1, 17)]
    assert "<svg" in text and "<desc" in text
    assert "2016: 2 (0 in Japan, 2 overseas)." in text


def test_partner_page_states_its_ordinals_in_both_languages(client, demo_partners):
    english = client.get("/en/partners/osaka/").content.decode()
    assert "13th partnership" in english and "3rd with a local government" in english
    assert "13 partners, 7 of them overseas" in english
    assert "government. At the time" in english
    japanese = client.get("/ja/partners/osaka/").content.decode()
    assert "13件目" in japanese and "3件目" in japanese
    # Japanese sentences follow each other without a space.
    assert re.search(r"です。この時点で提携先は 13 団体", japanese)


def test_partner_page_shows_former_names(client, demo_partners):
    english = client.get("/en/partners/kobe-fbri/").content.decode()
    assert "Formerly" in english and "Foundation for Biomedical Research and Innovation<" in english
    japanese = client.get("/ja/partners/kobe-fbri/").content.decode()
    assert "旧称" in japanese and "先端医療振興財団" in japanese


def test_dates_follow_the_language(client, demo_partners):
    assert "2020年9月7日" in client.get("/ja/partners/osaka/").content.decode()
    assert "7 September 2020" in client.get("/en/partners/osaka/").content.decode()
    assert "2016年5月" in client.get("/ja/partners/ucsd/").content.decode()
    assert "May 2016" in client.get("/en/partners/ucsd/").content.decode()


def test_logo_is_a_rendition_with_size_and_alt(client, demo_partners):
    text = client.get("/en/partners/medcity/").content.decode()
    img = re.search(r"<img [^>]*>", text.split('class="detail-header"')[1]).group(0)
    assert 'alt="MedCity"' in img and 'width="240"' in img and 'height="100"' in img
    assert "srcset=" in img and ".webp" in img


def test_empty_english_field_falls_back_to_japanese_marked_as_japanese(client):
    partner = PartnerFactory(name_ja="日本語だけの団体", name_en="", description_en="")
    AgreementFactory(partner=partner)
    text = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert '<h1 lang="ja">日本語だけの団体</h1>' in text
    assert '<div class="rich-text" lang="ja">' in text


class TestEveryPage:
    @pytest.mark.parametrize("language", ["ja", "en"])
    def test_head_has_language_alternates_canonical_title_and_description(
        self, client, demo_partners, language
    ):
        text = client.get(f"/{language}/partners/yokohama/").content.decode()
        assert f'<html lang="{language}">' in text
        assert 'hreflang="ja" href="http://testserver/ja/partners/yokohama/"' in text
        assert 'hreflang="en" href="http://testserver/en/partners/yokohama/"' in text
        assert 'hreflang="x-default" href="http://testserver/partners/yokohama/"' in text
        assert (
            f'<link rel="canonical" href="http://testserver/{language}/partners/yokohama/">' in text
        )
        title = "横浜市" if language == "ja" else "City of Yokohama"
        assert f"<title>{title} |" in text
        assert re.search(r'<meta name="description" content="[^"]{20,}">', text)

    def test_language_switch_leads_to_the_same_page_with_its_filters(self, client, demo_partners):
        text = client.get("/ja/partners/?kind=cluster").content.decode()
        assert 'href="/en/partners/?kind=cluster" hreflang="en"' in text

    def test_the_x_default_address_sends_each_visitor_to_their_language(
        self, client, demo_partners
    ):
        english = client.get("/partners/yokohama/", HTTP_ACCEPT_LANGUAGE="en")
        assert english["Location"] == "/en/partners/yokohama/"
        assert client.get("/partners/yokohama/")["Location"] == "/ja/partners/yokohama/"

    def test_root_redirects_to_the_browsers_language_or_japanese(self, client):
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")["Location"] == "/en/"
        assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")["Location"] == "/ja/"
        assert client.get("/")["Location"] == "/ja/"


def make_partners(count):
    scope = ScopeItemFactory()
    for index in range(count):
        agreement = AgreementFactory(
            partner=PartnerFactory(
                kind=list(Kind)[index % len(Kind)], country=["JP", "US", "GB"][index % 3]
            ),
            signed_on=datetime.date(2016, 1, 1) + datetime.timedelta(days=index),
        )
        agreement.scope_items.add(scope)


@pytest.mark.parametrize(
    "url",
    [
        "/en/partners/",
        "/ja/partners/?region=overseas&sort=signed",
        "/en/partners/history/",
        "/ja/",
    ],
)
def test_query_count_stays_flat_as_partners_grow_tenfold(client, count_queries, url):
    make_partners(10)
    small = count_queries(client.get, url)
    make_partners(290)
    large = count_queries(client.get, url)
    assert small == large


def test_detail_page_query_count_does_not_grow_with_the_partner_list(client, count_queries):
    make_partners(10)
    partner = Partner.objects.first()
    small = count_queries(client.get, partner.get_absolute_url())
    make_partners(290)
    assert count_queries(client.get, partner.get_absolute_url()) == small


def test_urls_are_translated_per_language():
    with translation.override("en"):
        assert reverse("partners:partner_list") == "/en/partners/"
    with translation.override("ja"):
        assert reverse("partners:history") == "/ja/partners/history/"


def test_country_names_come_from_the_country_list_not_the_region_labels(client, demo_partners):
    japanese = client.get("/ja/partners/osaka/").content.decode()
    assert "<dd>日本</dd>" in japanese
    assert "自治体との提携として3件目" in japanese
    english = client.get("/en/partners/?region=domestic").content.decode()
    assert "Local government / Japan" in english


@pytest.mark.parametrize(
    ("language", "first_two"),
    # Japanese: 五十音 order of the readings (おおさかふ, おっくすふぉーど…); English: A–Z.
    [("ja", ["osaka", "oui"]), ("en", ["biocom", "kawasaki"])],
)
def test_the_unfiltered_list_is_sorted_by_name_in_the_visitors_language(
    client, demo_partners, language, first_two
):
    response = client.get(f"/{language}/partners/")
    assert [slug for slug in slugs_on(response) if slug != "history"][:2] == first_two
