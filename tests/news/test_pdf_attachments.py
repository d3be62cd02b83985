"""PDF attachments: a real PDF from its first byte, nothing that runs, no passengers.

Every bad PDF is built here with pypdf, so each test shows what makes it bad.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

from news.models import Release
from news.validators import MESSAGES, validate_pdf
from tests.news.factories import DraftReleaseFactory, pdf_bytes
from tests.news.helpers import release_form_data

pytestmark = pytest.mark.django_db


def javascript_action(script: str = "app.alert(document.cookie)") -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(script),
        }
    )


def open_action_javascript(writer):
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(javascript_action())


def open_action_javascript_without_js_key(writer):
    # /S /JavaScript whose script hides in a /Next action of another type: the type alone
    # must be enough.
    action = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/Next"): ArrayObject()}
    )
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)


def document_javascript_name_tree(writer):
    names = DictionaryObject(
        {
            NameObject("/JavaScript"): DictionaryObject(
                {
                    NameObject("/Names"): ArrayObject(
                        [TextStringObject("init"), writer._add_object(javascript_action())]
                    )
                }
            )
        }
    )
    writer.root_object[NameObject("/Names")] = writer._add_object(names)


def page_additional_action(writer):
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): javascript_action()})


def link_annotation(action: DictionaryObject):
    def change(writer):
        annotation = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Link"),
                NameObject("/Rect"): ArrayObject(
                    [FloatObject(0), FloatObject(0), FloatObject(100), FloatObject(100)]
                ),
                NameObject("/A"): action,
            }
        )
        writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])

    return change


def launch_action() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("C:\\Windows\\System32\\cmd.exe"),
        }
    )


def uri_action() -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/URI"),
            NameObject("/URI"): TextStringObject("https://www.link-j.example/"),
        }
    )


def embedded_file(writer):
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 not really a program")


def xfa_form(writer):
    writer.root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): ArrayObject(),
            NameObject("/XFA"): TextStringObject("<xdp:xdp><script>x</script></xdp:xdp>"),
        }
    )


def encrypted(writer):
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")


def open_at_first_page(writer):
    # An /OpenAction that is only a destination (open at page 1, fit) is ordinary.
    writer.root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")]
    )


REFUSED = {
    "openaction-javascript": (pdf_bytes(change=open_action_javascript), "pdf_javascript"),
    "openaction-javascript-type-only": (
        pdf_bytes(change=open_action_javascript_without_js_key),
        "pdf_javascript",
    ),
    "names-javascript": (pdf_bytes(change=document_javascript_name_tree), "pdf_javascript"),
    "page-additional-action": (pdf_bytes(change=page_additional_action), "pdf_javascript"),
    "link-javascript": (
        pdf_bytes(change=link_annotation(javascript_action())),
        "pdf_javascript",
    ),
    "link-launch": (pdf_bytes(change=link_annotation(launch_action())), "pdf_launch"),
    "embedded-file": (pdf_bytes(change=embedded_file), "pdf_embedded_files"),
    "xfa": (pdf_bytes(change=xfa_form), "pdf_javascript"),
    "encrypted": (pdf_bytes(change=encrypted), "pdf_encrypted"),
    "html-with-pdf-header-first": (
        b"%PDF-1.7\n<html><body><script>alert(document.domain)</script></body></html>\n%%EOF\n",
        "pdf_damaged",
    ),
    "html-with-pdf-header-inside": (
        b"<html><!-- %PDF-1.4 --><script>alert(1)</script></html>\n" + pdf_bytes(),
        "pdf_format",
    ),
    "pdf-after-a-space": (b" " + pdf_bytes(), "pdf_format"),
    "truncated": (pdf_bytes()[:120], "pdf_damaged"),
    "header-then-noise": (b"%PDF-1.4\n" + bytes(range(256)) * 20, "pdf_damaged"),
    "empty": (b"", "pdf_format"),
}
ACCEPTED = {
    "plain": pdf_bytes(),
    "link-to-a-web-page": pdf_bytes(change=link_annotation(uri_action())),
    "opens-at-the-first-page": pdf_bytes(change=open_at_first_page),
}


@pytest.mark.parametrize(("content", "code"), REFUSED.values(), ids=REFUSED.keys())
def test_validator_refuses_a_bad_pdf_with_its_reason(content, code):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(ContentFile(content, name="release.pdf"))
    assert refused.value.code == code


@pytest.mark.parametrize("content", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_validator_accepts_an_ordinary_pdf(content):
    validate_pdf(ContentFile(content, name="release.pdf"))


@pytest.mark.parametrize(("content", "code"), REFUSED.values(), ids=REFUSED.keys())
def test_model_full_clean_refuses_a_bad_pdf(content, code):
    release = DraftReleaseFactory()
    release.attachment_en = ContentFile(content, name="release.pdf")
    with pytest.raises(ValidationError) as refused:
        release.full_clean()
    assert [error.code for error in refused.value.error_dict["attachment_en"]] == [code]


def test_model_full_clean_accepts_a_plain_pdf():
    release = DraftReleaseFactory()
    release.attachment_en = ContentFile(pdf_bytes(), name="release.pdf")
    release.full_clean()


@pytest.mark.parametrize(
    "name", ["openaction-javascript", "link-launch", "embedded-file", "html-with-pdf-header-first"]
)
def test_admin_form_refuses_a_bad_pdf_with_a_translated_message(client, editor, name):
    content, code = REFUSED[name]
    client.force_login(editor)
    response = client.post(
        "/admin/news/release/add/",
        release_form_data(attachment_ja=SimpleUploadedFile("release.pdf", content)),
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["attachment_ja"]
    with translation.override("ja"):
        assert errors == [str(MESSAGES[code])]
    assert not Release.objects.exists()


def test_admin_form_accepts_a_plain_pdf(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/news/release/add/",
        release_form_data(attachment_ja=SimpleUploadedFile("release.pdf", pdf_bytes())),
    )
    assert response.status_code == 302
    assert Release.objects.get().attachment_ja.name.endswith(".pdf")


def test_the_size_cap_still_holds_for_a_valid_pdf(settings):
    settings.LINKJ_PDF_MAX_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        validate_pdf(ContentFile(pdf_bytes(padding=5000), name="release.pdf"))
    assert refused.value.code == "pdf_too_large"


def test_every_refusal_has_a_japanese_message():
    with translation.override("ja"):
        for code, message in MESSAGES.items():
            assert not str(message).isascii(), code
