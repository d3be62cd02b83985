import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import translation

from news.models import Release, ReleasePhoto
from tests.news.factories import pdf_bytes, png_bytes
from tests.news.helpers import management, release_form_data

pytestmark = pytest.mark.django_db
ADD_URL = reverse("admin:news_release_add")


def post(client, **files):
    data = release_form_data(**{k: v for k, v in files.items() if not k.startswith("photos")})
    photo = files.get("photos_image")
    if photo is not None:
        data.update(management("photos", total=1))
        data.update(
            {
                "photos-0-image": photo,
                "photos-0-alt_ja": "写真",
                "photos-0-alt_en": "Photo",
                "photos-0-position": "0",
            }
        )
    return client.post(ADD_URL, data)


def errors_of(response) -> str:
    return response.content.decode()


def test_a_real_pdf_and_photo_are_accepted(client, editor):
    client.force_login(editor)
    response = post(
        client,
        attachment_ja=SimpleUploadedFile("release.pdf", pdf_bytes(), "application/pdf"),
        photos_image=SimpleUploadedFile("photo.png", png_bytes(), "image/png"),
    )
    assert response.status_code == 302
    release = Release.objects.get()
    assert release.attachment_ja.name.endswith(".pdf")
    assert release.photos.get().width == 1200


def test_text_renamed_pdf_is_refused_with_a_clear_message_and_nothing_saved(client, editor):
    client.force_login(editor)
    response = post(
        client,
        attachment_ja=SimpleUploadedFile(
            "release.pdf", b"just some text\n" * 10, "application/pdf"
        ),
    )
    assert response.status_code == 200
    assert "PDF ではありません" in errors_of(response)
    assert not Release.objects.exists()


def test_oversized_pdf_is_refused_with_its_size_and_the_limit(client, editor, settings):
    settings.LINKJ_PDF_MAX_BYTES = 1000
    client.force_login(editor)
    response = post(
        client,
        attachment_en=SimpleUploadedFile("big.pdf", pdf_bytes(padding=5000), "application/pdf"),
    )
    assert response.status_code == 200
    html = errors_of(response)
    with translation.override("ja"):
        limit = filesizeformat(1000)
    assert limit in html
    assert not Release.objects.exists()


def test_file_without_pdf_extension_is_refused(client, editor):
    client.force_login(editor)
    response = post(client, attachment_ja=SimpleUploadedFile("release.exe", pdf_bytes()))
    assert response.status_code == 200
    assert not Release.objects.exists()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("photo.png", b"not an image at all", "image/png"),
        SimpleUploadedFile("photo.png", png_bytes()[:200], "image/png"),
        SimpleUploadedFile("photo.gif", b"GIF89a" + b"\x00" * 50, "image/gif"),
    ],
    ids=["text-as-png", "truncated-png", "gif"],
)
def test_bad_photo_is_refused_with_a_clear_message_and_nothing_saved(client, editor, upload):
    client.force_login(editor)
    response = post(client, photos_image=upload)
    assert response.status_code == 200
    assert response.context["inline_admin_formsets"][0].formset.errors[0]["image"]
    assert not Release.objects.exists()
    assert not ReleasePhoto.objects.exists()
