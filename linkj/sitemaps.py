"""Sitemaps: an index (/sitemap.xml) pointing to one sitemap per section, each in pages.

Django's Sitemap pairs every item with every language before it paginates, so each page of
a large section would load every row. Here a page is a page of items, one sliced query with
only the columns a URL needs; each item gives one URL per language it exists in.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import Paginator
from django.db.models import Count, Max, QuerySet
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.http import http_date

from linkj.cache import remember
from linkj.links import absolute_url

# Stands in for the slug while a URL is reversed once per language (slugs are ASCII and
# need no quoting, so the real slug can replace it as text).
_SLUG = "__slug__"


class ItemPaginator(Paginator):
    """Paginates items; each page lists (item, language) pairs, as Django's i18n code wants."""

    def __init__(self, object_list, per_page, languages_of, count: int | None = None):
        super().__init__(object_list, per_page)
        self.languages_of = languages_of
        if count is not None:
            self.__dict__["count"] = count  # already known: no COUNT query

    def _get_page(self, object_list, number, paginator):
        pairs = [(item, code) for item in object_list for code in self.languages_of(item)]
        return super()._get_page(pairs, number, paginator)


class I18nSitemap(Sitemap):
    """Every address in each language, with hreflang alternates and an x-default.

    Addresses are on SITE_URL, whatever Host header or scheme the request came with."""

    i18n = True
    alternates = True
    x_default = True
    # Items per page; with two languages a page holds at most 2,000 URLs (the protocol
    # allows 50,000), which keeps each page quick to build.
    limit = 1000

    # The URL name of the detail page, reversed with `slug`. Reversing once per language
    # instead of once per URL and alternate makes a page of 5,000 URLs several times faster.
    url_name = ""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def lastmod(self, obj):
        return getattr(obj, "updated_at", None)

    def _location(self, item, force_lang_code=None):
        if not self.url_name:
            return super()._location(item, force_lang_code)
        obj, code = item
        code = force_lang_code or code
        if code not in self._url_templates:
            with translation.override(code):
                self._url_templates[code] = reverse(self.url_name, kwargs={"slug": _SLUG})
        return self._url_templates[code].replace(_SLUG, obj.slug)

    @property
    def _url_templates(self) -> dict[str, str]:
        return self.__dict__.setdefault("_templates", {})

    @property
    def paginator(self):
        items = self.items()
        count = self.numbers(items)["count"] if isinstance(items, QuerySet) else None
        return ItemPaginator(items, self.limit, self.get_languages_for_item, count)

    def numbers(self, items: QuerySet) -> dict:
        """The section's size and latest change: one aggregate, kept until content changes."""
        return remember(
            f"sitemap:{type(self).__qualname__}",
            lambda: items.aggregate(count=Count("pk"), latest=Max("updated_at")),
        )

    def get_latest_lastmod(self):
        """For the index: the section's latest change."""
        items = self.items()
        if not isinstance(items, QuerySet):
            return None
        return self.numbers(items)["latest"]


class PagesSitemap(I18nSitemap):
    """The home page and the list pages."""

    changefreq = "daily"
    PAGES = [
        "home",
        "partners:partner_list",
        "partners:history",
        "news:release_list",
        "events:event_list",
        "events:past_event_list",
        "events:venue_list",
    ]

    def items(self):
        return self.PAGES

    def location(self, name):
        return reverse(name)


@x_robots_tag
def index(request, sitemaps: dict, sitemap_url_name: str):
    """Django's sitemap index, with each section's address built from SITE_URL: Django's
    own view takes the host from the request (linkj/links.py says why that is never done)."""
    items = []
    latest = []
    for section, site in sitemaps.items():
        site = site() if callable(site) else site
        location = absolute_url(reverse(sitemap_url_name, kwargs={"section": section}))
        lastmod = site.get_latest_lastmod()
        latest.append(lastmod)
        items.append(SitemapIndexItem(location, lastmod))
        items += [
            SitemapIndexItem(f"{location}?p={page}", lastmod)
            for page in range(2, site.paginator.num_pages + 1)
        ]
    headers = None
    if latest and None not in latest:
        headers = {"Last-Modified": http_date(max(latest).timestamp())}
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": items},
        content_type="application/xml",
        headers=headers,
    )
