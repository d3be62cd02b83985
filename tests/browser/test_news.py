"""An editor writes a release with a photo and a quote and previews it; a publisher schedules
it for 10:00 JST the next day; a visitor sees it, in both languages, only from then."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from linkj.publishing import Status
from news.models import Release
from tests.conftest import member
from tests.news.factories import png_bytes

pytestmark = pytest.mark.django_db(transaction=True)
TOKYO = ZoneInfo("Asia/Tokyo")
WRITING_DAY = datetime.datetime(2026, 12, 1, 15, 0, tzinfo=TOKYO)
GO_LIVE = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=TOKYO)


def quiet_favicon(page):
    # The admin pages link no icon, so Chromium asks for /favicon.ico and logs the 404.
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204, body=""))


def fill_tab(page, scope: str, field: str, language: str, value: str):
    """Open a language tab of the admin (modeltranslation) and fill the field shown there."""
    page.locator(f"{scope} a[href='#tab_id_{field}_{language}']").first.click()
    page.locator(f"#id_{field}_{language}").fill(value)


def write_release_as_editor(page, login, editor):
    login(page, editor)
    page.goto("/admin/news/release/add/")
    fill_tab(page, "body", "title", "ja", "横浜市と覚書を締結")
    fill_tab(page, "body", "title", "en", "Memorandum signed with Yokohama")
    fill_tab(page, "body", "lead", "ja", "ライフサイエンス分野で協力します。")
    fill_tab(page, "body", "lead", "en", "The two will cooperate in the life sciences.")

    # The body in the rich-text editor: a heading, bold text and a list, typed as a person would.
    page.locator("a[href='#tab_id_body_ja']").first.click()
    editor_ja = page.locator(".prose-editor:has(#id_body_ja) [contenteditable='true']")
    editor_ja.click()
    page.keyboard.press("Control+Alt+2")
    page.keyboard.type("提携の内容")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type("5年間")
    page.keyboard.press("Control+b")
    page.keyboard.type("の協力です。")
    page.keyboard.press("Enter")
    page.keyboard.type("- イベントの共催")
    page.locator("a[href='#tab_id_body_en']").first.click()
    page.locator(".prose-editor:has(#id_body_en) [contenteditable='true']").click()
    page.keyboard.type("Five years of cooperation.")
    # The toolbar offers tables and links too.
    toolbar = page.locator(".prose-editor:has(#id_body_en)")
    assert toolbar.locator("[title='表を挿入']").count() == 1
    assert toolbar.locator("[title='リンクを挿入']").count() == 1

    page.locator("#id_slug").fill("yokohama-memorandum")
    page.locator("#id_date").fill("2026-12-02")

    page.locator("#photos-group .add-row a").click()
    page.locator("#id_photos-0-image").set_input_files(
        files=[{"name": "signing.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    fill_tab(page, "#photos-group", "photos-0-alt", "ja", "署名式で握手する代表者")
    fill_tab(page, "#photos-group", "photos-0-alt", "en", "Representatives shaking hands")
    page.locator("#id_photos-0-credit").fill("LINK-J")

    page.locator("#quotes-group .add-row a").click()
    fill_tab(page, "#quotes-group", "quotes-0-speaker", "ja", "小澤 明夫")
    fill_tab(page, "#quotes-group", "quotes-0-speaker", "en", "Akio Ozawa")
    fill_tab(page, "#quotes-group", "quotes-0-text", "ja", "交流の場を広げたいと思います。")
    fill_tab(
        page, "#quotes-group", "quotes-0-text", "en", "We want to create more occasions to meet."
    )

    assert page.locator("#id_status option[value='published']").count() == 0
    page.locator("input[name='_continue']").click()
    page.locator(".messagelist .success").wait_for()


def test_editor_writes_publisher_schedules_visitor_sees_it_from_ten_the_next_day(
    page, english_page, browser, live_server, login
):
    quiet_favicon(page)
    quiet_favicon(english_page)
    with time_machine.travel(WRITING_DAY, tick=True):
        editor = member("Editors", "editor")
        publisher = member("Publishers", "publisher")
        write_release_as_editor(page, login, editor)
        assert page.console_errors == []

        release = Release.objects.get(slug="yokohama-memorandum")
        assert release.status == Status.DRAFT
        assert "<h2>提携の内容</h2>" in release.body_ja
        assert "<strong>5年間</strong>" in release.body_ja
        assert "<ul><li><p>イベントの共催</p></li></ul>" in release.body_ja
        assert release.photos.count() == 1 and release.quotes.count() == 1

        # Preview at the real URL, in both languages.
        for language, title, alt, quote in [
            ("ja", "横浜市と覚書を締結", "署名式で握手する代表者",
             "交流の場を広げたいと思います。"),
            ("en", "Memorandum signed with Yokohama", "Representatives shaking hands",
             "We want to create more occasions to meet."),
        ]:  # fmt: skip
            page.locator(f".field-preview_links a[hreflang='{language}']").click()
            page.wait_for_load_state()
            assert page.locator("h1").inner_text() == title
            assert page.locator(".preview-banner").count() == 1
            image = page.locator(f"img[alt='{alt}']")
            assert image.get_attribute("srcset") and image.get_attribute("width")
            assert page.locator("blockquote").inner_text().strip() == quote
            image.scroll_into_view_if_needed()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
            )
            page.go_back()
            page.wait_for_load_state()
        assert page.console_errors == []

        # The publisher schedules both languages for 10:00 JST the next day.
        login(english_page, publisher)
        english_page.goto(f"/admin/news/release/{release.pk}/change/")
        english_page.locator("#id_status").select_option("published")
        for language in ("ja", "en"):
            english_page.locator(f"#id_publish_at_{language}_0").fill("2026-12-02")
            english_page.locator(f"#id_publish_at_{language}_1").fill("10:00:00")
        english_page.locator("input[name='_continue']").click()
        english_page.locator(".messagelist .success").wait_for()
        states = english_page.locator(".field-language_states").inner_text()
        assert "JA: scheduled" in states and "EN: scheduled" in states
        assert english_page.console_errors == []

    visitor_context = browser.new_context(base_url=live_server.url, locale="en-US")
    visitor = visitor_context.new_page()
    # The test travels in time, the browser's HTTP cache counts real seconds: a list kept for
    # max-age=60 at 09:59 would still show at the travelled-to 10:00:05. Routing turns that
    # cache off. (Real time has max-age end at the go-live: it is bounded by the next change.)
    visitor.route("**/*", lambda route: route.continue_())
    try:
        for moment, expected in [
            (WRITING_DAY + datetime.timedelta(hours=1), 404),
            (GO_LIVE - datetime.timedelta(minutes=1), 404),
            (GO_LIVE + datetime.timedelta(seconds=5), 200),
        ]:
            with time_machine.travel(moment, tick=True):
                for language, title in [
                    ("ja", "横浜市と覚書を締結"),
                    ("en", "Memorandum signed with Yokohama"),
                ]:
                    response = visitor.goto(f"/{language}/news/yokohama-memorandum/")
                    assert response.status == expected, (moment, language)
                    visitor.goto(f"/{language}/news/")
                    listed = visitor.get_by_role("link", name=title).count()
                    assert listed == (1 if expected == 200 else 0), (moment, language)
        with time_machine.travel(GO_LIVE + datetime.timedelta(minutes=1), tick=True):
            visitor.goto("/en/news/yokohama-memorandum/")
            assert visitor.locator("h1").inner_text() == "Memorandum signed with Yokohama"
            visitor.get_by_role("link", name="日本語").click()
            visitor.wait_for_url("**/ja/news/yokohama-memorandum/")
            assert visitor.locator("h1").inner_text() == "横浜市と覚書を締結"
    finally:
        visitor_context.close()
