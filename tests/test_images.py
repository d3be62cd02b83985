import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation
from PIL import Image

from linkj.images import clean_image, rendition
from tests import images
from tests.factories import PartnerFactory


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_png_is_reencoded_and_keeps_its_format():
    cleaned = clean_image(images.upload())
    assert cleaned.name == "logo.png"
    assert Image.open(io.BytesIO(cleaned.read())).format == "PNG"


def test_exif_and_gps_are_removed_from_jpeg():
    raw = images.jpeg_with_gps_exif()
    assert Image.open(io.BytesIO(raw)).getexif()
    cleaned = clean_image(images.upload("photo.jpg", raw, "image/jpeg"))
    reopened = Image.open(io.BytesIO(cleaned.read()))
    assert reopened.format == "JPEG"
    assert not reopened.getexif()
    assert "exif" not in reopened.info


def test_trailing_data_after_a_png_is_dropped():
    raw = images.image_bytes() + b"<?php echo 'hidden'; ?>"
    cleaned = clean_image(images.upload("logo.png", raw))
    assert b"<?php" not in cleaned.read()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (images.text_renamed_png, "not a PNG, JPEG or WebP"),
        (images.gif, "not a PNG, JPEG or WebP"),
        (images.decompression_bomb, "too many pixels"),
    ],
)
def test_bad_images_are_refused_with_a_clear_message(make, message):
    with pytest.raises(ValidationError) as excinfo:
        clean_image(make())
    assert message in str(excinfo.value)


def test_oversized_file_is_refused_before_decoding(settings):
    with pytest.raises(ValidationError) as excinfo:
        clean_image(images.oversized(settings.LINKJ_IMAGE_MAX_BYTES))
    assert "at most" in str(excinfo.value)


def test_truncated_image_is_refused():
    raw = images.image_bytes("PNG", size=(400, 400))
    with pytest.raises(ValidationError) as excinfo:
        clean_image(images.upload("cut.png", raw[: len(raw) // 2]))
    assert "damaged" in str(excinfo.value)


@pytest.mark.django_db
def test_the_orm_path_validates_too():
    partner = PartnerFactory()
    with pytest.raises(ValidationError):
        partner.logo.save("evil.png", ContentFile(b"not an image"))
    partner.logo.save("good.png", ContentFile(images.jpeg_with_gps_exif()))
    partner.refresh_from_db()
    assert partner.logo.name.endswith(".jpg")
    with Image.open(partner.logo.path) as stored:
        assert not stored.getexif()
    assert (partner.logo_width, partner.logo_height) == (40, 30)


@pytest.mark.django_db
def test_renditions_are_made_once_and_never_upscaled(media_root):
    partner = PartnerFactory()
    partner.logo.save("logo.png", ContentFile(images.image_bytes(size=(300, 150))))
    small = rendition(partner.logo, 120)
    assert (small.width, small.height) == (120, 60)
    with Image.open(media_root / small.url.removeprefix("/media/")) as image:
        assert image.size == (120, 60)
    big = rendition(partner.logo, 2000)
    assert (big.width, big.height) == (300, 150)
    assert rendition(partner.logo, 120) == small
