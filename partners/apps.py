from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from linkj import extensions, media

        from . import media as partner_media
        from . import revisions
        from .models import LOGO_DIRECTORY, Partner
        from .sitemaps import PartnerSitemap

        revisions.register()
        extensions.sitemaps.register("partners", ("partners", PartnerSitemap))
        media.register(LOGO_DIRECTORY, partner_media.logo_visibility, model=Partner)
        extensions.library_uses.register(
            "partners.Partner.logo_image",
            extensions.LibraryUse("partners.Partner", "logo_image", partner_media.live_logo_uses),
        )
