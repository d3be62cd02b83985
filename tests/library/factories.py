import factory
from django.core.files.uploadedfile import SimpleUploadedFile

from library.models import Document, Image
from tests.images import image_bytes
from tests.news.factories import pdf_bytes


class LibraryImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"photo-{n}")
    file = factory.LazyFunction(
        lambda: SimpleUploadedFile("photo.png", image_bytes(size=(640, 480)), "image/png")
    )
    alt_ja = "研究棟の外観"
    alt_en = "The research building from outside"
    credit_ja = "LINK-J 事務局"
    credit_en = "LINK-J office"


class LibraryDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    title_ja = factory.Sequence(lambda n: f"資料{n}")
    title_en = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: SimpleUploadedFile("brochure.pdf", pdf_bytes()))
    credit_ja = "LINK-J"
