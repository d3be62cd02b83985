"""The header and footer links to standing pages: one query, then cached.

The cache key carries the page cache's generation, which every content save replaces, and the
entry is never used past the next scheduled change of any page (a go-live or a take-down), so
the menus are as current as the pages they sit on.
"""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.utils import timezone

from linkj import cache as page_cache
from linkj.publishing import Status, current_language

from .models import Navigation, Page

TIMEOUT = page_cache.TIMEOUT


def _build(language: str, now: datetime.datetime) -> tuple[dict[str, list[dict]], list]:
    """The menus and the times at which they change, from one query.

    Navigation pages are a handful of rows: reading every published one, live or scheduled,
    and applying the rule (Page.is_live mirrors PublishedQuerySet.live) in Python gives both
    the menus and their next change without a second query."""
    menus: dict[str, list[dict]] = {Navigation.HEADER: [], Navigation.FOOTER: []}
    changes = []
    pages = (
        Page.objects.filter(status=Status.PUBLISHED)
        .exclude(navigation=Navigation.NONE)
        .order_by("position", "pk")
        .only(
            "slug",
            "navigation",
            "status",
            "unpublish_at",
            f"publish_at_{language}",
            f"title_{language}",
            f"nav_title_{language}",
        )
    )
    for page in pages:
        changes += [page.publish_at_for(language), page.unpublish_at]
        if page.is_live(language, now=now):
            menus[page.navigation].append(
                {"slug": page.slug, "label": page.label_in(language), "url": page.url_in(language)}
            )
    return menus, [moment for moment in changes if moment is not None and moment > now]


def menus(language: str | None = None) -> dict[str, list[dict]]:
    """{"header": [...], "footer": [...]}: live pages of `language`, each a slug, label, url."""
    language = current_language(language)
    now = timezone.now()
    try:
        key = f"pages:navigation:{page_cache.generation()}:{language}"
        stored = cache.get(key)
    except page_cache.CACHE_ERRORS:
        return _build(language, now)[0]
    if stored is not None:
        built_at, valid_until, found = stored
        # The application's clock, not only the cache's expiry: go-live times are read there.
        if built_at <= now < valid_until:
            return found
    found, upcoming = _build(language, now)
    valid_until = min([now + datetime.timedelta(seconds=TIMEOUT), *upcoming])
    seconds = max(1, int((valid_until - now).total_seconds()))
    try:
        cache.set(key, (now, valid_until, found), timeout=seconds)
    except page_cache.CACHE_ERRORS:
        pass
    return found
