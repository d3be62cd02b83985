import re

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from linkj import revisions as linkj_revisions
from linkj.publishing import Status
from pages import revisions
from pages.models import Page
from tests.pages.factories import DraftPageFactory, PageFactory
from tests.test_revisions import diff_rows

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:pages_page_add")


def change_url(page):
    return reverse("admin:pages_page_change", args=[page.pk])


def form_data(page: Page | None = None, **overrides) -> dict:
    data = {
        "title_ja": "会員制度",
        "title_en": "Membership",
        "nav_title_ja": "",
        "nav_title_en": "",
        "summary_ja": "",
        "summary_en": "",
        "body_ja": "<p>本文</p>",
        "body_en": "<p>Body</p>",
        "slug": "membership",
        "navigation": "header",
        "position": "10",
        "status": "draft",
        "opened_version": "",
    }
    if page is not None:
        data.update(
            {
                name: getattr(page, name) or ""
                for name in data
                if name not in ("opened_version", "position")
            }
        )
        data["position"] = str(page.position)
        data["opened_version"] = page.updated_at.isoformat()
    data.update(overrides)
    return data


def kept(page):
    return list(linkj_revisions.versions_of(page))


def test_roles_let_editors_write_pages_and_only_publishers_publish(editor, publisher):
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {"add_page", "change_page", "view_page"} <= editors
    assert "publish_page" not in editors and "delete_page" not in editors
    assert publisher.has_perm("pages.publish_page")


