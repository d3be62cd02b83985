from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Standing pages")

    def ready(self) -> None:
        from . import revisions, schedule  # noqa: F401
