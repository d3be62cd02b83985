"""Attachment checks: a PDF must really be a PDF, and not too large."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF_MAGIC = b"%PDF-"
# The header may follow a little junk; PDF readers look in the first kilobyte.
HEADER_WINDOW = 1024
TRAILER_WINDOW = 2048


def validate_pdf(file) -> None:
    max_bytes = settings.LINKJ_PDF_MAX_BYTES
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(
            _("This PDF is %(size)s; attachments may be at most %(limit)s."),
            code="pdf_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    try:
        file.seek(0)
        head = file.read(HEADER_WINDOW)
        if size and size > TRAILER_WINDOW:
            file.seek(size - TRAILER_WINDOW)
        else:
            file.seek(0)
        tail = file.read()
        file.seek(0)
    except (OSError, ValueError):
        raise ValidationError(_("This file cannot be read."), code="pdf_unreadable") from None
    if PDF_MAGIC not in head or b"%%EOF" not in tail:
        raise ValidationError(
            _("This file is not a PDF document (it may only have been renamed .pdf)."),
            code="pdf_format",
        )
