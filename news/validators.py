"""The release attachment's check. The checks themselves live in linkj.pdfs, shared with the
media library; this wrapper keeps the name the migrations refer to."""

from __future__ import annotations

from linkj.pdfs import MESSAGES
from linkj.pdfs import validate_pdf as _validate_pdf

__all__ = ["MESSAGES", "validate_pdf"]


def validate_pdf(file) -> None:
    _validate_pdf(file)
