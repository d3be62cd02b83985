"""Editing a live release as a draft: visitors keep the live version until a publisher
approves; review by e-mail; send back with a comment; restore into the draft."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from linkj.publishing import Status
from news import services
from news.models import DraftState, Release, ReleaseDraft
from tests.news.factories import QuoteFactory, ReleaseFactory, ReleasePhotoFactory, png_bytes
from tests.news.helpers import release_form_data

pytestmark = pytest.mark.django_db


def change_url(release):
    return reverse("admin:news_release_change", args=[release.pk])


def draft_url(release, action):
    return reverse("admin:news_release_draft", args=[release.pk, action])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def live_release():
    release = ReleaseFactory(title_en="Live title", title_ja="公開中のタイトル")
    QuoteFactory(release=release, text_en="Live quote")
    return Release.objects.get(pk=release.pk)


def edit_as(user, release, **changes) -> Client:
    client = logged_in(user)
    response = client.post(change_url(release), release_form_data(release, **changes))
    assert response.status_code == 302, (
        response.context["adminform"].form.errors,
        [f.formset.errors for f in response.context["inline_admin_formsets"]],
        response.context["errors"],
    )
    return client


def test_an_editors_change_to_a_live_release_waits_beside_it(editor, live_release):
    revisions = live_release.revisions.count()
    client = edit_as(editor, live_release, title_en="Draft title", **{"quotes-0-text_en": "New"})
    live = Release.objects.get(pk=live_release.pk)
    assert live.title_en == "Live title" and live.version == live_release.version
    assert list(live.quotes.values_list("text_en", flat=True)) == ["Live quote"]
    assert live.revisions.count() == revisions
    draft = live.draft
    assert draft.data["title_en"] == "Draft title" and draft.author == editor
    assert draft.data["quotes"][0]["text_en"] == "New"
    # Visitors read the live version; the editor's form shows the draft, and says so.
    assert "Live title" in Client().get(live.url_in("en")).content.decode()
    form = client.get(change_url(live)).content.decode()
    assert 'value="Draft title"' in form and "下書きを表示しています" in form


def test_sending_to_review_mails_the_publishers_with_a_link(editor, publisher, live_release):
    client = edit_as(editor, live_release, title_en="Draft title")
    response = client.post(draft_url(live_release, "submit"))
    assert response.status_code == 302
    assert ReleaseDraft.objects.get().state == DraftState.REVIEW
    assert [message.to for message in mail.outbox] == [[publisher.email]]
    message = mail.outbox[0]
    assert "承認" in message.subject and str(live_release) in message.subject
    assert f"http://testserver{change_url(live_release)}" in message.body


def test_a_publisher_sends_back_with_a_comment_the_editor_then_sees(
    editor, publisher, live_release
):
    editor_client = edit_as(editor, live_release, title_en="Draft title")
    editor_client.post(draft_url(live_release, "submit"))
    mail.outbox.clear()
    publisher_client = logged_in(publisher)
    refused = publisher_client.post(draft_url(live_release, "send-back"), {"comment": ""})
    assert refused.status_code == 302 and ReleaseDraft.objects.get().state == DraftState.REVIEW
    publisher_client.post(draft_url(live_release, "send-back"), {"comment": "英語の題を短く"})
    draft = ReleaseDraft.objects.get()
    assert (draft.state, draft.reviewed_by) == (DraftState.SENT_BACK, publisher)
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "英語の題を短く" in mail.outbox[0].body
    assert "英語の題を短く" in editor_client.get(change_url(live_release)).content.decode()


def test_an_editor_cannot_approve_their_own_draft(editor, live_release):
    client = edit_as(editor, live_release, title_en="Draft title")
    assert client.post(draft_url(live_release, "approve")).status_code == 403
    assert Release.objects.get(pk=live_release.pk).title_en == "Live title"


def test_approving_makes_the_draft_live_as_one_revision(editor, publisher, live_release):
    edit_as(editor, live_release, title_en="Draft title")
    response = logged_in(publisher).post(draft_url(live_release, "approve"))
    assert response.status_code == 302
    live = Release.objects.get(pk=live_release.pk)
    assert live.title_en == "Draft title" and live.is_live("en")
    assert not ReleaseDraft.objects.exists()
    latest = live.revisions.order_by("-version").first()
    assert (latest.comment, latest.author) == (services.APPROVED, publisher)
    assert "Draft title" in Client().get(live.url_in("en")).content.decode()
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_restoring_a_live_release_fills_its_draft_and_leaves_it_live(editor, live_release):
    original = live_release.revisions.order_by("version").first()
    live_release.title_en = "Corrected live title"
    live_release.save()
    url = reverse("admin:news_release_restore", args=[live_release.pk, original.pk])
    assert logged_in(editor).post(url).status_code == 302
    live = Release.objects.get(pk=live_release.pk)
    assert live.title_en == "Corrected live title"
    assert live.draft.data["title_en"] == "Live title"
    assert live.draft.data["status"] == "published"


def test_staff_preview_the_draft_at_the_real_address_visitors_never_see_it(editor, live_release):
    edit_as(editor, live_release, title_en="Draft title")
    url = live_release.url_in("en") + "?draft=1"
    preview = logged_in(editor).get(url)
    assert "Draft title" in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"]
    visitor = Client().get(url).content.decode()
    assert "Draft title" not in visitor and "Live title" in visitor
    assert Release.objects.get(pk=live_release.pk).title_en == "Live title"


def test_a_photo_uploaded_into_a_draft_is_shown_to_staff_only(editor, live_release):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = release_form_data(live_release)
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": SimpleUploadedFile("new.png", png_bytes(), "image/png"),
            "photos-0-alt_ja": "新しい写真",
            "photos-0-alt_en": "A new photo",
            "photos-0-position": "0",
        }
    )
    response = logged_in(editor).post(change_url(live_release), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not live_release.photos.exists()
    name = ReleaseDraft.objects.get().data["photos"][0]["image"]
    assert logged_in(editor).get(f"/media/{name}").status_code == 200
    assert Client().get(f"/media/{name}").status_code == 404


def test_history_and_comparison_read_in_japanese(editor, publisher, live_release):
    ReleasePhotoFactory(release=live_release)
    edit_as(editor, live_release, title_en="Draft title")
    logged_in(publisher).post(draft_url(live_release, "approve"))
    first, last = live_release.revisions.order_by("version")[
        :: len(live_release.revisions.all()) - 1
    ]
    url = reverse("admin:news_release_revisions", args=[live_release.pk])
    html = logged_in(editor).get(url, {"a": first.pk, "b": last.pk}).content.decode()
    assert "タイトル［英語］" in html and "Title [en]" not in html
    assert "下書きを承認して公開" in html
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", html)  # no ISO timestamps
    assert "expected_version" not in html and "title_en" not in html


def test_the_audit_log_says_who_did_what_and_filters_by_action(editor, publisher, live_release):
    edit_as(editor, live_release, title_en="Draft title")
    client = logged_in(publisher)
    client.post(draft_url(live_release, "approve"))
    client.post(
        reverse("admin:news_release_changelist"),
        {"action": "withdraw_selected", "_selected_action": [live_release.pk]},
    )
    log = client.get(reverse("admin:admin_logentry_changelist"), {"action_flag": 2})
    assert log.status_code == 200
    html = log.content.decode()
    for text in ("未承認の下書きとして保存しました。", "承認して公開しました", "取り下げました"):
        assert text in html
    assert "editor" in html and "publisher" in html
    assert logged_in(editor).get(reverse("admin:admin_logentry_changelist")).status_code == 403


def test_a_withdrawn_release_reads_formatted_in_japanese_with_the_reason_for_editors(editor):
    release = ReleaseFactory(body_ja="<p>本文の<strong>一段落</strong></p><script>x()</script>")
    Release.objects.filter(pk=release.pk).update(status=Status.WITHDRAWN)
    response = logged_in(editor).get(change_url(release))
    html = response.content.decode()
    assert response.status_code == 200 and 'name="title_ja"' not in html  # read-only
    assert "<p>本文の<strong>一段落</strong></p>" in html and "&lt;p&gt;" not in html
    assert "x()" not in html
    assert "本文［日本語］" in html and "[ja]" not in html
    assert "取り下げ済みのため読み取り専用です" in html
