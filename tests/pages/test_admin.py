import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from linkj.publishing import Status
from pages import revisions
from pages.models import Page
from tests.pages.factories import DraftPageFactory, PageFactory

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
    return list(revisions.versions_of(page))


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
    assert [v.revision.get_comment() for v in kept(page)][-2:] == ["Published", "Withdrawn"]


def test_editor_compares_two_revisions_in_the_admin(client, editor):
    client.force_login(editor)
    client.post(ADD_URL, form_data())
    page = Page.objects.get()
    client.post(change_url(page), form_data(page, title_en="Second title"))
    first, second = kept(page)
    url = reverse("admin:pages_page_revisions", args=[page.pk])
    html = client.get(url, {"a": first.pk, "b": second.pk}).content.decode()
    assert "<del>Membership</del>" in html
    assert "<ins>Second title</ins>" in html


def test_restoring_a_revision_brings_back_the_text_as_a_new_revision(client, editor):
    page = DraftPageFactory(title_en="Original")
    page.title_en = "Changed"
    page.save()
    original = kept(page)[0]
    client.force_login(editor)
    url = reverse("admin:pages_page_restore", args=[page.pk, original.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 302
    page.refresh_from_db()
    assert page.title_en == "Original"
    latest = kept(page)[-1]
    assert latest.revision.user == editor
    assert latest.revision.get_comment() == "Restored version 1"
    assert len(kept(page)) == 3


def test_an_editor_restoring_an_old_draft_does_not_unpublish(editor):
    page = DraftPageFactory()
    draft = kept(page)[0]
    Page.objects.filter(pk=page.pk).update(status=Status.PUBLISHED, publish_at_ja=timezone.now())
    revisions.restore(version=draft, user=editor)
    page.refresh_from_db()
    assert page.status == Status.PUBLISHED and page.publish_at_ja is not None


def test_every_save_path_keeps_a_revision_even_outside_the_admin(editor):
    page = Page(slug="terms", title_ja="利用条件", updated_by=editor)
    page.save()
    page.summary_ja = "概要"
    page.save()
    versions = kept(page)
    assert len(versions) == 2
    assert versions[0].revision.user == editor
    assert versions[1].field_dict["summary_ja"] == "概要"
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
