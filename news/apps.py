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
        from linkj.extensions import LibraryUse, library_uses

        library_uses.register(
            "news.Release.documents",
            LibraryUse(
                "news.Release", "documents", news_media.live_release_uses, until="unpublish_at"
            ),
        )
        library_uses.register(
            "news.ReleasePhoto.library_image",
            LibraryUse(
                "news.ReleasePhoto",
                "library_image",
                news_media.live_photo_uses,
                until="release__unpublish_at",
            ),
        )
