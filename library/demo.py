"""Demo media library: two drawn images and a one-page PDF, so that `make run` shows the
library, its thumbnails, the unused filter and the pickers with something to pick."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from pypdf import PdfWriter

from linkj.demo import sync

from .models import Document, Image

IMAGES = [
    {
        "title": "demo-lab-bench",
        "colours": ((11, 92, 122), (210, 232, 240)),
        "alt": ("実験台に並ぶピペットと試験管", "Pipettes and test tubes on a laboratory bench"),
        "credit": ("LINK-J 事務局", "LINK-J office"),
    },
    {
        "title": "demo-conference-hall",
        "colours": ((120, 40, 40), (245, 225, 215)),
        "alt": ("講演者と聴衆のいる会議場", "A conference hall with a speaker and an audience"),
        "credit": ("LINK-J 事務局", "LINK-J office"),
    },
]

BROCHURE = ("LINK-J の活動紹介（デモ用）", "What LINK-J does (demo)")


def _drawing(colours) -> ContentFile:
    dark, light = colours
    image = PILImage.new("RGB", (1200, 800), light)
    draw = ImageDraw.Draw(image)
    for step in range(8):
        inset = step * 45
        draw.rectangle([inset, inset, 1199 - inset, 799 - inset], outline=dark, width=6)
    out = io.BytesIO()
    image.save(out, "PNG")
    return ContentFile(out.getvalue(), name="demo.png")


def _pdf() -> ContentFile:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return ContentFile(out.getvalue(), name="demo-brochure.pdf")


def load(stdout=None) -> int:
    changed = 0
    for data in IMAGES:
        values = {
            "alt_ja": data["alt"][0],
            "alt_en": data["alt"][1],
            "credit_ja": data["credit"][0],
            "credit_en": data["credit"][1],
        }
        if not Image.objects.filter(title=data["title"]).exists():
            values["file"] = _drawing(data["colours"])
        _image, was_changed = sync(Image, {"title": data["title"]}, values)
        changed += was_changed
    if not Document.objects.filter(title_ja=BROCHURE[0]).exists():
        Document.objects.create(
            title_ja=BROCHURE[0],
            title_en=BROCHURE[1],
            file=_pdf(),
            credit_ja="LINK-J",
            credit_en="LINK-J",
        )
        changed += 1
    return changed
