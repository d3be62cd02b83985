import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from pypdf import PdfWriter

from linkj.publishing import Status
from news.models import Category, Quote, Release, ReleasePhoto


def png_bytes(width: int = 1200, height: int = 800, color=(30, 90, 160)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "PNG")
    return out.getvalue()


def pdf_bytes(padding: int = 0, change=None) -> bytes:
    """A real one-page PDF. `padding` adds about that many bytes (for size limits);
    `change(writer)` may add anything to it before it is written (for refused PDFs)."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Padding": "x" * padding})
    if change is not None:
        change(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class ReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Release
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"release-{n}")
    title_ja = factory.Sequence(lambda n: f"リリース{n}")
    title_en = factory.Sequence(lambda n: f"Release {n}")
    lead_ja = "提携を発表しました。"
    lead_en = "A new partnership was announced."
    body_ja = "<p>本文です。</p>"
    body_en = "<p>The body.</p>"
    date = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    category = Category.PRESS_RELEASE
    status = Status.PUBLISHED
    publish_at_ja = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    publish_at_en = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)


class DraftReleaseFactory(ReleaseFactory):
    status = Status.DRAFT
    publish_at_ja = None
    publish_at_en = None


class ReleasePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReleasePhoto

    release = factory.SubFactory(ReleaseFactory)
    image = factory.LazyFunction(lambda: SimpleUploadedFile("photo.png", png_bytes()))
    alt_ja = "署名式の様子"
    alt_en = "The signing ceremony"
    caption_ja = "署名式"
    caption_en = "Signing ceremony"
    credit = "LINK-J"


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    release = factory.SubFactory(ReleaseFactory)
    speaker_ja = "山田太郎"
    speaker_en = "Taro Yamada"
    speaker_title_ja = "事務局長"
    speaker_title_en = "Executive Director"
    organisation_ja = "LINK-J"
    organisation_en = "LINK-J"
    text_ja = "大変嬉しく思います。"
    text_en = "We are delighted."
