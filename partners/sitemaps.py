from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Partner


class PartnerSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Partner.objects.public().order_by("slug")

    def lastmod(self, partner):
        return partner.updated_at


class PartnerPagesSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["home", "partners:partner_list", "partners:history"]

    def location(self, name):
        return reverse(name)
