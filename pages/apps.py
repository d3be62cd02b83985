from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Standing pages")

    def ready(self) -> None:
        from linkj import extensions

        from . import revisions, schedule  # noqa: F401
        from .sitemaps import PageSitemap

        revisions.register()
        extensions.sitemaps.register("about", ("about", PageSitemap))
