"""Staff previews of public pages, and the "Edit this page" link, kept out of every cache.

The page cache (linkj/cache.py) serves and stores only requests without a session cookie,
and never stores a response rendered for a signed-in user. The link is therefore rendered
only for a request carrying a session (never read for anyone else, so anonymous pages stay
free of the user query), and only for staff allowed to change the object.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from .cache import is_anonymous_request

PREVIEW_PARAMETER = "preview"


def frameable(response: HttpResponseBase) -> HttpResponseBase:
    """Let the admin's side-by-side preview show this page in a frame of the same site (the
    policy otherwise forbids any framing), and keep it out of search engines."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response._csp_replace = {"frame-ancestors": ["'self'"]}
    return response


def change_url_for(request: HttpRequest | None, obj) -> str:
    """The admin change form of `obj`, when this request's user may change it; else ""."""
    if request is None or obj is None or getattr(obj, "pk", None) is None:
        return ""
    # A preview is framed by the admin, which refuses to be framed: no link to it there.
    if is_anonymous_request(request) or wants_preview(request):
        return ""
    user = request.user
    opts = obj._meta
    if not (user.is_active and user.is_staff):
        return ""
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return ""
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def wants_preview(request: HttpRequest) -> bool:
    return PREVIEW_PARAMETER in request.GET or "draft" in request.GET


def mark_preview(response: HttpResponseBase) -> HttpResponseBase:
    """A staff preview: never cached anywhere, never indexed, framed by the admin only."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return frameable(response)
