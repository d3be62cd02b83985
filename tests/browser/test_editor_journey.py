"""An editor changes a live release in the Japanese admin: the change waits as a draft while
visitors keep the live text; the publisher is e-mailed, approves it; an old version is then
restored into a new draft after a confirmation page. No label on these pages is English."""

import pytest
from django.core import mail

from news.models import Release
from tests.browser.test_news import quiet_favicon
from tests.conftest import member
from tests.news.factories import ReleaseFactory
from tests.test_admin_japanese import english_words, labels_of

pytestmark = pytest.mark.django_db(transaction=True)


ICONS_EMPTIED = """() => {
  const copy = document.documentElement.cloneNode(true)
  // Icon buttons hold a ligature name ("format_bold") that the icon font draws as a glyph.
  copy.querySelectorAll(".material-icons").forEach((icon) => { icon.textContent = "" })
  return copy.outerHTML
}"""


def no_english_labels(page):
    html = page.evaluate(ICONS_EMPTIED)
    found = [label for label in labels_of(html) if english_words(label)]
    # The release's own English title may head the page; everything else is Japanese.
    assert [label for label in found if "Live title" not in label and "Draft" not in label] == []


def test_edit_live_release_as_draft_notify_approve_and_restore(page, login):
    editor = member("Editors", "editor")
    publisher = member("Publishers", "publisher")
    release = ReleaseFactory(title_en="Live title", title_ja="公開中の題")
    quiet_favicon(page)

    login(page, editor)
    page.goto(f"/admin/news/release/{release.pk}/change/")
    assert page.locator("#draft-panel").is_visible()
    no_english_labels(page)
    page.locator("a[href='#tab_id_title_en']").first.click()
    page.locator("#id_title_en").fill("Draft title")
    page.locator("input[name='_save']").click()
    page.wait_for_selector("text=下書きとして保存しました")
    assert Release.objects.get(pk=release.pk).title_en == "Live title"
    # The side-by-side preview shows the draft; the live page still shows the live text.
    page.get_by_role("link", name="日英を並べてプレビュー").click()
    english = page.frame_locator(".preview-page iframe >> nth=1")
    assert "Draft title" in english.locator("h1").inner_text()
    page.goto(f"/admin/news/release/{release.pk}/change/")
    page.goto(page.get_by_role("link", name="公開中のページ（英語）").get_attribute("href"))
    assert page.locator("h1").inner_text() == "Live title"
    page.goto(f"/admin/news/release/{release.pk}/change/")

    page.get_by_role("button", name="公開担当者に承認を依頼").click()
    page.wait_for_selector("text=承認を依頼しました")
    assert [message.to for message in mail.outbox] == [[publisher.email]]

    page.context.clear_cookies()
    login(page, publisher)
    page.goto(f"/admin/news/release/{release.pk}/change/")
    assert page.locator("#id_title_en").input_value() == "Draft title"
    page.get_by_role("button", name="承認して公開").click()
    page.wait_for_selector("text=下書きを承認しました")
    assert Release.objects.get(pk=release.pk).title_en == "Draft title"

    page.goto(f"/admin/news/release/{release.pk}/revisions/")
    no_english_labels(page)
    page.locator("a.button", has_text="を復元").first.click()
    page.wait_for_selector("#confirm-restore")
    no_english_labels(page)
    page.locator("#confirm-restore").click()
    page.wait_for_selector("text=未承認の下書きにしました")
    live = Release.objects.get(pk=release.pk)
    assert live.title_en == "Draft title"
    assert live.draft.data["title_en"] == "Live title"
    assert page.console_errors == []
