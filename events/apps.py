from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from . import extensions

        extensions.register()
        from linkj import media

        from .media import speaker_photo_visibility
        from .models import SPEAKER_PHOTO_DIRECTORY, Event

        media.register(SPEAKER_PHOTO_DIRECTORY, speaker_photo_visibility, model=Event)
        from linkj.extensions import LibraryUse, library_uses

        from .media import live_image_uses

        library_uses.register(
            "events.Event.image", LibraryUse("events.Event", "image", live_image_uses)
        )

        from . import revisions, schedule  # noqa: F401

        revisions.register()
