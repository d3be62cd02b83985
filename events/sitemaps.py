from linkj.sitemaps import I18nSitemap

from .models import Event, Venue


class EventSitemap(I18nSitemap):
    """Published events in every language (i18n=True gives /ja/ and /en/ addresses)."""

    changefreq = "weekly"
    url_name = "events:event_detail"

    def items(self):
        return Event.objects.live().only("slug", "updated_at").order_by("-starts_at", "pk")


class VenueSitemap(I18nSitemap):
    changefreq = "monthly"
    url_name = "events:venue_detail"

    def items(self):
        return Venue.objects.only("slug", "updated_at").order_by("position", "pk")
