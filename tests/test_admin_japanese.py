"""The back office in Japanese, the editors' working language: every admin form and change
list is rendered and its labels read; none may still be in English, and no English word
that has two meanings may borrow the other meaning's translation."""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from tests.events.factories import EventFactory, SpeakerFactory
from tests.factories import AgreementFactory, PartnerFactory, ScopeItemFactory
from tests.library.factories import LibraryDocumentFactory, LibraryImageFactory
from tests.news.factories import QuoteFactory, ReleaseFactory, ReleasePhotoFactory

# Words that stay in Latin letters in Japanese too: names, formats, acronyms.
ALLOWED_WORDS = {
    "LINK", "PDF", "URL", "PNG", "JPEG", "WebP", "MOU", "IANA", "ID", "ASCII", "IP", "ja",
    "en", "Asia", "Tokyo", "America", "New_York", "HTML", "Email", "OK",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
CATALOGUES = [
    Path(settings.BASE_DIR) / "locale/ja/LC_MESSAGES/django.po",
    *sorted(Path(settings.BASE_DIR).glob("*/locale/ja/LC_MESSAGES/django.po")),
]


class LabelCollector(HTMLParser):
    """Text a person reads as a label: form labels, fieldset and filter headings, column
    headers, buttons, tabs, links in the object tools and the history."""

    LABEL_TAGS = {"label", "legend", "h2", "h3", "th", "button", "caption"}

    def __init__(self):
        super().__init__()
        self.labels: list[str] = []
        self._stack: list[list[str]] = []
        self._skip = 0
        self._in_body = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tbody":
            self._in_body += 1  # a change list's rows are content, not labels
        if tag in ("script", "style", "textarea", "select"):
            self._skip += 1
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.labels.append(attrs["value"])
        if (tag in self.LABEL_TAGS and not (tag == "th" and self._in_body)) or "object-tools" in (
            attrs.get("class") or ""
        ):
            self._stack.append([])

    def handle_endtag(self, tag):
        if tag == "tbody":
            self._in_body -= 1
            return
        if tag == "th" and self._in_body:
            return
        if tag in ("script", "style", "textarea", "select"):
            self._skip = max(0, self._skip - 1)
        if tag in self.LABEL_TAGS and self._stack:
            text = " ".join("".join(self._stack.pop()).split()).removesuffix(":")
            if text:
                self.labels.append(text)

    def handle_data(self, data):
        if self._stack and not self._skip:
            self._stack[-1].append(data)


def english_words(text: str) -> list[str]:
    return [word for word in LATIN_WORD.findall(text) if word not in ALLOWED_WORDS]


def labels_of(html: str) -> list[str]:
    collector = LabelCollector()
    collector.feed(html)
    return collector.labels


def label_for(html: str, field_id: str) -> str:
    match = re.search(rf'<label[^>]*for="{re.escape(field_id)}"[^>]*>(.*?)</label>', html, re.S)
    assert match, field_id
    return re.sub(r"<[^>]+>", "", match[1]).strip().removesuffix(":")


@pytest.fixture
def one_of_everything(db):
    release = ReleaseFactory()
    QuoteFactory(release=release)
    partner = PartnerFactory()
    agreement = AgreementFactory(partner=partner)
    agreement.scope_items.add(ScopeItemFactory())
    SpeakerFactory(event=EventFactory())
    # The media library's pages, with an image in use so its change page lists the uses.
    ReleasePhotoFactory(release=release, image=None, library_image=LibraryImageFactory())
    LibraryDocumentFactory()


def admin_pages(request):
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        yield f"admin:{info[0]}_{info[1]}_changelist", model
        if model_admin.has_add_permission(request):  # axes' records are never added by hand
            yield f"admin:{info[0]}_{info[1]}_add", model
        yield f"admin:{info[0]}_{info[1]}_change", model


@pytest.mark.django_db
def test_every_admin_form_and_change_list_reads_in_japanese(
    admin_client, admin_user, rf, one_of_everything
):
    request = rf.get("/")
    request.user = admin_user
    found = {}
    checked = 0
    for name, model in admin_pages(request):
        content = set()  # the object's own name heads its change form: content, not a label
        if name.endswith("_change"):
            obj = model._default_manager.order_by("pk").first()
            if obj is None:
                continue
            url = reverse(name, args=[obj.pk])
            content = {str(obj)}
        else:
            url = reverse(name)
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="ja")
        assert response.status_code == 200, url
        checked += 1
        for label in labels_of(response.content.decode()):
            if label not in content and english_words(label):
                found.setdefault(url, []).append(label)
    assert checked >= 30
    assert found == {}, found


