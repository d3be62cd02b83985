from django.urls import reverse

from linkj.sitemaps import I18nSitemap

from .models import Partner


class PartnerSitemap(I18nSitemap):
    changefreq = "monthly"

    def items(self):
        return Partner.objects.public().order_by("slug")


class PartnerPagesSitemap(I18nSitemap):
    changefreq = "weekly"

    def items(self):
        return ["home", "partners:partner_list", "partners:history"]

    def location(self, name):
        return reverse(name)
