import pytest
from django.core.exceptions import ValidationError

from members.models import Organisation, OrganisationKind, normalise_reading
from tests.members.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [organisation.name for organisation in response.context["organisations"]]


@pytest.fixture
def members():
    OrganisationFactory(name_ja="わかば製薬", name_en="Wakaba Pharma", reading="ワカバセイヤク")
    OrganisationFactory(name_ja="アオイ医療", name_en="Aoi Medical", reading="あおいいりょう")
    OrganisationFactory(
        name_ja="株式会社カキノキ",
        name_en="Kakinoki Inc.",
        reading="ｶｷﾉｷ",
        kind=OrganisationKind.REGULAR,
    )
    OrganisationFactory(
        name_ja="非公開の会員", name_en="Unlisted Co.", reading="ひこうかい", listed=False
    )


def test_the_japanese_directory_is_in_gojuon_order_by_reading(client, members):
    response = client.get("/ja/members/")
    assert names(response) == ["アオイ医療", "株式会社カキノキ", "わかば製薬"]
    assert "五十音順" in response.content.decode()


def test_the_english_directory_is_in_alphabetical_order(client, members):
    response = client.get("/en/members/")
    assert names(response) == ["Aoi Medical", "Kakinoki Inc.", "Wakaba Pharma"]


def test_only_organisations_that_agreed_are_listed(client, members):
    assert "非公開の会員" not in client.get("/ja/members/").content.decode()


def test_the_directory_filters_by_kind(client, members):
    response = client.get("/ja/members/?kind=regular")
    assert names(response) == ["株式会社カキノキ"]
    response = client.get("/en/members/?kind=nonsense")
    assert names(response) == []
    assert "Select a valid choice" in response.content.decode()


def test_readings_are_stored_in_hiragana_whatever_kana_was_typed(members):
    assert normalise_reading("ｶｷﾉｷ") == "かきのき"
    assert normalise_reading(" リンク ジェイ ") == "りんく じぇい"
    assert Organisation.objects.get(name_ja="わかば製薬").reading == "わかばせいやく"


def test_a_reading_in_kanji_or_latin_letters_is_refused_with_a_message():
    organisation = OrganisationFactory.build(reading="若葉")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "ひらがなかカタカナ" in str(error.value.message_dict["reading"])
    organisation.reading = ""
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "reading" in error.value.message_dict


def test_the_directory_makes_few_queries_for_ten_times_the_members(
    client, django_assert_max_num_queries
):
    OrganisationFactory.create_batch(50)
    with django_assert_max_num_queries(8):
        small = client.get("/ja/members/")
    OrganisationFactory.create_batch(450)
    with django_assert_max_num_queries(8):
        large = client.get("/ja/members/?kind=special_a")
    assert small.status_code == large.status_code == 200
    assert large.context["paginator"].count == 500


def test_the_header_link_does_not_read_the_session_so_public_pages_stay_cached(client, members):
    """The "My page" link is the same for everyone: reading the session to vary it would make
    every public page uncacheable (linkj/cache.py stores only pages that did not)."""
    for path in ["/ja/members/", "/en/"]:
        assert client.get(path)["X-Page-Cache"] == "miss", path
        assert client.get(path)["X-Page-Cache"] == "hit", path
