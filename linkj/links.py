"""Absolute links (canonical, hreflang, og:url, feeds, calendars, sitemaps) from SITE_URL.

Never from the request: its Host header is the client's to choose, and a path such as
`//evil.example/` read back into a link names another host (`https://evil.example/`).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.encoding import iri_to_uri


def site_path(path: str) -> str:
    """A path safe to print as a link on this site: one leading slash, so that no client
    path becomes a network-path reference, and percent-encoded (backslashes, which browsers
    read as slashes, and control characters included)."""
    return iri_to_uri("/" + path.lstrip("/\\"))


def absolute_url(url: str) -> str:
    """SITE_URL plus the path; a URL that already names its scheme (a file on object
    storage) is kept as it is."""
    if url.lower().startswith(("https://", "http://")):
        return url
    return settings.SITE_URL.rstrip("/") + site_path(url)
