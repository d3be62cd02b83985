from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from linkj import extensions, media, views
from linkj.cache import shared_response
from linkj.sitemaps import PagesSitemap
from linkj.sitemaps import index as sitemap_index

# The list pages, then each app's section as the apps registered them (linkj/extensions.py).
sitemaps = {"pages": PagesSitemap, **dict(extensions.sitemaps)}

admin.site.site_header = _("LINK-J back office")
admin.site.site_title = _("LINK-J back office")
admin.site.index_title = _("Site content")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    # Sitemaps: an index, and one sitemap per section, in pages (?p=2); the same for every
    # crawler, so kept whole until the content changes.
    path(
        "sitemap.xml",
        shared_response(sitemap_index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        shared_response(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

# Every public page lives under /ja/ or /en/. A bare "/" gets no pattern, so LocaleMiddleware
# redirects it to the visitor's preferred language, or Japanese.
urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("partners/", include("partners.urls")),
    path("news/", include("news.urls")),
    path("events/", include("events.urls")),
    # Members, accounts, event registration and lounge bookings (issue 10).
    path("accounts/", include("allauth.urls")),
    path("members/", include("members.urls")),
    path("registrations/", include("registrations.urls")),
    path("lounge/", include("bookings.urls")),
    # Standing pages (about, access, membership, privacy, terms) under one prefix of their own.
    path("about/", include("pages.urls")),
    path("contact/", include("contact.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("search/", include("search.urls")),
    prefix_default_language=True,
)

# Uploaded files, in every environment: through the view that checks who may see them.
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media")]

# Error pages in the site's layout and the address's language (linkj/views.py). Django's own
# 400 and 403 pages render without the request; 500 keeps Django's handler (500.html, no
# context: it must render even when the database is down). The CSRF failure page is
# CSRF_FAILURE_VIEW in settings; 414 comes from linkj.middleware.RefuseLongAddressesMiddleware.
handler400 = "linkj.views.bad_request"
handler403 = "linkj.views.permission_denied"
handler404 = "linkj.views.page_not_found"
