import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from linkj.publishing import Status
from news import services
from news.models import Quote, Release, Revision
from tests.news.factories import DraftReleaseFactory, QuoteFactory, ReleaseFactory
from tests.news.helpers import release_form_data

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:news_release_add")
CHANGELIST_URL = reverse("admin:news_release_changelist")


def change_url(release):
    return reverse("admin:news_release_change", args=[release.pk])


def test_migrate_creates_editor_and_publisher_groups_with_publish_only_for_publishers(
    editor, publisher
):
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    publishers = set(
        Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True)
    )
    assert {"add_release", "change_release", "view_release", "change_partner"} <= editors
    assert {"view_agreement", "add_agreement", "change_agreement"} <= editors
    assert "publish_release" not in editors
    assert "delete_release" not in editors
    assert "publish_release" in publishers
    assert editors < publishers


def test_editor_writes_a_draft_and_submits_it_for_review(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, release_form_data(status="draft"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = Release.objects.get(slug="a-new-release")
    assert release.status == Status.DRAFT
    assert release.updated_by == editor
    data = release_form_data(release, status="review")
    response = client.post(change_url(release), data)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.status == Status.REVIEW


def test_editor_cannot_publish_even_by_posting_the_status(client, editor):
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        release_form_data(
            status="published", publish_at_ja_0="2026-01-01", publish_at_ja_1="10:00"
        ),
    )
    assert response.status_code == 200
    assert not Release.objects.exists()
    form = response.context["adminform"].form
    assert "status" in form.errors


def test_editor_form_offers_no_publish_choice_and_no_schedule_fields(client, editor):
    client.force_login(editor)
    html = client.get(ADD_URL).content.decode()
    assert 'value="published"' not in html
    assert 'name="publish_at_ja_0"' not in html


def test_editor_has_no_bulk_publish_action(client, editor):
    client.force_login(editor)
    html = client.get(CHANGELIST_URL).content.decode()
    assert "publish_selected" not in html


def test_publisher_schedules_each_language_in_the_admin(client, publisher):
    client.force_login(publisher)
    data = release_form_data(
        status="published",
        publish_at_ja_0="2026-12-01",
        publish_at_ja_1="10:00:00",
        publish_at_en_0="2026-12-04",
        publish_at_en_1="10:00:00",
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = Release.objects.get()
    assert release.status == Status.PUBLISHED
    assert timezone.localtime(release.publish_at_ja).hour == 10
    assert release.publish_at_en - release.publish_at_ja == datetime.timedelta(days=3)


def test_publisher_bulk_publishes_and_unpublishes(client, publisher):
    drafts = DraftReleaseFactory.create_batch(2)
    client.force_login(publisher)
    response = client.post(
        CHANGELIST_URL,
        {"action": "publish_selected", "_selected_action": [r.pk for r in drafts]},
    )
    assert response.status_code == 302
    assert Release.objects.live("ja").count() == 2
    assert Release.objects.live("en").count() == 2
    client.post(
        CHANGELIST_URL,
        {"action": "withdraw_selected", "_selected_action": [drafts[0].pk]},
    )
    assert Release.objects.get(pk=drafts[0].pk).status == Status.WITHDRAWN
    assert Release.objects.live("ja").count() == 1


def test_editor_cannot_use_the_bulk_publish_action_by_posting_it(client, editor):
    draft = DraftReleaseFactory()
    client.force_login(editor)
    client.post(CHANGELIST_URL, {"action": "publish_selected", "_selected_action": [draft.pk]})
    assert Release.objects.get(pk=draft.pk).status == Status.DRAFT


def test_publish_service_refuses_an_editor(editor):
    with pytest.raises(PermissionDenied):
        services.publish(release=DraftReleaseFactory(), user=editor)


def test_admin_list_shows_status_per_language_state_and_publish_dates(client, publisher):
    ReleaseFactory(title_en="Shown", publish_at_en=timezone.now() + datetime.timedelta(days=2))
    client.force_login(publisher)
    html = client.get(CHANGELIST_URL).content.decode()
    assert "JA: 公開中" in html
    assert "EN: 公開予約" in html
    assert "publish_selected" in html


def test_every_admin_save_keeps_a_revision_with_author(client, editor):
    client.force_login(editor)
    client.post(ADD_URL, release_form_data())
    release = Release.objects.get()
    client.post(change_url(release), release_form_data(release, title_en="Second title"))
    revisions = list(release.revisions.order_by("created_at", "pk"))
    assert [r.author for r in revisions] == [editor, editor]
    assert revisions[0].data["title_en"] == "A new release"
    assert revisions[1].data["title_en"] == "Second title"


def test_editor_compares_two_revisions_in_the_admin(client, editor):
    client.force_login(editor)
    client.post(ADD_URL, release_form_data())
    release = Release.objects.get()
    client.post(change_url(release), release_form_data(release, title_en="Second title"))
    first, second = release.revisions.order_by("created_at", "pk")
    url = reverse("admin:news_release_revisions", args=[release.pk])
    html = client.get(url, {"a": first.pk, "b": second.pk}).content.decode()
    assert "<del>A new release</del>" in html
    assert "<ins>Second title</ins>" in html


def test_restoring_a_revision_brings_back_text_partners_and_quotes(client, editor):
    from tests.factories import PartnerFactory

    partner = PartnerFactory()
    release = DraftReleaseFactory(title_en="Original", partners=[partner])
    QuoteFactory(release=release, text_en="Original quote")
    original = services.record_revision(release=release, user=editor)
    release.title_en = "Changed"
    release.save()
    release.partners.clear()
    release.quotes.update(text_en="Changed quote")
    services.record_revision(release=release, user=editor)

    client.force_login(editor)
    url = reverse("admin:news_release_restore", args=[release.pk, original.pk])
    confirmation = client.get(url)  # asks first, and says what would change
    assert confirmation.status_code == 200
    assert "<ins>Original</ins>" in confirmation.content.decode()
    release.refresh_from_db()
    assert release.title_en == "Changed"
    response = client.post(url)
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.title_en == "Original"
    assert list(release.partners.all()) == [partner]
    assert list(Quote.objects.filter(release=release).values_list("text_en", flat=True)) == [
        "Original quote"
    ]
    latest = release.revisions.first()
    assert latest.author == editor and latest.comment == f"restored:{original.version}"
    assert Revision.objects.filter(release=release).count() == 3


def test_an_editor_restoring_an_old_draft_revision_does_not_unpublish(editor):
    release = DraftReleaseFactory()
    draft_revision = services.record_revision(release=release, user=editor)
    Release.objects.filter(pk=release.pk).update(
        status=Status.PUBLISHED, publish_at_ja=timezone.now()
    )
    services.restore_revision(revision=draft_revision, user=editor, can_publish=False)
    release.refresh_from_db()
    assert release.status == Status.PUBLISHED


def opened_form(client, release) -> dict:
    """What a browser tab holds after opening the change form: the version it was given."""
    html = client.get(change_url(release)).content.decode()
    version = re.search(r'name="expected_version" value="(\d+)"', html).group(1)
    return release_form_data(release, expected_version=version)


def test_second_concurrent_save_is_refused_and_keeps_the_typed_input(editor, publisher):
    release = DraftReleaseFactory(title_en="Before")
    first_tab, second_tab = Client(), Client()
    first_tab.force_login(editor)
    second_tab.force_login(publisher)
    # Both people open the form before either saves, each in a session of their own.
    first = {**opened_form(first_tab, release), "title_en": "Editor one's title"}
    second = {**opened_form(second_tab, release), "title_en": "Editor two's title"}
    assert first_tab.post(change_url(release), first).status_code == 302
    response = second_tab.post(change_url(release), second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "保存されていません" in html
    assert "Editor two&#x27;s title" in html
    release.refresh_from_db()
    assert release.title_en == "Editor one's title"


def test_saving_from_the_latest_version_is_accepted(client, editor):
    release = DraftReleaseFactory()
    client.force_login(editor)
    assert (
        client.post(change_url(release), release_form_data(release, title_en="A")).status_code
        == 302
    )
    release.refresh_from_db()
    assert (
        client.post(change_url(release), release_form_data(release, title_en="B")).status_code
        == 302
    )
    release.refresh_from_db()
    assert release.title_en == "B"


def test_change_form_uses_the_editor_without_inline_script_or_csp_exception(client, editor):
    release = DraftReleaseFactory()
    client.force_login(editor)
    response = client.get(change_url(release))
    html = response.content.decode()
    policy = response["Content-Security-Policy"]
    assert "data-django-prose-editor-configurable" in html
    assert '<script src="/static/news/prose-editor.js" type="module"></script>' in html
    assert "importmap" not in html
    assert "unsafe-inline" not in policy and "nonce-" not in policy
    assert reverse("admin:news_release_revisions", args=[release.pk]) in html


def test_editor_cannot_change_a_withdrawn_release_but_can_view_it(client, editor):
    release = ReleaseFactory(title_en="Old text", status=Status.WITHDRAWN)
    client.force_login(editor)
    response = client.get(change_url(release))
    assert response.status_code == 200
    assert 'name="title_en"' not in response.content.decode()
    response = client.post(change_url(release), release_form_data(release, title_en="Sneaky"))
    assert response.status_code == 403
    release.refresh_from_db()
    assert release.title_en == "Old text"


def test_publisher_can_correct_a_published_release(client, publisher):
    release = ReleaseFactory(title_en="Typo")
    client.force_login(publisher)
    data = release_form_data(release, title_en="Fixed")
    for language in ("ja", "en"):
        value = timezone.localtime(getattr(release, f"publish_at_{language}"))
        data[f"publish_at_{language}_0"] = value.date().isoformat()
        data[f"publish_at_{language}_1"] = value.time().isoformat(timespec="seconds")
    data["status"] = "published"
    response = client.post(change_url(release), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release.refresh_from_db()
    assert release.title_en == "Fixed"
    assert release.is_live("en")


def test_every_save_path_keeps_a_revision_even_outside_the_admin(editor):
    release = DraftReleaseFactory(title_en="Made in a shell")
    release.updated_by = editor
    release.title_en = "Changed by a script"
    release.save()
    revisions = list(release.revisions.order_by("version"))
    assert [r.version for r in revisions] == [1, 2]
    assert revisions[0].data["title_en"] == "Made in a shell"
    assert revisions[1].data["title_en"] == "Changed by a script"
    assert revisions[1].author == editor
