"""On a normal laptop screen (1280 x 800) the Japanese release change list keeps its title
column readable: the filter sidebar and the date, state and language columns used to squeeze
it to one or two characters a line. The partner's country menu starts with Japan and is
searched by typing a Japanese name."""

import pytest

from tests.news.factories import ReleaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

LAPTOP = {"width": 1280, "height": 800}
TITLE = "国立研究開発法人とライフサイエンス分野の包括連携協定を締結しました"


def test_the_title_column_keeps_a_readable_width_on_a_laptop(page, login, publisher):
    for number in range(3):
        ReleaseFactory(title_ja=f"{TITLE}（{number + 1}）", title_en=f"Agreement {number + 1}")
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    page.set_viewport_size(LAPTOP)
    login(page, publisher)
    page.goto("/admin/news/release/")
    assert page.locator("html").get_attribute("lang") == "ja"
    cell = page.locator("#result_list tbody .field-title").first
    assert TITLE in cell.inner_text()
    box = cell.bounding_box()
    font_size = float(cell.evaluate("cell => getComputedStyle(cell).fontSize").removesuffix("px"))
    # At least 15 Japanese characters a line (16em), so that the title reads in a few lines
    # rather than as a column of characters.
    assert box["width"] >= 15 * font_size, (box, font_size)
    lines = cell.evaluate("cell => cell.querySelector('a').getClientRects().length")
    assert lines <= 3, lines
    assert page.console_errors == []


def test_the_country_menu_starts_with_japan_and_finds_a_country_typed_in_japanese(
    page, login, editor
):
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))
    page.set_viewport_size(LAPTOP)
    login(page, editor)
    page.goto("/admin/partners/partner/add/")
    assert page.locator("#id_country option").nth(1).inner_text() == "日本"
    page.locator(".field-country .select2-selection").click()
    page.locator(".select2-search__field").fill("ドイツ")
    page.locator(".select2-results__option", has_text="ドイツ").first.click()
    assert page.locator("#id_country").input_value() == "DE"
    assert page.console_errors == []