def test_editor_writes_a_draft_and_every_admin_save_keeps_a_revision_with_author(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    page = Page.objects.get(slug="membership")
    assert page.status == Status.DRAFT and page.updated_by == editor
    response = client.post(change_url(page), form_data(page, title_en="Become a member"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    versions = kept(page)
    assert [v.revision.user for v in versions] == [editor, editor]
    assert [v.field_dict["title_en"] for v in versions] == ["Membership", "Become a member"]


def test_editor_cannot_publish_even_by_posting_the_status(client, editor):
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        form_data(status="published", publish_at_ja_0="2026-01-01", publish_at_ja_1="10:00"),
    )
    assert response.status_code == 200
    assert not Page.objects.exists()
    with pytest.raises(PermissionDenied):
        revisions.publish(page=DraftPageFactory(), user=editor)


def test_editor_cannot_change_a_published_page_but_can_view_it(client, editor):
    page = PageFactory()
    client.force_login(editor)
    assert client.get(change_url(page)).status_code == 200
    response = client.post(change_url(page), form_data(page, title_en="Changed"))
    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title_en != "Changed"


def test_publisher_schedules_each_language_and_the_list_shows_the_states(client, publisher):
    page = DraftPageFactory(title_en="Access")
    client.force_login(publisher)
    response = client.post(
        change_url(page),
        form_data(
            page,
            status="published",
            publish_at_ja_0="2020-01-01",
            publish_at_ja_1="10:00",
            publish_at_en_0="2999-01-01",
            publish_at_en_1="10:00",
        ),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    page.refresh_from_db()
    assert page.live_languages() == ["ja"]
    html = client.get(reverse("admin:pages_page_changelist")).content.decode()
    assert "lang-state--live" in html and "lang-state--scheduled" in html


def test_publisher_bulk_publishes_and_withdraws(client, publisher):
    page = DraftPageFactory()
    client.force_login(publisher)
    url = reverse("admin:pages_page_changelist")
    client.post(url, {"action": "publish_selected", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.live_languages() == ["ja", "en"]
    client.post(url, {"action": "withdraw_selected", "_selected_action": [page.pk]})
    page.refresh_from_db()
    assert page.status == Status.WITHDRAWN and page.live_languages() == []
    comments = [v.revision.comment for v in kept(page)]
    assert comments == ["baseline", "published", "withdrawn"]
    with translation.override("ja"):
        assert [linkj_revisions.comment_text(c) for c in comments[1:]] == ["公開", "取り下げ"]


def test_editor_compares_two_revisions_in_readable_japanese(client, editor):
    client.force_login(editor)
    client.post(ADD_URL, form_data())
    page = Page.objects.get()
    client.post(change_url(page), form_data(page, title_en="Second title"))
    first, second = kept(page)
    url = reverse("admin:pages_page_revisions", args=[page.pk])
    html = client.get(url, {"a": first.pk, "b": second.pk}, HTTP_ACCEPT_LANGUAGE="ja")
    rows = diff_rows(html.content.decode())
    assert rows == [("タイトル［英語］", "Membership", "Second title")]
    assert "title_en" not in html.content.decode()


def two_versions(user, **first) -> tuple[Page, object]:
    """A page saved with `first`, then changed ("Changed"): returns it and its first version."""
    page = PageFactory(title_en="Original", **first)
    linkj_revisions.save_revision(obj=page, user=user)
    page.title_en = "Changed"
    page.save()
    linkj_revisions.save_revision(obj=page, user=user)
    return page, kept(page)[0]


def restore_url(page, version) -> str:
    return reverse("admin:pages_page_restore", args=[page.pk, version.pk])


def test_restoring_asks_for_confirmation_first_and_changes_nothing_until_posted(client, publisher):
    page, original = two_versions(publisher)
    client.force_login(publisher)
    response = client.get(restore_url(page, original), HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="confirm-restore"' in html and 'method="post"' in html
    assert ("タイトル［英語］", "Changed", "Original") in diff_rows(html)
    assert "公開担当者" in html  # it says the restored page waits for a publisher
    page.refresh_from_db()
    assert page.title_en == "Changed" and page.status == Status.PUBLISHED
    assert len(kept(page)) == 2


def test_a_restored_page_is_saved_as_a_draft_and_is_not_live_until_published(client, publisher):
    page, original = two_versions(publisher)
    assert client.get(page.url_in("en")).status_code == 200
    client.force_login(publisher)
    response = client.post(restore_url(page, original), follow=True, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.title_en == "Original"
    assert page.status == Status.DRAFT and page.live_languages() == []
    messages = [str(m) for m in response.context["messages"]]
    assert any("第1版" in m and "公開担当者" in m for m in messages), messages
    latest = kept(page)[-1]
    assert latest.revision.user == publisher
    with translation.override("ja"):
        assert linkj_revisions.comment_text(latest.revision.comment) == "第1版から復元"
    entry = LogEntry.objects.filter(object_id=str(page.pk)).latest("action_time")
    assert entry.user == publisher and "1" in entry.get_change_message()
    visitor = Client()
    assert visitor.get(page.url_in("en")).status_code == 404
    revisions.publish(page=page, user=publisher)
    assert visitor.get(page.url_in("en")).status_code == 200


def test_an_editor_restores_a_draft_but_not_a_published_page(client, editor, publisher):
    draft, draft_version = two_versions(editor, status=Status.DRAFT)
    live, live_version = two_versions(publisher)
    client.force_login(editor)
    assert client.get(reverse("admin:pages_page_revisions", args=[live.pk])).status_code == 200
    assert client.post(restore_url(live, live_version)).status_code == 403
    assert client.post(restore_url(draft, draft_version)).status_code == 302
    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.title_en == "Original" and draft.status == Status.DRAFT
    assert live.title_en == "Changed" and live.status == Status.PUBLISHED


def test_saves_outside_the_admin_write_no_revision_and_the_first_admin_change_keeps_a_baseline(
    client, editor
):
    page = DraftPageFactory(title_en="Seeded")
    page.summary_ja = "概要"
    page.save()
    assert kept(page) == []
    client.force_login(editor)
    response = client.post(change_url(page), form_data(page, title_en="Edited"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    baseline, edited = kept(page)
    assert baseline.field_dict["title_en"] == "Seeded"
    assert baseline.field_dict["summary_ja"] == "概要"
    assert edited.field_dict["title_en"] == "Edited" and edited.revision.user == editor
    assert Version.objects.get_for_model(Page).count() == 2


def opened_form(client, page) -> dict:
    html = client.get(change_url(page)).content.decode()
    opened = re.search(r'name="opened_version" value="([^"]+)"', html).group(1)
    return form_data(page, opened_version=opened)


def test_second_concurrent_save_is_refused_and_keeps_the_typed_input(editor, publisher):
    page = DraftPageFactory(title_en="Before")
    first_tab, second_tab = Client(), Client()
    first_tab.force_login(editor)
    second_tab.force_login(publisher)
    first = {**opened_form(first_tab, page), "title_en": "Editor one's title"}
    second = {**opened_form(second_tab, page), "title_en": "Editor two's title"}
    assert first_tab.post(change_url(page), first).status_code == 302
    response = second_tab.post(change_url(page), second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "保存されていません" in html
    assert "Editor two&#x27;s title" in html
    page.refresh_from_db()
    assert page.title_en == "Editor one's title"


def test_admin_preview_links_open_the_page_in_each_language(client, editor):
    page = DraftPageFactory(slug="access")
    client.force_login(editor)
    html = client.get(change_url(page)).content.decode()
    assert 'href="/ja/about/access/" hreflang="ja"' in html
    assert 'href="/en/about/access/" hreflang="en"' in html
