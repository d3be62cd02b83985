from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkjConfig(AppConfig):
    name = "linkj"
    verbose_name = _("LINK-J site")

    def ready(self) -> None:
        from . import cache

        cache.connect_signals()
