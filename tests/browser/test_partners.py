import re

import pytest
from playwright.sync_api import expect

from partners.models import Partner
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_switches_a_partner_page_to_english_and_back(page, demo_partners):
    page.goto("/ja/partners/osaka/")
    expect(page.locator("h1")).to_have_text("大阪府")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    page.get_by_role("navigation", name="言語").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/partners/osaka/$"))
    expect(page.locator("h1")).to_have_text("Osaka Prefecture")
    expect(page.locator(".ordinal")).to_contain_text("13th partnership")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="日本語").click()
    expect(page).to_have_url(re.compile(r"/ja/partners/osaka/$"))
    assert page.console_errors == []


def test_visitor_filters_the_list_with_the_keyboard_and_shares_the_url(page, demo_partners):
    page.goto("/en/partners/")
    expect(page.get_by_role("heading", name="15 partners")).to_be_visible()
    page.get_by_label("Kind").select_option("local_government")
    page.get_by_label("Region").select_option("domestic")
    # exact: the header's site search box is labelled "Search partners, news and events".
    page.get_by_label("Search", exact=True).fill("横浜")
    page.get_by_label("Search", exact=True).press("Enter")
    expect(page).to_have_url(re.compile(r"kind=local_government"))
    expect(page.get_by_role("heading", name="1 partner", exact=True)).to_be_visible()
    expect(page.locator(".card h3")).to_have_text(["City of Yokohama"])
    shared = page.url
    page.goto(shared)
    expect(page.locator(".card h3")).to_have_text(["City of Yokohama"])
    page.get_by_role("link", name="Clear").click()
    expect(page.get_by_role("heading", name="15 partners")).to_be_visible()
    assert page.console_errors == []


def test_history_page_shows_the_chart_and_table(page, demo_partners):
    page.goto("/en/partners/history/")
    expect(page.get_by_role("img", name="New partners per year")).to_be_visible()
    expect(page.locator(".history-table tbody tr")).to_have_count(16)
    assert page.console_errors == []


def test_editor_edits_a_partner_through_the_admin_language_tabs(
    page, login, demo_partners, live_server
):
    login(page, UserFactory(username="editor", is_superuser=True))
    partner = Partner.objects.get(slug="kanagawa")
    page.goto(f"/admin/partners/partner/{partner.pk}/change/")
    # Japanese admin chrome for a Japanese browser.
    expect(page.locator("#site-name")).to_contain_text("LINK-J 管理画面")
    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs).to_be_visible()
    english_name = page.locator("#id_name_en")
    tabs.get_by_role("tab", name="英語").click()
    expect(english_name).to_be_visible()
    english_name.fill("Kanagawa Prefectural Government")
    tabs.get_by_role("tab", name="日本語").click()
    expect(page.locator("#id_name_ja")).to_be_visible()
    expect(english_name).to_be_hidden()
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    partner.refresh_from_db()
    assert partner.name_en == "Kanagawa Prefectural Government"
    assert partner.name_ja == "神奈川県"
    page.goto("/en/partners/kanagawa/")
    expect(page.locator("h1")).to_have_text("Kanagawa Prefectural Government")
    csp_errors = [e for e in page.console_errors if "Content Security Policy" in e]
    assert csp_errors == []
