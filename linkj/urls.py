from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from events.sitemaps import EventSitemap, VenueSitemap
from linkj import media, views
from news.sitemaps import ReleaseSitemap
from pages.sitemaps import PageSitemap
from partners.sitemaps import PartnerPagesSitemap, PartnerSitemap

sitemaps = {
    "pages": PartnerPagesSitemap,
    "partners": PartnerSitemap,
    "news": ReleaseSitemap,
    "events": EventSitemap,
    "venues": VenueSitemap,
    "about": PageSitemap,
}

admin.site.site_header = _("LINK-J back office")
admin.site.site_title = _("LINK-J back office")
admin.site.index_title = _("Site content")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# Every public page lives under /ja/ or /en/. A bare "/" gets no pattern, so LocaleMiddleware
# redirects it to the visitor's preferred language, or Japanese.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("partners/", include("partners.urls")),
    path("news/", include("news.urls")),
    path("events/", include("events.urls")),
    # Standing pages (about, access, membership, privacy, terms) under one prefix of their own.
    path("about/", include("pages.urls")),
    path("contact/", include("contact.urls")),
    path("newsletter/", include("newsletter.urls")),
    prefix_default_language=True,
)

# Uploaded files, in every environment: through the view that checks who may see them.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media")]

# Django's own 400 page renders without the request, so it could not speak the visitor's
# language; 404 and 500 use Django's defaults (404.html with the request, 500.html without).
handler400 = "linkj.views.bad_request"
