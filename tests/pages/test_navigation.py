import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from pages.models import Navigation
from pages.navigation import menus
from tests.pages.factories import PageFactory

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")


def header_and_footer(html: str) -> tuple[str, str]:
    header = html.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0]
    footer = html.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]
    return header, footer


def test_pages_appear_in_the_header_or_footer_they_were_placed_in(client):
    PageFactory(slug="access", title_en="Access", navigation=Navigation.HEADER)
    PageFactory(slug="privacy", title_en="Privacy policy", navigation=Navigation.FOOTER)
    PageFactory(slug="hidden", title_en="Unlisted", navigation=Navigation.NONE)
    header, footer = header_and_footer(client.get("/en/news/").content.decode())
    assert 'href="/en/about/access/"' in header and "/about/privacy/" not in header
    assert 'href="/en/about/privacy/"' in footer and "/about/access/" not in footer
    assert "Unlisted" not in header + footer


def test_menu_labels_use_the_short_label_of_the_page_language():
    PageFactory(
        slug="membership",
        title_ja="会員制度のご案内",
        nav_title_ja="会員制度",
        title_en="Membership information",
        nav_title_en="",
        navigation=Navigation.HEADER,
    )
    assert [item["label"] for item in menus("ja")["header"]] == ["会員制度"]
    # No English short label: the English title, not the Japanese short label.
    assert [item["label"] for item in menus("en")["header"]] == ["Membership information"]


def test_menus_cost_one_query_and_then_none():
    PageFactory(navigation=Navigation.HEADER)
    PageFactory(navigation=Navigation.FOOTER)
    with CaptureQueriesContext(connection) as first_time:
        first = menus("ja")
    with CaptureQueriesContext(connection) as second_time:
        assert menus("ja") == first
    assert (len(first_time), len(second_time)) == (1, 0)
    assert [len(first["header"]), len(first["footer"])] == [1, 1]


def test_saving_other_content_keeps_the_menus_cached():
    from tests.news.factories import ReleaseFactory

    PageFactory(navigation=Navigation.HEADER)
    menus("ja")
    ReleaseFactory()
    with CaptureQueriesContext(connection) as queries:
        menus("ja")
    assert len(queries) == 0


def test_menus_stay_cached_even_with_the_page_cache_off(page_cache_off):
    PageFactory(navigation=Navigation.HEADER)
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            menus("ja")
        counts.append(len(queries))
    assert counts == [1, 0]


def test_a_saved_page_shows_in_the_menus_at_once():
    page = PageFactory(title_en="Access", navigation=Navigation.HEADER)
    assert [item["label"] for item in menus("en")["header"]] == ["Access"]
    page.title_en = "Access and map"
    page.save()
    assert [item["label"] for item in menus("en")["header"]] == ["Access and map"]
    page.delete()
    assert menus("en")["header"] == []


def test_a_scheduled_page_joins_the_cached_menu_when_it_goes_live():
    go_live = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=TOKYO)
    with time_machine.travel(go_live - datetime.timedelta(hours=1), tick=False):
        PageFactory(title_ja="会員制度", navigation=Navigation.HEADER, publish_at_ja=go_live)
        assert menus("ja")["header"] == []
    with time_machine.travel(go_live, tick=False):
        assert [item["label"] for item in menus("ja")["header"]] == ["会員制度"]


def test_menu_links_point_to_the_page_language():
    PageFactory(slug="access", navigation=Navigation.HEADER)
    with translation.override("en"):
        assert menus()["header"][0]["url"] == "/en/about/access/"
    assert menus("ja")["header"][0]["url"] == "/ja/about/access/"


def test_the_current_page_is_marked_in_the_header(client):
    PageFactory(slug="access", navigation=Navigation.HEADER)
    header, _footer = header_and_footer(client.get("/ja/about/access/").content.decode())
    assert '<a href="/ja/about/access/" aria-current="page">' in header


def test_footer_has_the_address(client):
    _header, footer = header_and_footer(client.get("/ja/").content.decode())
    assert "東京都中央区日本橋室町" in footer
    assert "<address>" in footer


def test_footer_social_links_are_plain_links_from_the_settings(client, settings):
    settings.LINKJ_SOCIAL_LINKS = [
        ("X", "https://x.com/linkj"),
        ("LinkedIn", "https://li.example/"),
    ]
    _header, footer = header_and_footer(client.get("/en/").content.decode())
    assert '<a href="https://x.com/linkj" rel="me noopener">X</a>' in footer
    assert '<a href="https://li.example/" rel="me noopener">LinkedIn</a>' in footer
    assert "<script" not in footer


def test_footer_links_to_contact_and_newsletter(client):
    _header, footer = header_and_footer(client.get("/ja/").content.decode())
    assert 'href="/ja/contact/"' in footer and 'href="/ja/newsletter/"' in footer
