"""PDF checks: a PDF must really be a PDF, with nothing that runs, and not too large.

Readers forgive a lot (a header anywhere in the first kilobyte, broken cross-references), so
a PDF header alone proves nothing: an HTML page that starts with one passes. The file is
parsed with pypdf and every object reachable from its trailer is inspected, without
decoding content streams, for what a reader would execute or hand to the system.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDF_MAGIC = b"%PDF-"

# Keys that only appear where a script is attached: a JavaScript action (/JS), the
# document-level name tree of scripts (/JavaScript), additional actions that fire on
# events such as opening a page or focusing a field (/AA), and XFA forms, which carry
# their own scripts (/XFA).
SCRIPT_KEYS = ("/JS", "/JavaScript", "/AA", "/XFA")
# Files carried inside the PDF: the name tree, a file specification's stream, the stream.
EMBEDDED_FILE_KEYS = ("/EmbeddedFiles", "/EF")

MESSAGES = {
    "pdf_format": _("This file is not a PDF document (it may only have been renamed .pdf)."),
    "pdf_unreadable": _("This file cannot be read."),
    "pdf_damaged": _(
        "This PDF cannot be read: it may be damaged or incomplete. Export it again from "
        "the program that made it."
    ),
    "pdf_encrypted": _(
        "This PDF is encrypted or password-protected. Upload a copy without a password."
    ),
    "pdf_javascript": _(
        "This PDF contains JavaScript or actions that run when it is opened. Export it "
        "again without scripts (for example with “Print to PDF”)."
    ),
    "pdf_launch": _(
        "This PDF contains an action that starts another program. Export it again "
        "without it (for example with “Print to PDF”)."
    ),
    "pdf_embedded_files": _("This PDF carries embedded files. Upload a PDF without attachments."),
}


def _refuse(code: str) -> ValidationError:
    return ValidationError(MESSAGES[code], code=code)


def _too_large(size: int, limit: int) -> ValidationError:
    return ValidationError(
        _("This PDF is %(size)s; attachments may be at most %(limit)s."),
        code="pdf_too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
    )


def _name(value) -> str | None:
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return str(value) if isinstance(value, str) else None


def _active_content(reader: PdfReader) -> str | None:
    """The code of the first thing that runs or carries a file, in any reachable object."""
    seen: set[tuple[int, int]] = set()
    pending = [reader.trailer]
    while pending:
        obj = pending.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if any(key in obj for key in SCRIPT_KEYS):
                return "pdf_javascript"
            if any(key in obj for key in EMBEDDED_FILE_KEYS):
                return "pdf_embedded_files"
            action = _name(dict.get(obj, "/S"))
            if action == "/JavaScript":
                return "pdf_javascript"
            if action == "/Launch":
                return "pdf_launch"
            if _name(dict.get(obj, "/Type")) == "/EmbeddedFile":
                return "pdf_embedded_files"
            # dict.values and list iteration keep references unresolved, for `seen`.
            pending.extend(dict.values(obj))
        elif isinstance(obj, ArrayObject):
            pending.extend(list.__iter__(obj))
    return None


def validate_pdf(file) -> None:
    max_bytes = settings.LINKJ_PDF_MAX_BYTES
    size = getattr(file, "size", None)
    if size is not None and size > max_bytes:
        raise _too_large(size, max_bytes)
    try:
        file.seek(0)
        data = file.read(max_bytes + 1)
        file.seek(0)
    except (OSError, ValueError):
        raise _refuse("pdf_unreadable") from None
    if not data.startswith(PDF_MAGIC):
        raise _refuse("pdf_format")
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse("pdf_encrypted")
        if len(reader.pages) == 0:
            raise _refuse("pdf_damaged")
        found = _active_content(reader)
    except ValidationError:
        raise
    except Exception:
        # A parser fed hostile bytes fails in many ways (its own errors, but also
        # ValueError, KeyError, RecursionError...): any of them means unreadable here.
        raise _refuse("pdf_damaged") from None
    if found:
        raise _refuse(found)
