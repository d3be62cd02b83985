from django.contrib.sitemaps import Sitemap


class I18nSitemap(Sitemap):
    """Every address in each language, with hreflang alternates and an x-default."""

    i18n = True
    alternates = True
    x_default = True

    def lastmod(self, obj):
        return getattr(obj, "updated_at", None)
