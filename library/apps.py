from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Media library")

    def ready(self) -> None:
        from linkj import media

        from . import media as library_media
        from .models import DOCUMENT_DIRECTORY, IMAGE_DIRECTORY, Document, Image

        media.register(IMAGE_DIRECTORY, library_media.image_visibility, model=Image)
        media.register(DOCUMENT_DIRECTORY, library_media.document_visibility, model=Document)