@pytest.mark.django_db
def test_release_and_event_titles_are_titles_and_signatory_titles_are_job_titles(
    admin_client, one_of_everything
):
    release = admin_client.get(reverse("admin:news_release_add")).content.decode()
    event = admin_client.get(reverse("admin:events_event_add")).content.decode()
    agreement = admin_client.get(reverse("admin:partners_agreement_add")).content.decode()
    assert label_for(release, "id_title_ja") == "タイトル［日本語］"
    assert label_for(event, "id_title_en") == "タイトル［英語］"
    assert label_for(release, "id_quotes-__prefix__-speaker_title_ja") == "役職［日本語］"
    assert "役職［日本語］" in labels_of(agreement)  # the signatories' table


def test_a_message_shared_by_two_catalogues_has_one_translation():
    """Django merges the catalogues (LOCALE_PATHS first, then apps in INSTALLED_APPS order)
    and the first one holding a message wins: the same English word meaning two things must
    carry a context (pgettext), or one meaning silently shows the other's translation."""
    translations: dict[tuple, dict[str, str]] = {}
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if not entry.obsolete and entry.msgstr:
                key = (entry.msgctxt, entry.msgid)
                translations.setdefault(key, {})[str(path)] = entry.msgstr
    conflicts = {key: found for key, found in translations.items() if len(set(found.values())) > 1}
    assert conflicts == {}


@pytest.mark.django_db
def test_the_checkbox_that_removes_a_pdf_says_remove(admin_client):
    from django.core.files.base import ContentFile

    from tests.news.factories import pdf_bytes

    release = ReleaseFactory()
    release.attachment_ja.save("release.pdf", ContentFile(pdf_bytes()))
    html = admin_client.get(reverse("admin:news_release_change", args=[release.pk])).content
    assert label_for(html.decode(), "attachment_ja-clear_id") == "削除"


def revision_and_preview_pages(user):
    """Every page that linkj's revision and preview mixins add, for each admin using them:
    the history, a comparison, a restore confirmation, the side-by-side preview."""
    from linkj import revisions
    from linkj.admin import PublicPageAdminMixin, RevisionAdminMixin
    from tests.pages.factories import PageFactory

    PageFactory()
    for model, model_admin in admin.site._registry.items():
        info = model._meta.app_label, model._meta.model_name
        if not isinstance(model_admin, RevisionAdminMixin | PublicPageAdminMixin):
            continue
        obj = model._default_manager.order_by("pk").first()
        assert obj is not None, info
        if isinstance(model_admin, RevisionAdminMixin):
            revisions.save_revision(obj=obj, user=user)
            obj.save()
            revisions.save_revision(obj=obj, user=user)
            *_earlier, first, second = revisions.versions_of(obj)
            revisions_url = reverse("admin:{}_{}_revisions".format(*info), args=[obj.pk])
            yield revisions_url
            yield f"{revisions_url}?a={first.pk}&b={second.pk}"
            yield reverse("admin:{}_{}_restore".format(*info), args=[obj.pk, first.pk])
        if isinstance(model_admin, PublicPageAdminMixin):
            yield reverse("admin:{}_{}_preview".format(*info), args=[obj.pk])


@pytest.mark.django_db
def test_revision_compare_restore_and_preview_pages_read_in_japanese(
    admin_client, admin_user, one_of_everything
):
    found = {}
    visited = []
    for url in revision_and_preview_pages(admin_user):
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="ja")
        assert response.status_code == 200, url
        html = response.content.decode()
        # The rows of a comparison name fields: they are labels too.
        row_labels = re.findall(r'<th scope="row">(.*?)</th>', html)
        for label in [*labels_of(html), *row_labels]:
            if english_words(label):
                found.setdefault(url, []).append(label)
        visited.append(url)
    assert any("/partners/agreement/" in url and "a=" in url for url in visited)
    assert any("/events/event/" in url and url.endswith("/preview/") for url in visited)
    # Standing pages keep their revisions through the same service and admin pages.
    assert any("/pages/page/" in url and url.endswith("/revisions/") for url in visited)
    assert any("/pages/page/" in url and "a=" in url for url in visited)
    assert any("/pages/page/" in url and url.endswith("/restore/") for url in visited)
    assert len(visited) >= 16
    assert found == {}, found
