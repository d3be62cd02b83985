import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import formats, timezone, translation
from icalendar import Calendar

from tests.events.factories import EventFactory, NewYorkLoungeFactory

pytestmark = pytest.mark.django_db(transaction=True)

NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")


def next_lounge_evening() -> datetime.datetime:
    day = (timezone.now() + datetime.timedelta(days=30)).astimezone(NEW_YORK).date()
    return datetime.datetime.combine(day, datetime.time(19, 0), tzinfo=NEW_YORK)


def test_the_lounge_page_lists_the_next_seminar_with_both_times_and_its_ics_downloads(
    page, live_server
):
    lounge = NewYorkLoungeFactory()
    starts = next_lounge_evening()
    event = EventFactory(
        venue=lounge,
        slug="next-lounge-seminar",
        title_ja="次回ラウンジセミナー",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=90),
        format="hybrid",
    )
    with translation.override("ja"):
        new_york_date = formats.date_format(starts, "DATE_FORMAT")
        tokyo_date = formats.date_format(starts.astimezone(TOKYO), "DATE_FORMAT")
        # 9:00 in winter, 8:00 while New York keeps daylight saving time.
        tokyo_time = formats.time_format(starts.astimezone(TOKYO), "TIME_FORMAT")

    page.goto("/ja/events/venues/nyc-lounge/")
    upcoming = page.locator("section", has=page.get_by_role("heading", name="今後のイベント"))
    card = upcoming.get_by_role("listitem").filter(has_text="次回ラウンジセミナー")
    assert card.count() == 1
    card_text = card.inner_text()
    assert "ニューヨーク時間" in card_text
    assert f"{new_york_date} 19:00" in card_text
    assert "日本時間" in card_text
    assert f"{tokyo_date} {tokyo_time}" in card_text
    assert "日本では翌日" in card_text
    assert "予約" in page.get_by_role("region", name="利用できる方と利用方法").inner_text()

    card.get_by_role("link", name="次回ラウンジセミナー").click()
    page.wait_for_url(f"**{event.get_absolute_url()}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="カレンダーに追加（.ics）").click()
    download = download_info.value
    assert download.suggested_filename == "next-lounge-seminar.ics"
    with open(download.path(), "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    [item] = calendar.walk("VEVENT")
    assert str(item["SUMMARY"]) == "次回ラウンジセミナー"
    assert item.decoded("DTSTART") == starts
    assert item["DTSTART"].params["TZID"] == "America/New_York"
    google = page.get_by_role("link", name="Googleカレンダーに追加")
    assert google.get_attribute("href").startswith("https://calendar.google.com/calendar/render")
    assert page.console_errors == []


def test_an_editor_entering_a_skipped_new_york_time_sees_why_and_keeps_the_form(page, login):
    from django.contrib.auth import get_user_model

    from events.models import Event

    lounge = NewYorkLoungeFactory()
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "x")
    login(page, editor)
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.goto("/admin/events/event/add/")
    page.locator("#id_title_ja").fill("夏時間の日のセミナー")
    page.get_by_role("tab", name="英語").first.click()
    page.locator("#id_title_en").fill("Seminar on the clock-change day")
    page.locator("#id_venue").select_option(str(lounge.pk))
    page.locator("#id_start_date").fill("2027-03-14")
    page.locator("#id_start_time").fill("02:30")
    page.locator("#id_end_time").fill("04:00")
    page.locator("input[name=_save]").first.click()

    error = page.locator(".errorlist").filter(has_text="存在しません")
    error.wait_for()
    assert "夏時間" in error.inner_text()
    assert page.locator("#id_title_ja").input_value() == "夏時間の日のセミナー"
    assert page.locator("#id_start_time").input_value() == "02:30"
    assert not Event.objects.exists()

    page.locator("#id_start_time").fill("03:30")
    page.locator("input[name=_save]").first.click()
    page.wait_for_url("**/admin/events/event/")
    # The slug was filled in from the English title by the admin's own script.
    event = Event.objects.get(slug="seminar-on-the-clock-change-day")
    assert event.starts_at == datetime.datetime(2027, 3, 14, 3, 30, tzinfo=NEW_YORK)
    # The admin has no <link rel="icon">, so the browser asks for /favicon.ico (not ours).
    assert [url for url in failed if not url.endswith("/favicon.ico")] == []
    assert [e for e in page.console_errors if "Failed to load resource" not in e] == []
