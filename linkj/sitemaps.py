from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap


class I18nSitemap(Sitemap):
    """Every address in each language, with hreflang alternates and an x-default.

    Addresses are on SITE_URL, whatever Host header or scheme the request came with."""

    i18n = True
    alternates = True
    x_default = True

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def lastmod(self, obj):
        return getattr(obj, "updated_at", None)
