import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from linkj.publishing import Status
from pages.models import Navigation, Page
from tests.pages.factories import DraftPageFactory, PageFactory

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")
GO_LIVE = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=TOKYO)


def visible(client, page, language: str) -> bool:
    response = client.get(f"/{language}/about/{page.slug}/")
    assert response.status_code in (200, 404)
    return response.status_code == 200


def test_published_page_is_shown_in_both_languages_with_its_own_text(client):
    page = PageFactory(title_ja="アクセス", title_en="Access", body_en="<p>By train.</p>")
    japanese = client.get(f"/ja/about/{page.slug}/").content.decode()
    english = client.get(f"/en/about/{page.slug}/").content.decode()
    assert "<h1>アクセス</h1>" in japanese
    assert "<h1>Access</h1>" in english and "By train." in english


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
def test_unpublished_page_is_hidden_from_visitors_and_the_menus(client, state):
    page = PageFactory(navigation=Navigation.HEADER, **state)
    for language in ("ja", "en"):
        assert not visible(client, page, language)
        assert page.slug not in client.get(f"/{language}/").content.decode()
        assert page.slug not in client.get(f"/{language}/about/").content.decode()


def test_each_language_goes_live_at_its_own_time_without_a_scheduler(client):
    with time_machine.travel(GO_LIVE - datetime.timedelta(days=1), tick=False):
        page = PageFactory(
            publish_at_ja=GO_LIVE, publish_at_en=GO_LIVE + datetime.timedelta(days=2)
        )
        assert not visible(client, page, "ja")
    with time_machine.travel(GO_LIVE, tick=False):
        assert visible(client, page, "ja")
        assert not visible(client, page, "en")
    with time_machine.travel(GO_LIVE + datetime.timedelta(days=2), tick=False):
        assert visible(client, page, "en")


def test_page_disappears_at_its_take_down_time(client):
    end = GO_LIVE + datetime.timedelta(days=30)
    with time_machine.travel(GO_LIVE, tick=False):
        page = PageFactory(publish_at_ja=GO_LIVE, publish_at_en=GO_LIVE, unpublish_at=end)
        assert visible(client, page, "en")
    with time_machine.travel(end, tick=False):
        assert not visible(client, page, "ja")
        assert page.language_state("ja") == "expired"


def test_a_language_without_a_title_is_not_published(client):
    page = PageFactory(title_en="")
    assert visible(client, page, "ja")
    assert not visible(client, page, "en")
    assert Page.objects.live("en").count() == 0


def test_staff_preview_a_draft_at_its_real_address_never_cached_and_not_indexed(client, editor):
    page = DraftPageFactory(title_en="Membership")
    assert not visible(client, page, "en")
    client.force_login(editor)
    response = client.get(f"/en/about/{page.slug}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "visitors cannot see this version yet" in html
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_staff_without_the_view_permission_get_the_visitors_404(client):
    from tests.factories import UserFactory

    page = DraftPageFactory()
    client.force_login(UserFactory(is_staff=True))
    assert client.get(f"/ja/about/{page.slug}/").status_code == 404


def test_the_about_index_lists_live_pages_in_their_order(client):
    PageFactory(slug="terms", title_en="Terms", position=50)
    PageFactory(slug="access", title_en="Access", position=20)
    DraftPageFactory(slug="secret", title_en="Secret")
    html = client.get("/en/about/").content.decode()
    assert html.index("Access") < html.index("Terms")
    assert "Secret" not in html


def test_page_body_is_sanitised_on_every_save_path():
    page = PageFactory(body_ja='<p onclick="x()">本文<script>alert(1)</script></p>')
    page.refresh_from_db()
    assert page.body_ja == "<p>本文</p>"
    Page.objects.filter(pk=page.pk).update(body_en="<img src=x onerror=alert(1)><p>ok</p>")
    page.refresh_from_db()
    assert page.body_en == "<p>ok</p>"


def test_slug_must_be_ascii():
    from django.core.exceptions import ValidationError

    page = PageFactory.build(slug="アクセス")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "slug" in error.value.message_dict


def test_page_urls_cannot_collide_with_other_sections():
    page = PageFactory(slug="news")
    assert page.get_absolute_url() == "/ja/about/news/"


def test_a_preview_offers_no_share_links(client, editor):
    page = DraftPageFactory()
    client.force_login(editor)
    html = client.get(page.get_absolute_url()).content.decode()
    assert 'class="share"' not in html
