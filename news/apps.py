from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self) -> None:
        from . import extensions

        extensions.register()
        from linkj import media

        from . import media as news_media
        from . import schedule, signals  # noqa: F401
        from .models import ATTACHMENT_DIRECTORY, PHOTO_DIRECTORY, Release

        media.register(ATTACHMENT_DIRECTORY, news_media.attachment_visibility, model=Release)
        media.register(PHOTO_DIRECTORY, news_media.photo_visibility, model=Release)
