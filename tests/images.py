"""Image bytes for upload tests, made with Pillow."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(image_format="PNG", size=(64, 32), colour=(11, 92, 122), **save_kwargs) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, image_format, **save_kwargs)
    return out.getvalue()


def upload(name="logo.png", content=None, content_type="image/png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content if content is not None else image_bytes(), content_type)


def text_renamed_png() -> SimpleUploadedFile:
    return upload("logo.png", b"This is a plain text file, not an image.\n" * 10)


def decompression_bomb() -> SimpleUploadedFile:
    # 10,000 x 10,000 pixels of one colour compresses to a few kilobytes.
    out = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG")
    return upload("bomb.png", out.getvalue())


def oversized(limit: int) -> SimpleUploadedFile:
    return upload("huge.png", image_bytes() + b"\0" * (limit + 1))


def gif() -> SimpleUploadedFile:
    return upload("logo.gif", image_bytes("GIF"), "image/gif")


def jpeg_with_gps_exif() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    gps = {1: "N", 2: (35.0, 41.0, 0.0), 3: "E", 4: (139.0, 46.0, 0.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()
