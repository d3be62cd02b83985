"""On a phone (390 x 844): the month calendar is a list of days with nothing off-screen, the
list filters wait behind a native disclosure button that works without JavaScript, and Japanese
headings wrap between phrases."""

import datetime

import pytest
from django.utils import timezone

from tests.events.factories import EventFactory
from tests.news.factories import ReleaseFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def this_month_in_japan() -> datetime.date:
    return timezone.localdate(
        timezone.now(), timezone=datetime.timezone(datetime.timedelta(hours=9))
    )


def last_saturday(month: datetime.date) -> datetime.date:
    day = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    day -= datetime.timedelta(days=1)
    while day.weekday() != 5:
        day -= datetime.timedelta(days=1)
    return day


def test_the_month_calendar_fits_a_phone_screen_as_a_list_of_days(page):
    today = this_month_in_japan()
    saturday = last_saturday(today)
    starts = datetime.datetime.combine(
        saturday, datetime.time(14, 0), tzinfo=datetime.timezone(datetime.timedelta(hours=9))
    )
    EventFactory(
        title_ja="土曜日のとても長い名前のライフサイエンス・イノベーション・シンポジウム",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    page.set_viewport_size(PHONE)
    page.goto(f"/ja/events/calendar/{today.year}/{today.month}/")
    widths = page.evaluate(
        """() => {
            const root = document.documentElement;
            const wrap = document.querySelector('.table-wrap');
            return {page: [root.scrollWidth, root.clientWidth],
                    calendar: [wrap.scrollWidth, wrap.clientWidth]};
        }"""
    )
    assert widths["page"][0] <= widths["page"][1], widths
    assert widths["calendar"][0] <= widths["calendar"][1], widths
    cell = page.locator(f'td:has(time[datetime="{saturday:%Y-%m-%d}"])')
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert "土曜日のとても長い名前" in cell.inner_text()
    assert "（土）" in cell.inner_text()


def test_filters_are_collapsed_on_a_phone_and_open_with_a_tap(page):
    page.set_viewport_size(PHONE)
    page.goto("/ja/events/")
    month = page.get_by_label("月", exact=True)
    assert not month.is_visible()
    page.locator(".filters summary").click()
    assert month.is_visible()


def test_filters_work_without_javascript_on_a_phone(browser, live_server):
    context = browser.new_context(
        locale="ja-JP", base_url=live_server.url, java_script_enabled=False, viewport=PHONE
    )
    try:
        page = context.new_page()
        page.goto("/ja/news/")
        page.locator(".filters summary").click()
        assert page.locator(".filters select").first.is_visible()
    finally:
        context.close()


def test_filters_stay_open_beside_the_list_on_a_wide_screen(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/ja/events/")
    assert page.get_by_label("月", exact=True).is_visible()


def test_a_long_japanese_heading_wraps_between_phrases_not_inside_a_word(page):
    # Without phrase breaking, a phone's line ends where the characters run out: 振興財 / 団.
    long_ago = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)
    release = ReleaseFactory(
        title_ja="LINK-J、神戸の先端医療振興財団と相互提携の覚書を締結",
        publish_at_ja=long_ago,
        publish_at_en=long_ago,
    )
    page.set_viewport_size(PHONE)
    page.goto(f"/ja/news/{release.slug}/")
    lines = page.evaluate(
        """(words) => {
            const heading = document.querySelector('h1');
            const text = heading.firstChild;
            const lineCount = (start, end) => {
                const range = document.createRange();
                range.setStart(text, start);
                range.setEnd(text, end);
                return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
            };
            const result = {heading: lineCount(0, text.length)};
            for (const word of words) {
                const at = text.data.indexOf(word);
                result[word] = lineCount(at, at + word.length);
            }
            return result;
        }""",
        ["先端医療振興財団", "相互提携", "覚書", "締結"],
    )
    assert lines.pop("heading") >= 2, "the heading must wrap at this width for the test to mean"
    assert set(lines.values()) == {1}, lines
