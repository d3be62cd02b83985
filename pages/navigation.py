"""The header and footer links to standing pages: one query, then cached.

A saved or deleted page drops the cached menus (and the page cache drops every page that
shows them), and a cached menu is never used past the next scheduled change of a page (a
go-live or a take-down), so the menus are as current as the pages they sit on. Saves of
other content leave the menus cached. They are site chrome, cached whether or not whole pages
are: a page's own queries are what tests/test_query_budget.py counts.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
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


def _key(language: str) -> str:
    return f"pages:navigation:{language}"


def forget() -> None:
    try:
        cache.delete_many([_key(code) for code, _name in settings.LANGUAGES])
    except page_cache.CACHE_ERRORS:
        pass


@receiver(post_save, sender=Page, dispatch_uid="pages.navigation.saved")
@receiver(post_delete, sender=Page, dispatch_uid="pages.navigation.deleted")
def _page_changed(sender, using=None, **kwargs) -> None:
    forget()
    # Once more after the commit: a menu built from the old rows in between may be stored.
    transaction.on_commit(forget, using=using)


def menus(language: str | None = None) -> dict[str, list[dict]]:
    """{"header": [...], "footer": [...]}: live pages of `language`, each a slug, label, url."""
    language = current_language(language)
    now = timezone.now()
    try:
        key = _key(language)
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
