from django.contrib.sitemaps import Sitemap

from .models import Event, Venue


class EventSitemap(Sitemap):
    """Published events in every language (i18n=True gives /ja/ and /en/ addresses)."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at


class VenueSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Venue.objects.order_by("position", "pk")

    def lastmod(self, venue):
        return venue.updated_at
