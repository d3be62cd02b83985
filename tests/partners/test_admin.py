import datetime
import re

import pytest

from partners.models import Agreement, Partner
from tests import images
from tests.factories import AgreementFactory, PartnerFactory, ScopeItemFactory

pytestmark = pytest.mark.django_db


def partner_form(**overrides):
    data = {
        "name_ja": "メディセン・パリ・リージョン",
        "name_en": "Medicen Paris Region",
        "name_reading": "めでぃせん・ぱり・りーじょん",
        "short_name_ja": "MPR",
        "short_name_en": "MPR",
        "slug": "mpr",
        "kind": "cluster",
        "country": "FR",
        "city_ja": "パリ",
        "city_en": "Paris",
        "website": "https://medicen.org/en/",
        "description_ja": "パリのヘルステック・クラスター。",
        "description_en": "A health-technology cluster in Paris.",
        "is_disclosed": "on",
        "former_names-TOTAL_FORMS": "0",
        "former_names-INITIAL_FORMS": "0",
        "agreements-TOTAL_FORMS": "1",
        "agreements-INITIAL_FORMS": "0",
        "agreements-0-signed_on": "2021-02-05",
        "agreements-0-date_precision": "day",
        "agreements-0-agreement_type": "mou",
        "agreements-0-term_years": "5",
        "agreements-0-notes_ja": "",
        "agreements-0-notes_en": "",
    }
    data.update(overrides)
    return data


def test_adding_a_partner_in_both_languages_with_its_agreement(admin_client):
    scope = ScopeItemFactory()
    response = admin_client.post(
        "/admin/partners/partner/add/",
        partner_form(**{"agreements-0-scope_items": [scope.pk], "logo": images.upload()}),
    )
    assert response.status_code == 302, response.context["adminform"].errors
    partner = Partner.objects.get(slug="mpr")
    assert (partner.name_ja, partner.name_en) == (
        "メディセン・パリ・リージョン",
        "Medicen Paris Region",
    )
    assert partner.updated_by.username == "admin"
    agreement = partner.agreements.get()
    assert agreement.signed_on == datetime.date(2021, 2, 5)
    assert list(agreement.scope_items.all()) == [scope]
    assert partner.logo.name.startswith("partners/logos/")


def test_changing_a_partner_in_english_keeps_the_japanese(admin_client):
    partner = PartnerFactory(name_ja="横浜市", name_en="Yokohama")
    data = partner_form(
        name_ja="横浜市",
        name_en="City of Yokohama",
        name_reading="よこはまし",
        slug=partner.slug,
        **{"agreements-TOTAL_FORMS": "0"},
    )
    response = admin_client.post(f"/admin/partners/partner/{partner.pk}/change/", data)
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.name_ja, partner.name_en) == ("横浜市", "City of Yokohama")


@pytest.mark.parametrize(
    ("make", "message_en", "message_ja"),
    [
        (
            images.text_renamed_png,
            "not a PNG, JPEG or WebP",
            "PNG・JPEG・WebP 形式の画像ではありません",
        ),
        (images.decompression_bomb, "too many pixels", "画素数が多すぎます"),
        (lambda: images.oversized(5 * 1024 * 1024), "images may be at most", "以下にしてください"),
    ],
)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_bad_logos_are_refused_and_nothing_is_saved(
    admin_client, media_root, make, message_en, message_ja, language
):
    response = admin_client.post(
        "/admin/partners/partner/add/",
        partner_form(logo=make()),
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert (message_en if language == "en" else message_ja) in text
    # What the editor typed is still in the form.
    assert 'value="Medicen Paris Region"' in text
    assert not Partner.objects.exists()
    assert not Agreement.objects.exists()
    assert not list(media_root.rglob("*.png"))


def test_agreement_with_month_precision_must_be_the_first_of_the_month(admin_client):
    response = admin_client.post(
        "/admin/partners/partner/add/",
        partner_form(**{"agreements-0-date_precision": "month"}),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "enter the first day of the month" in response.content.decode()
    assert not Partner.objects.exists()


@pytest.mark.parametrize("term", ["漢字", "Kanji"])
def test_admin_search_covers_both_languages(admin_client, term):
    PartnerFactory(name_ja="漢字大学", name_en="Kanji University")
    PartnerFactory(name_ja="別の団体", name_en="Someone else")
    response = admin_client.get("/admin/partners/partner/", {"q": term})
    assert response.context["cl"].result_count == 1


def test_changelist_shows_thumbnails_and_language_completeness(admin_client):
    partner = PartnerFactory(description_en="")
    partner.logo.save("logo.png", images.upload())
    AgreementFactory(partner=partner)
    text = admin_client.get("/admin/partners/partner/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'class="admin-thumb"' in text
    assert "JA ✓" in text and "EN ✗" in text


def test_admin_pages_load_tabs_from_our_own_static_files(admin_client):
    text = admin_client.get("/admin/partners/partner/add/").content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in text
    assert "tabbed_translation_fields.js" in text
    assert "googleapis" not in text


def test_admin_chrome_follows_the_editors_language(admin_client):
    japanese = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "LINK-J 管理画面" in japanese and "提携先" in japanese
    english = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "LINK-J back office" in english


def test_autocomplete_finds_partners_for_agreements(admin_client):
    PartnerFactory(name_ja="大阪府", name_en="Osaka Prefecture")
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "大阪",
            "app_label": "partners",
            "model_name": "agreement",
            "field_name": "partner",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["大阪府"]


def country_options(html: str) -> list[str]:
    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S)
    return re.findall(r'<option value="(\w*)"', select[1])


def test_country_menu_starts_with_japan_then_follows_the_japanese_reading_order(admin_client):
    html = admin_client.get("/admin/partners/partner/add/", HTTP_ACCEPT_LANGUAGE="ja")
    codes = country_options(html.content.decode())
    assert codes[:2] == ["", "JP"]
    # アイスランド, アイルランド, … アメリカ合衆国; 中国 among the ち, 台湾 among the た.
    assert codes[2:4] == ["IS", "IE"]
    assert codes.index("US") < codes.index("GB") < codes.index("DE")  # ア, イ, ド
    assert codes.index("TH") < codes.index("TW") < codes.index("CN") < codes.index("CL")


def test_country_menu_is_searchable_with_the_admins_select2(admin_client):
    html = admin_client.get("/admin/partners/partner/add/").content.decode()
    assert re.search(r'<select name="country"[^>]*data-searchable-select', html)
    assert "select2.full.min.js" in html and "js/admin-searchable-select.js" in html
    assert html.count("jquery.min.js") == 1
