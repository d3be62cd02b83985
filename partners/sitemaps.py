from linkj.sitemaps import I18nSitemap

from .models import Partner


class PartnerSitemap(I18nSitemap):
    changefreq = "monthly"
    url_name = "partners:partner_detail"

    def items(self):
        return Partner.objects.live().only("slug", "updated_at").order_by("slug")
