"""Control characters never reach a view or a query: refused in addresses, dropped from text.

PostgreSQL refuses NUL in text ("cannot contain NUL (0x00) bytes"), so a `%00` in a filter,
a search term or a form field would otherwise end as a 500 wherever the value reaches a
query; the other C0 characters have no business in an address either, and break the XML of
feeds and sitemaps once stored. No page of the site takes them, so the answer is a plain 400.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

from linkj.views import uri_too_long

# C0 controls and DEL. Addresses (path, query string) may contain none of them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Typed text legitimately holds tabs and line breaks; nothing else below U+0020.
CONTROL_CHARACTERS_IN_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _any_match(pattern: re.Pattern, pairs: Iterable[tuple[str, list]]) -> bool:
    for key, values in pairs:
        if pattern.search(key) or any(pattern.search(value) for value in values):
            return True
    return False


def has_control_characters(request: HttpRequest) -> bool:
    """Control characters in the address or NUL in a header."""
    if CONTROL_CHARACTERS.search(request.path):
        return True
    if _any_match(CONTROL_CHARACTERS, request.GET.lists()):
        return True
    # (Uploaded file names need no check: Django's multipart parser drops non-printables.)
    return any("\x00" in value for key, value in request.META.items() if key.startswith("HTTP_"))


def clean_form_text(request: HttpRequest) -> None:
    """Drop control characters from typed form text instead of refusing the request.

    Text pasted from a word processor can carry a vertical tab or a form feed; refusing the
    save would lose everything the editor typed. Tabs and line breaks stay.
    """
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    if request.content_type not in FORM_CONTENT_TYPES:
        return
    if not _any_match(CONTROL_CHARACTERS_IN_TEXT, request.POST.lists()):
        return
    cleaned = request.POST.copy()
    for key, values in request.POST.lists():
        cleaned.setlist(
            CONTROL_CHARACTERS_IN_TEXT.sub("", key),
            [CONTROL_CHARACTERS_IN_TEXT.sub("", value) for value in values],
        )
        if CONTROL_CHARACTERS_IN_TEXT.search(key):
            del cleaned[key]
    cleaned._mutable = False
    request.POST = cleaned


class RefuseControlCharactersMiddleware:
    """Place after LocaleMiddleware, so that the 400 page speaks the address's language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_control_characters(request):
            # Django answers BadRequest with handler400 (templates/400.html), status 400.
            raise BadRequest("Control characters in the request.")
        clean_form_text(request)
        return self.get_response(request)


class RefuseLongAddressesMiddleware:
    """An address longer than settings.ADDRESS_MAX_BYTES answers the site's 414 page.

    No page of the site makes such an address; a longer one is a broken link or a probe.
    gunicorn refuses request lines past its own limit before Django sees them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # WSGI gives the address as it came over the wire, one character per byte (latin-1):
        # the query string still percent-encoded, the path decoded (so slightly shorter).
        length = len(request.META.get("PATH_INFO", "")) + len(request.META.get("QUERY_STRING", ""))
        if length > settings.ADDRESS_MAX_BYTES:
            return uri_too_long(request)
        return self.get_response(request)
