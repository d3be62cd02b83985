"""The reading (よみがな) of a partner's Japanese name: required for Japanese names in the
admin, and the order of every Japanese partner list (五十音), while English lists go A–Z."""

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Partner
from tests.factories import PartnerFactory
from tests.partners.test_admin import partner_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["横浜市", "メディセン・パリ・リージョン", "つくば研究所"])
def test_the_admin_requires_a_reading_for_a_name_in_kanji_or_kana(admin_client, name):
    response = admin_client.post(
        "/admin/partners/partner/add/",
        partner_form(name_ja=name, name_reading=""),
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 200
    assert "日本語名のよみがなを入力してください。" in response.content.decode()
    assert not Partner.objects.exists()


def test_the_admin_refuses_kanji_in_the_reading(admin_client):
    response = admin_client.post(
        "/admin/partners/partner/add/",
        partner_form(name_ja="横浜市", name_reading="横浜し"),
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 200
    assert (
        "よみがなは漢字を使わず、ひらがなかカタカナで入力してください。"
        in response.content.decode()
    )


def test_a_name_in_latin_letters_needs_no_reading(admin_client):
    response = admin_client.post(
        "/admin/partners/partner/add/", partner_form(name_ja="BIOCOM", name_reading="")
    )
    assert response.status_code == 302
    assert Partner.objects.get().name_reading == "BIOCOM"


def test_a_reading_typed_in_katakana_or_half_width_is_stored_in_hiragana(admin_client):
    response = admin_client.post(
        "/admin/partners/partner/add/", partner_form(name_ja="横浜市", name_reading="ﾖｺﾊﾏｼ")
    )
    assert response.status_code == 302
    assert Partner.objects.get().name_reading == "よこはまし"


def test_a_kana_name_saved_without_a_reading_reads_as_written():
    partner = PartnerFactory(name_ja="ユーロバイオメッド", name_reading="")
    assert partner.name_reading == "ゆーろばいおめっど"


@pytest.fixture
def three_partners():
    # Code-point order of the names would be: ワ (U+30EF) < 大 (U+5927) < 横 (U+6A2A).
    return [
        PartnerFactory(name_ja="横浜市", name_reading="よこはまし", name_en="City of Yokohama"),
        PartnerFactory(name_ja="大阪府", name_reading="おおさかふ", name_en="Osaka Prefecture"),
        PartnerFactory(
            name_ja="ワン・ニュークリアス",
            name_reading="わん・にゅーくりあす",
            name_en="One Nucleus",
        ),
    ]


def public_names(client, language):
    with translation.override(language):
        response = client.get(reverse("partners:partner_list"))
    return [partner.display_name for partner in response.context["partners"]]


def test_the_japanese_partner_list_is_in_gojuon_order_by_reading(client, three_partners):
    assert public_names(client, "ja") == ["大阪府", "横浜市", "ワン・ニュークリアス"]


def test_the_english_partner_list_is_alphabetical_by_english_name(client, three_partners):
    assert public_names(client, "en") == ["City of Yokohama", "One Nucleus", "Osaka Prefecture"]


def changelist_names(admin_client, language):
    response = admin_client.get("/admin/partners/partner/", HTTP_ACCEPT_LANGUAGE=language)
    return [partner.name_ja for partner in response.context["cl"].result_list]


def test_the_japanese_admin_changelist_sorts_by_reading(admin_client, three_partners):
    assert changelist_names(admin_client, "ja") == ["大阪府", "横浜市", "ワン・ニュークリアス"]


def test_the_english_admin_changelist_sorts_by_english_name(admin_client, three_partners):
    assert changelist_names(admin_client, "en") == ["横浜市", "ワン・ニュークリアス", "大阪府"]


def test_every_demo_partner_with_a_japanese_name_has_a_reading(demo_partners):
    assert not Partner.objects.filter(name_reading="").exists()


def test_the_partner_list_filter_finds_a_name_by_its_reading_in_katakana(client, three_partners):
    with translation.override("ja"):
        response = client.get(reverse("partners:partner_list"), {"q": "ヨコハマ"})
    assert [partner.display_name for partner in response.context["partners"]] == ["横浜市"]
