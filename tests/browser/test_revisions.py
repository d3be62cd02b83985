"""A publisher in the Japanese admin: edits an event and a partner, compares two revisions,
restores the older one after a confirmation page, and finds the restored content unpublished,
waiting to be published again. From a public page, "Edit this page" leads back to the admin,
and the change form previews the page in both languages side by side. No label on these
pages is English."""

import pytest

from events.models import Event, Publication
from tests.browser.test_editor_journey import no_english_labels
from tests.browser.test_news import quiet_favicon
from tests.conftest import member
from tests.events.factories import EventFactory
from tests.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def save_english(page, url: str, field: str, value: str):
    page.goto(url)
    page.locator(f"a[href='#tab_id_{field}_en']").first.click()
    page.locator(f"#id_{field}_en").fill(value)
    page.locator("input[name='_save']").first.click()
    page.wait_for_selector(".messagelist .success")


def restore_first_version(page, changed_label: str):
    page.get_by_role("link", name="版の履歴").first.click()
    page.wait_for_selector("#revision-list")
    no_english_labels(page)
    page.get_by_role("button", name="比較する").click()
    page.wait_for_selector("table.revision-diff")
    assert page.locator("table.revision-diff th", has_text=changed_label).count() == 1
    no_english_labels(page)
    page.locator("a.button", has_text="第1版を復元").click()
    page.wait_for_selector("#confirm-restore")
    assert "公開担当者" in page.locator("#restore-warning").inner_text()
    no_english_labels(page)
    page.locator("#confirm-restore").click()
    page.wait_for_selector(".messagelist .warning")
    assert "第1版" in page.locator(".messagelist").inner_text()


def test_publisher_restores_an_event_and_a_partner_revision_in_japanese(page, login):
    publisher = member("Publishers", "publisher")
    event = EventFactory(title_en="Original seminar", publication=Publication.PUBLISHED)
    partner = PartnerFactory(name_en="Original partner", is_disclosed=True)
    AgreementFactory(partner=partner)
    quiet_favicon(page)
    login(page, publisher)

    # From the public page to the admin, for staff only.
    page.goto(f"/ja/events/{event.slug}/")
    page.get_by_role("link", name="管理画面で編集").click()
    page.wait_for_selector("#event_form")

    save_english(page, f"/admin/events/event/{event.pk}/change/", "title", "Changed seminar")
    assert Event.objects.get(pk=event.pk).title_en == "Changed seminar"
    page.goto(f"/admin/events/event/{event.pk}/change/")
    restore_first_version(page, "タイトル［英語］")
    restored = Event.objects.get(pk=event.pk)
    assert restored.title_en == "Original seminar"
    assert restored.publication == Publication.DRAFT  # a publisher publishes it again

    save_english(page, f"/admin/partners/partner/{partner.pk}/change/", "name", "Changed partner")
    page.goto(f"/admin/partners/partner/{partner.pk}/change/")
    restore_first_version(page, "正式名称［英語］")
    partner.refresh_from_db()
    assert partner.name_en == "Original partner"
    assert partner.is_disclosed is False
    assert partner.agreements.count() == 1
    assert page.console_errors == []


def test_the_change_form_previews_the_page_in_both_languages_side_by_side(page, login):
    publisher = member("Publishers", "publisher")
    event = EventFactory(title_ja="日本語の題", title_en="English title")
    quiet_favicon(page)
    login(page, publisher)
    page.goto(f"/admin/events/event/{event.pk}/change/")
    page.get_by_role("link", name="公開中のページ（英語）").wait_for()
    page.locator("#preview-panel summary").click()
    frames = page.locator("#preview-panel iframe")
    assert frames.count() == 2
    japanese = page.frame_locator("#preview-panel iframe >> nth=0")
    english = page.frame_locator("#preview-panel iframe >> nth=1")
    assert "日本語の題" in japanese.locator("h1").inner_text()
    assert "English title" in english.locator("h1").inner_text()
    no_english_labels(page)

    page.get_by_role("link", name="日英を並べてプレビュー").click()
    page.wait_for_selector(".preview-page iframe")
    assert (
        "English title"
        in page.frame_locator(".preview-page iframe >> nth=1").locator("h1").inner_text()
    )
    # No frame was refused by the site's policy.
    assert page.console_errors == []
