import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = browser.new_context(
        locale="ja-JP", base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def test_visitor_searches_from_the_header_without_javascript(
    page_without_javascript, demo_partners
):
    page = page_without_javascript
    page.goto("/ja/partners/")
    box = page.get_by_role("search", name="サイト内検索").get_by_role("searchbox")
    box.fill("よこはま")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/ja/search/\?q="))
    partners = page.get_by_role("region", name=re.compile("提携先"))
    expect(partners.locator(".search-result__title")).to_have_text(["横浜市"])
    expect(partners.locator("mark").first).to_have_text("よこはま")
    # The English page finds the same partner from the same Japanese word.
    page.get_by_role("navigation", name="言語").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q="))
    expect(page.locator(".search-result__title").first).to_have_text("City of Yokohama")
