"""An editor opens a withdrawn release in the Japanese admin: it is read-only, and the page
says why; the text reads formatted, in the same language tabs and menu as the form."""

import pytest

from linkj.publishing import Status
from news.models import Release
from tests.browser.test_news import quiet_favicon
from tests.news.factories import ReleaseFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_withdrawn_release_reads_formatted_in_language_tabs(page, login, editor):
    release = ReleaseFactory(
        title_ja="取り下げたお知らせ",
        title_en="A withdrawn notice",
        body_ja="<p>日本語の<strong>本文</strong></p>",
        body_en="<p>The <strong>English</strong> body</p>",
    )
    Release.objects.filter(pk=release.pk).update(status=Status.WITHDRAWN)
    quiet_favicon(page)
    login(page, editor)
    page.goto(f"/admin/news/release/{release.pk}/change/")
    assert "取り下げ済みのため読み取り専用です" in page.locator(".messagelist").inner_text()
    assert page.locator("input[name='title_ja'], textarea").count() == 0
    # Tabs named 日本語 and 英語 for each field, as on the form.
    tab_en = page.locator("a[href='#tab_id_body_en']")
    assert page.locator("a[href='#tab_id_body_ja']").inner_text() == "日本語"
    assert tab_en.inner_text() == "英語"
    japanese = page.locator("#id_body_ja")
    assert japanese.is_visible() and japanese.locator("strong").inner_text() == "本文"
    assert "<p>" not in japanese.inner_text()
    assert not page.locator("#id_body_en").is_visible()
    # The language menu lists both languages and switches every field.
    menu = page.locator("#modeltranslation-main-switch")
    assert menu.locator("option").all_inner_texts() == ["日本語", "英語"]
    menu.select_option("1")
    assert page.locator("#id_body_en strong").inner_text() == "English"
    assert page.locator("#id_title_en").inner_text() == "A withdrawn notice"
    assert not page.locator("#id_body_ja").is_visible()
    assert page.console_errors == []
