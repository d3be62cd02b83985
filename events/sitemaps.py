from linkj.sitemaps import I18nSitemap

from .models import Event, Venue


class EventSitemap(I18nSitemap):
    """Published events in every language (i18n=True gives /ja/ and /en/ addresses)."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at", "pk")


class VenueSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Venue.objects.order_by("position", "pk")
