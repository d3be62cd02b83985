from django.db.models import Q

from linkj.sitemaps import I18nSitemap

from .models import Release, language_codes


class ReleaseSitemap(I18nSitemap):
    """Each release at the address of every language it is live in, and only those."""

    changefreq = "monthly"

    def items(self):
        live_anywhere = Q(pk__in=[])
        for code in language_codes():
            live_anywhere |= Q(pk__in=Release.objects.live(code).values("pk"))
        return Release.objects.filter(live_anywhere).newest_first()

    def get_languages_for_item(self, release):
        return release.live_languages()
