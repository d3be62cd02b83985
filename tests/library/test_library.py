"""The media library: uploads checked like every other upload, the unused filter, where an
item is used, public pages showing the library's alternative text, and who sees the files."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation
from PIL import Image as PILImage

from library.models import Document, Image
from linkj.images import rendition
from linkj.pdfs import MESSAGES
from linkj.roles import EDITORS, PUBLISHERS, permissions_of
from news import services
from news.models import Release, ReleasePhoto, Status
from tests import images
from tests.events.factories import EventFactory
from tests.factories import PartnerFactory
from tests.library.factories import LibraryDocumentFactory, LibraryImageFactory
from tests.news.factories import ReleaseFactory, ReleasePhotoFactory, pdf_bytes
from tests.news.helpers import management, release_form_data
from tests.news.test_pdf_attachments import REFUSED

pytestmark = pytest.mark.django_db
NOT_AN_IMAGE = "このファイルは PNG・JPEG・WebP 形式の画像ではありません。"


def image_form(**overrides):
    data = {
        "title": "",
        "file": images.upload("building.png"),
        "alt_ja": "研究棟の外観",
        "alt_en": "The research building",
        "credit_ja": "",
        "credit_en": "",
    }
    data.update(overrides)
    return data


def errors_of(response, field):
    assert response.status_code == 200
    return response.context["adminform"].form.errors[field]


# Uploads: the same checks as a partner's logo or a release's PDF.


def test_an_editor_uploads_an_image_which_is_re_encoded_and_described(client, editor):
    client.force_login(editor)
    jpeg = images.jpeg_with_gps_exif()
    response = client.post(
        "/admin/library/image/add/",
        image_form(file=images.upload("site.jpg", jpeg, "image/jpeg")),
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.title, image.uploaded_by, image.width, image.height) == ("site", editor, 40, 30)
    assert image.size == image.file.size > 0
    with image.file.open("rb") as stored, PILImage.open(stored) as decoded:
        assert decoded.format == "JPEG"
        assert not decoded.getexif()  # the GPS position is gone


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (images.text_renamed_png, NOT_AN_IMAGE),
        (images.gif, NOT_AN_IMAGE),
        (images.decompression_bomb, "この画像は画素数が多すぎます。上限は 25 メガピクセルです。"),
    ],
    ids=["text-renamed-png", "gif", "decompression-bomb"],
)
def test_the_library_refuses_what_other_image_fields_refuse_in_japanese(
    client, editor, upload, message
):
    client.force_login(editor)
    response = client.post("/admin/library/image/add/", image_form(file=upload()))
    assert [str(error) for error in errors_of(response, "file")] == [message]
    assert not Image.objects.exists()


def test_an_image_saved_without_a_form_is_checked_too():
    with pytest.raises(ValidationError), transaction.atomic():
        LibraryImageFactory(file=images.text_renamed_png())
    assert not Image.objects.exists()


def test_an_image_needs_japanese_alternative_text(client, editor):
    client.force_login(editor)
    response = client.post("/admin/library/image/add/", image_form(alt_ja=""))
    assert errors_of(response, "alt_ja") == ["このフィールドは必須です。"]


@pytest.mark.parametrize(
    "name", ["openaction-javascript", "link-launch", "embedded-file", "html-with-pdf-header-inside"]
)
def test_the_library_refuses_a_bad_pdf_with_the_attachments_message(client, editor, name):
    content, code = REFUSED[name]
    client.force_login(editor)
    response = client.post(
        "/admin/library/document/add/",
        {"title_ja": "", "file": SimpleUploadedFile("brochure.pdf", content)},
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    with translation.override("ja"):
        assert errors_of(response, "file") == [str(MESSAGES[code])]
    assert not Document.objects.exists()


def test_a_document_saved_without_a_form_is_checked_too():
    content, _code = REFUSED["openaction-javascript"]
    with pytest.raises(ValidationError), transaction.atomic():
        Document.objects.create(file=ContentFile(content, name="brochure.pdf"))
    assert not Document.objects.exists()


def test_an_editor_uploads_a_plain_pdf(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/library/document/add/",
        {"title_ja": "パンフレット", "file": SimpleUploadedFile("brochure.pdf", pdf_bytes())},
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file.name.startswith("library/documents/")
    assert (document.title_ja, document.size) == ("パンフレット", len(pdf_bytes()))


# Unused files and where a file is used.


@pytest.fixture
def used_and_unused():
    in_release = LibraryImageFactory(title="in-release")
    as_logo = LibraryImageFactory(title="as-logo")
    for_event = LibraryImageFactory(title="for-event")
    unused = LibraryImageFactory(title="unused")
    release = ReleaseFactory(title_ja="再生医療の提携を発表")
    ReleasePhoto.objects.create(release=release, library_image=in_release)
    partner = PartnerFactory(name_ja="サンディエゴ大学", logo_image=as_logo)
    event = EventFactory(title_ja="横浜ライフサイエンス交流会", image=for_event)
    return {
        "release": release,
        "partner": partner,
        "event": event,
        "unused": unused,
        "in_release": in_release,
    }


def titles_listed(response):
    return sorted(str(item) for item in response.context["cl"].result_list)


def test_the_unused_filter_lists_only_files_nothing_points_to(admin_client, used_and_unused):
    LibraryDocumentFactory(title_ja="パンフレット")
    ReleaseFactory().documents.add(LibraryDocumentFactory(title_ja="配布資料"))
    unused = admin_client.get("/admin/library/image/?usage=unused")
    used = admin_client.get("/admin/library/image/?usage=used")
    assert titles_listed(unused) == ["unused"]
    assert titles_listed(used) == ["as-logo", "for-event", "in-release"]
    assert "未使用" in unused.content.decode()
    documents = admin_client.get("/admin/library/document/?usage=unused")
    assert titles_listed(documents) == ["パンフレット"]
    documents = admin_client.get("/admin/library/document/?usage=used")
    assert titles_listed(documents) == ["配布資料"]


def test_the_change_page_lists_where_a_file_is_used(admin_client, used_and_unused):
    release = used_and_unused["release"]
    ReleasePhoto.objects.create(
        release=release, library_image=used_and_unused["partner"].logo_image
    )
    image = used_and_unused["partner"].logo_image
    page = admin_client.get(reverse("admin:library_image_change", args=[image.pk])).content.decode()
    release_link = reverse("admin:news_release_change", args=[release.pk])
    partner_link = reverse("admin:partners_partner_change", args=[used_and_unused["partner"].pk])
    assert f'<a href="{release_link}">再生医療の提携を発表</a>' in page
    assert f'<a href="{partner_link}">サンディエゴ大学</a>' in page
    unused = used_and_unused["unused"]
    page = admin_client.get(reverse("admin:library_image_change", args=[unused.pk]))
    assert "このファイルはまだどこにも使われていません。" in page.content.decode()


def test_a_file_in_use_cannot_be_deleted(used_and_unused):
    with pytest.raises(ProtectedError):
        used_and_unused["partner"].logo_image.delete()
    used_and_unused["unused"].delete()


def test_the_library_search_finds_alternative_text_in_either_language(admin_client):
    LibraryImageFactory(title="a", alt_ja="東京の研究所", alt_en="A laboratory")
    LibraryImageFactory(title="b", alt_ja="横浜の会場", alt_en="The Yokohama venue")
    assert titles_listed(admin_client.get("/admin/library/image/?q=東京")) == ["a"]
    assert titles_listed(admin_client.get("/admin/library/image/?q=Yokohama")) == ["b"]


# Pickers.


def test_an_editor_picks_a_library_image_for_a_release_photo(client, editor):
    image = LibraryImageFactory()
    client.force_login(editor)
    form = client.get("/admin/news/release/add/").content.decode()
    assert 'name="photos-__prefix__-library_image"' in form
    assert 'id="lookup_id_photos-__prefix__-library_image"' in form  # the lookup link
    data = release_form_data(**management("photos", total=1))
    data.update({"photos-0-library_image": str(image.pk), "photos-0-position": "0"})
    response = client.post("/admin/news/release/add/", data)
    assert response.status_code == 302
    photo = ReleasePhoto.objects.get()
    assert (photo.library_image, photo.image.name, photo.alt) == (image, "", "")


def test_a_photo_needs_an_upload_or_a_library_image_said_in_japanese(client, editor):
    client.force_login(editor)
    data = release_form_data(**management("photos", total=1))
    data.update({"photos-0-alt_ja": "写真", "photos-0-position": "0"})
    response = client.post("/admin/news/release/add/", data)
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors["image"] == ["画像をアップロードするか、メディアライブラリから選んでください。"]


def test_an_uploaded_photo_still_needs_its_japanese_alternative_text(client, editor):
    client.force_login(editor)
    data = release_form_data(**management("photos", total=1))
    data.update({"photos-0-image": images.upload("photo.png"), "photos-0-position": "0"})
    response = client.post("/admin/news/release/add/", data)
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert errors["alt_ja"] == ["写真を見られない人のために、写っている内容を書いてください。"]


def test_partner_and_event_forms_offer_the_library_picker(admin_client):
    partner = admin_client.get("/admin/partners/partner/add/").content.decode()
    event = admin_client.get("/admin/events/event/add/").content.decode()
    assert 'id="lookup_id_logo_image"' in partner
    assert 'id="lookup_id_image"' in event


def test_an_editor_picks_library_documents_for_a_release_by_number(client, editor):
    first, second = LibraryDocumentFactory(), LibraryDocumentFactory()
    client.force_login(editor)
    form = client.get("/admin/news/release/add/").content.decode()
    assert 'id="lookup_id_documents"' in form
    response = client.post(
        "/admin/news/release/add/", release_form_data(documents=f"{first.pk},{second.pk}")
    )
    assert response.status_code == 302
    assert set(Release.objects.get().documents.all()) == {
        first,
        second,
    }


def test_a_draft_and_a_restore_keep_the_library_image(used_and_unused):
    release = used_and_unused["release"]
    image = release.photos.get().library_image
    document = LibraryDocumentFactory()
    release.documents.add(document)
    data = services.snapshot(release)
    assert data["photos"][0]["library_image_id"] == image.pk
    assert data["documents"] == [document.pk]
    release.photos.all().delete()
    release.documents.clear()
    services.apply_snapshot(release, data, keep_publishing=True)
    assert release.photos.get().library_image == image
    assert list(release.documents.all()) == [document]


def test_a_draft_naming_a_library_image_deleted_since_leaves_that_photo_out(used_and_unused):
    release = used_and_unused["release"]
    data = services.snapshot(release)
    spare = LibraryImageFactory()
    data["photos"].append({**data["photos"][0], "library_image_id": spare.pk})
    release.photos.all().delete()
    used_and_unused["in_release"].delete()  # unused now, so it may go
    services.apply_snapshot(release, data, keep_publishing=True)
    assert [photo.library_image for photo in release.photos.all()] == [spare]


# Public pages: the library's alternative text in the page's language.


def test_a_release_page_shows_the_library_image_with_its_alt_text_per_language(
    client, django_assert_max_num_queries
):
    release = ReleaseFactory(slug="regenerative")
    image = LibraryImageFactory(alt_ja="署名式の会場", alt_en="The signing venue")
    for position in range(3):
        ReleasePhoto.objects.create(release=release, library_image=image, position=position)
    ReleasePhotoFactory(release=release, position=9, alt_ja="自前の写真", alt_en="Own photo")
    client.get("/ja/news/regenerative/")  # renditions made once
    # 4 today; one query per library photo would make it 7.
    with django_assert_max_num_queries(6):
        ja = client.get("/ja/news/regenerative/").content.decode()
    en = client.get("/en/news/regenerative/").content.decode()
    assert ja.count('alt="署名式の会場"') == 3 and 'alt="自前の写真"' in ja
    assert en.count('alt="The signing venue"') == 3 and 'alt="Own photo"' in en
    assert "写真：LINK-J 事務局" in ja
    assert rendition(image.file, 480).url in ja


def test_a_release_page_lists_its_library_documents_in_the_page_s_language(client):
    release = ReleaseFactory(slug="with-documents")
    release.documents.add(LibraryDocumentFactory(title_ja="事業計画書", title_en="Business plan"))
    release.documents.add(LibraryDocumentFactory(title_ja="会場案内", title_en=""))
    ja = client.get("/ja/news/with-documents/").content.decode()
    en = client.get("/en/news/with-documents/").content.decode()
    assert ">事業計画書</a>" in ja and ">会場案内</a>" in ja
    assert ">Business plan</a>" in en
    assert ' lang="ja">会場案内</a>' in en  # no English title: the Japanese one, marked
    document = release.documents.get(title_ja="事業計画書")
    assert client.get(document.file.url).status_code == 200  # public: a live release uses it


def test_a_release_photo_s_own_alt_text_wins_over_the_library_s(client):
    release = ReleaseFactory(slug="own-alt")
    image = LibraryImageFactory(alt_ja="ライブラリの説明")
    ReleasePhoto.objects.create(release=release, library_image=image, alt_ja="この記事での説明")
    page = client.get("/ja/news/own-alt/").content.decode()
    assert 'alt="この記事での説明"' in page and "ライブラリの説明" not in page


def test_partner_pages_show_the_library_logo_with_its_alt_text(
    client, django_assert_max_num_queries
):
    image = LibraryImageFactory(alt_ja="UCSD のロゴ", alt_en="UCSD logo")
    for n in range(5):
        PartnerFactory(slug=f"p{n}", logo_image=image)
    client.get("/en/partners/")
    # 6 today; one query per library logo would make it 11.
    with django_assert_max_num_queries(8):
        listing = client.get("/en/partners/").content.decode()
    assert listing.count('alt="UCSD logo"') == 5
    detail = client.get("/ja/partners/p0/").content.decode()
    assert 'alt="UCSD のロゴ"' in detail
    assert '<meta property="og:image:alt" content="UCSD のロゴ">' in detail


def test_an_event_page_shows_its_library_image(client):
    image = LibraryImageFactory(alt_ja="会場の様子", alt_en="The venue")
    EventFactory(slug="forum", image=image)
    assert 'alt="The venue"' in client.get("/en/events/forum/").content.decode()
    assert 'alt="会場の様子"' in client.get("/ja/events/forum/").content.decode()


# Who sees a library file.

NOW = datetime.datetime(2026, 12, 1, 12, 0, tzinfo=datetime.UTC)


def status_of(client, image):
    return client.get(image.file.url).status_code, client.get(
        rendition(image.file, 320).url
    ).status_code


def test_an_unused_file_is_private_to_staff(client, editor):
    image = LibraryImageFactory()
    assert status_of(client, image) == (404, 404)
    client.force_login(editor)
    response = client.get(image.file.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_file_is_public_while_a_live_item_uses_it(client):
    image = LibraryImageFactory()
    release = ReleaseFactory(status=Status.DRAFT)
    ReleasePhoto.objects.create(release=release, library_image=image)
    assert status_of(client, image) == (404, 404)
    release.status = Status.PUBLISHED
    release.save()
    assert status_of(client, image) == (200, 200)
    assert "public" in client.get(image.file.url)["Cache-Control"]


@pytest.mark.parametrize(
    ("owner", "public"),
    [
        ("undisclosed partner", False),
        ("disclosed partner", True),
        ("draft event", False),
        ("published event", True),
    ],
)
def test_partners_and_events_make_a_file_public_by_their_own_rule(client, owner, public):
    image = LibraryImageFactory()
    if owner.endswith("partner"):
        PartnerFactory(logo_image=image, is_disclosed=owner == "disclosed partner")
    else:
        EventFactory(image=image, publication="published" if public else "draft")
    assert status_of(client, image) == ((200, 200) if public else (404, 404))


def test_a_library_file_request_costs_a_query_per_kind_of_use(
    client, django_assert_max_num_queries
):
    image = LibraryImageFactory()
    EventFactory(image=image)
    with django_assert_max_num_queries(4):  # the item, then releases, partners, events
        assert client.get(image.file.url).status_code == 200


def test_a_file_marked_always_public_needs_no_use(client):
    image = LibraryImageFactory(is_public=True)
    document = LibraryDocumentFactory(is_public=True)
    assert status_of(client, image) == (200, 200)
    assert client.get(document.file.url).status_code == 200
    assert client.get(LibraryDocumentFactory().file.url).status_code == 404
    draft = ReleaseFactory(status=Status.DRAFT)
    unpublished = LibraryDocumentFactory()
    draft.documents.add(unpublished)
    assert client.get(unpublished.file.url).status_code == 404


def test_caches_keep_a_file_no_longer_than_its_release_s_take_down(client):
    image = LibraryImageFactory()
    release = ReleaseFactory(
        unpublish_at=datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    )
    ReleasePhoto.objects.create(release=release, library_image=image)
    response = client.get(image.file.url)
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 3500 <= max_age <= 3600


def test_only_publishers_may_make_a_file_always_public(client, editor, publisher):
    assert "library.publish_image" in permissions_of(PUBLISHERS)
    assert "library.publish_image" not in permissions_of(EDITORS)
    assert {"library.add_image", "library.change_document"} <= permissions_of(EDITORS)
    client.force_login(editor)
    client.post("/admin/library/image/add/", image_form(is_public="on"))
    assert Image.objects.get().is_public is False
    client.force_login(publisher)
    client.post("/admin/library/image/add/", image_form(is_public="on"))
    assert Image.objects.filter(is_public=True).count() == 1


def test_the_picker_shows_a_thumbnail_of_the_chosen_image(admin_client, used_and_unused):
    release = used_and_unused["release"]
    image = release.photos.get().library_image
    form = admin_client.get(reverse("admin:news_release_change", args=[release.pk]))
    thumb = rendition(image.file, 80).url
    assert f'<div class="picker-thumbnail"><img src="{thumb}"' in form.content.decode()
    # Without JavaScript the editor types the number the library's list shows.
    listing = admin_client.get("/admin/library/image/").content.decode()
    assert f'<td class="field-id">{image.pk}</td>' in listing
