from django.db.models import Q

from linkj.publishing import language_codes
from linkj.sitemaps import I18nSitemap

from .models import Page


class PageSitemap(I18nSitemap):
    """Each standing page at the address of every language it is live in, and only those."""

    changefreq = "yearly"

    def items(self):
        live_anywhere = Q(pk__in=[])
        for code in language_codes():
            live_anywhere |= Q(pk__in=Page.objects.live(code).values("pk"))
        return Page.objects.filter(live_anywhere).order_by("position", "pk")

    def get_languages_for_item(self, page):
        return page.live_languages()
