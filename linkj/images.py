"""Uploaded images: strict checks, re-encoding without metadata, and cached renditions.

Django's own ImageField trusts Pillow's defaults: any format Pillow knows, files it only warns
about, trailing junk, EXIF GPS data. Here an upload is opened with an explicit format list,
capped in bytes and pixels before it is decoded, fully decoded, then re-encoded from pixels.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from linkj import media

ALLOWED_FORMATS = ("PNG", "JPEG", "WEBP")
EXTENSIONS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
ACCEPT = "image/png,image/jpeg,image/webp"


def _limits() -> tuple[int, int]:
    return settings.LINKJ_IMAGE_MAX_BYTES, settings.LINKJ_IMAGE_MAX_PIXELS


def clean_image(upload) -> ContentFile:
    """Validate an uploaded image and return a re-encoded copy, or raise ValidationError."""
    max_bytes, max_pixels = _limits()
    size = getattr(upload, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("This image is %(size)s; images may be at most %(limit)s."),
            code="image_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; treat it as an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=ALLOWED_FORMATS)
            width, height = image.size
            if width * height > max_pixels:
                raise _too_many_pixels(width, height, max_pixels)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels(0, 0, max_pixels) from None
    except UnidentifiedImageError:
        raise ValidationError(
            _("This file is not a PNG, JPEG or WebP image."), code="image_format"
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(
            _("This image file is damaged or incomplete and cannot be read."), code="image_broken"
        ) from None
    source_format = image.format
    image = ImageOps.exif_transpose(image)
    data = _encode(image, source_format)
    name = PurePosixPath(getattr(upload, "name", "") or "image").stem[:80] or "image"
    cleaned = ContentFile(data, name=f"{name}.{EXTENSIONS[source_format]}")
    cleaned.linkj_reencoded = True
    return cleaned


def _too_many_pixels(width: int, height: int, max_pixels: int) -> ValidationError:
    return ValidationError(
        _("This image has too many pixels; the limit is %(limit)s megapixels."),
        code="image_too_many_pixels",
        params={"limit": max_pixels // 1_000_000},
    )


def _encode(image: Image.Image, image_format: str) -> bytes:
    """Encode pixels only: no EXIF, XMP, text chunks or comments survive."""
    out = io.BytesIO()
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif image_format == "WEBP":
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
        image.save(out, "WEBP", quality=88, method=4)
    else:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


class ValidatedImageFormField(forms.ImageField):
    default_validators = [FileExtensionValidator(["png", "jpg", "jpeg", "webp"])]

    def to_python(self, data):
        # Skip forms.ImageField's own lenient Pillow check: clean_image is the stricter one.
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        return clean_image(upload)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = ACCEPT
        return attrs


class ValidatedImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        # Every way of storing a file ends here: a form, `instance.logo.save(...)`, or an
        # uncommitted file assigned before `instance.save()` (FileField.pre_save calls this).
        if not getattr(content, "linkj_reencoded", False):
            cleaned = clean_image(content)
            name = f"{PurePosixPath(name).stem}{PurePosixPath(cleaned.name).suffix}"
            content = cleaned
        super().save(name, content, save)


class ValidatedImageField(models.ImageField):
    """An ImageField whose every save path (admin, ORM, loader) goes through clean_image."""

    attr_class = ValidatedImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ValidatedImageFormField, **kwargs})


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int


def _source_size(field_file) -> tuple[int, int]:
    field = field_file.field
    instance = field_file.instance
    if field.width_field and field.height_field:
        width = getattr(instance, field.width_field)
        height = getattr(instance, field.height_field)
        if width and height:
            return width, height
    return field_file.width, field_file.height


RENDITION_CACHE_SECONDS = 60 * 60 * 24 * 30


def rendition(field_file, width: int, image_format: str = "WEBP") -> Rendition:
    """Return a resized copy of an uploaded image, made once and kept in the same storage.

    Its name is derived from the source's (`renditions/<source name>/<width>.webp`), so the
    media view can tell whose file it is. Whether it exists is remembered in the cache: a page
    view asks the storage (a round trip to object storage) only when the cache is cold.
    """
    source_width, source_height = _source_size(field_file)
    width = min(width, source_width)
    height = max(1, round(source_height * width / source_width))
    storage = field_file.storage
    name = media.rendition_name(field_file.name, width, EXTENSIONS[image_format])
    key = media.cache_key("rendition", name, storage)
    if not cache.get(key) and not storage.exists(name):
        with field_file.open("rb") as source, Image.open(source, formats=ALLOWED_FORMATS) as image:
            image = image.copy()
        image.thumbnail((width, height), Image.Resampling.LANCZOS)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        out = io.BytesIO()
        image.save(out, image_format, quality=82)
        saved = storage.save(name, ContentFile(out.getvalue()))
        if saved != name:
            # Another worker made the same rendition meanwhile; the bytes are the same.
            storage.delete(saved)
    cache.set(key, True, RENDITION_CACHE_SECONDS)
    return Rendition(url=storage.url(name), width=width, height=height)
